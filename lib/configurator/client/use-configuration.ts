'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clearConfiguration, loadConfiguration, saveConfiguration } from '../autosave';
import { newConfiguration, withFormValue, withRelease, withValuesText, type Configuration } from '../configuration';
import { defaultValues } from '../values-document';
import type { PlainMap, PlainValue, ValuePath } from '../plain-values';
import type { ReleaseOptions } from '../release-options';

const AUTOSAVE_DELAY_MS = 250;

export interface ConfigurationHandle {
  configuration: Configuration;
  defaults: PlainMap;
  /** False until the autosaved configuration (if any) has been restored. */
  restored: boolean;
  /** When the restored configuration was saved (ms since the epoch), if one was. */
  restoredFrom: number | null;
  setText(text: string): void;
  /** A form edit; returns false when paused because the text doesn't parse. */
  setValue(path: ValuePath, value: PlainValue | undefined): boolean;
  setRelease(patch: Partial<ReleaseOptions>): void;
  /** Replaces the text (a preset, or '' for the defaults). */
  replaceText(text: string): void;
  /** Back to the chart defaults, forgetting the autosave. */
  reset(): void;
}

/**
 * The configuration being edited, autosaved per chart in localStorage. `onChange` runs
 * synchronously with every change (before React re-renders), so a render can start at once.
 */
export function useConfiguration(chartKey: string, defaultsText: string, onChange: (c: Configuration) => void): ConfigurationHandle {
  const defaults = useMemo(() => defaultValues(defaultsText), [defaultsText]);
  const ref = useRef<Configuration>(newConfiguration());
  const [configuration, setConfiguration] = useState<Configuration>(ref.current);
  const [restored, setRestored] = useState(false);
  const [restoredFrom, setRestoredFrom] = useState<number | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const commit = useCallback((next: Configuration) => {
    if (next === ref.current) return;
    ref.current = next;
    onChangeRef.current(next);
    setConfiguration(next);
  }, []);

  useEffect(() => {
    const saved = loadConfiguration(localStorage, chartKey);
    const start = saved ? newConfiguration(saved.valuesText, saved.release, ref.current.revision + 1) : { ...ref.current, revision: ref.current.revision + 1 };
    setRestoredFrom(saved ? saved.savedAt : null);
    setRestored(true);
    commit(start);
  }, [chartKey, commit]);

  useEffect(() => {
    if (!restored) return;
    const t = setTimeout(() => {
      saveConfiguration(localStorage, chartKey, { valuesText: configuration.valuesText, release: configuration.release, savedAt: Date.now() });
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(t);
  }, [chartKey, configuration.valuesText, configuration.release, restored]);

  return {
    configuration,
    defaults,
    restored,
    restoredFrom,
    setText: useCallback((text: string) => commit(withValuesText(ref.current, text)), [commit]),
    setValue: useCallback(
      (path: ValuePath, value: PlainValue | undefined) => {
        const next = withFormValue(ref.current, path, value, defaults);
        if (!next) return false;
        commit(next);
        return true;
      },
      [commit, defaults],
    ),
    setRelease: useCallback((patch: Partial<ReleaseOptions>) => commit(withRelease(ref.current, patch)), [commit]),
    replaceText: useCallback((text: string) => commit(withValuesText(ref.current, text)), [commit]),
    reset: useCallback(() => {
      clearConfiguration(localStorage, chartKey);
      commit(newConfiguration('', ref.current.release, ref.current.revision + 1));
    }, [chartKey, commit]),
  };
}
