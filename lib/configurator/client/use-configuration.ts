'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clearWork, loadWork, saveWork, type AutosaveStorages } from '../autosave';
import type { SecretField } from '../../share';
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

const storages = (): AutosaveStorages => ({ persistent: localStorage, tab: sessionStorage });

/**
 * The configuration being edited, autosaved per chart (secret values only for the tab's
 * lifetime, see autosave.ts). `onChange` runs synchronously with every change (before React
 * re-renders), so a render can start at once. Saves wait for a pause in typing, and happen at
 * once when the page is hidden or left, so a reload right after a keystroke keeps it.
 */
export function useConfiguration(chartKey: string, defaultsText: string, onChange: (c: Configuration) => void, secretFields: readonly SecretField[] = []): ConfigurationHandle {
  const defaults = useMemo(() => defaultValues(defaultsText), [defaultsText]);
  const ref = useRef<Configuration>(newConfiguration());
  const [configuration, setConfiguration] = useState<Configuration>(ref.current);
  const [restored, setRestored] = useState(false);
  const [restoredFrom, setRestoredFrom] = useState<number | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const secretFieldsRef = useRef(secretFields);
  secretFieldsRef.current = secretFields;
  /** The configuration not yet saved, if any. */
  const unsaved = useRef<Configuration | null>(null);

  const commit = useCallback((next: Configuration) => {
    if (next === ref.current) return;
    ref.current = next;
    unsaved.current = next;
    onChangeRef.current(next);
    setConfiguration(next);
  }, []);

  useEffect(() => {
    const saved = loadWork(storages(), chartKey);
    const start = saved ? newConfiguration(saved.valuesText, saved.release, ref.current.revision + 1) : { ...ref.current, revision: ref.current.revision + 1 };
    setRestoredFrom(saved ? saved.savedAt : null);
    setRestored(true);
    commit(start);
  }, [chartKey, commit]);

  const flush = useCallback(() => {
    const c = unsaved.current;
    if (!c) return;
    unsaved.current = null;
    saveWork(storages(), chartKey, { valuesText: c.valuesText, release: c.release, savedAt: Date.now() }, secretFieldsRef.current);
  }, [chartKey]);

  useEffect(() => {
    if (!restored) return;
    unsaved.current = ref.current;
    const t = setTimeout(flush, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(t);
  }, [configuration.valuesText, configuration.release, restored, flush]);

  // Leaving the page (reload, tab closed or switched, phone app backgrounded) saves at once.
  useEffect(() => {
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

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
      commit(newConfiguration('', ref.current.release, ref.current.revision + 1));
      unsaved.current = null;
      clearWork(storages(), chartKey);
    }, [chartKey, commit]),
  };
}
