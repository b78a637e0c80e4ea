/**
 * A configuration being edited: the user's values text (only what differs from the chart
 * defaults), the last values that parsed, and the release it is rendered for. Every change
 * gets a new revision, which renders and latency measurements refer to.
 */
import { mergeOverDefaults, type PlainMap, type PlainValue, type ValuePath } from './plain-values';
import { DEFAULT_RELEASE, type ReleaseOptions } from './release-options';
import { parseValuesText, setValueInText, type ParsedValues } from './values-document';

export interface Configuration {
  valuesText: string;
  parsed: ParsedValues;
  /** The user's overrides as of the last text that parsed (the form shows these while the text is broken). */
  overrides: PlainMap;
  release: ReleaseOptions;
  revision: number;
}

/** A configuration from a values text. */
export function newConfiguration(valuesText = '', release: ReleaseOptions = DEFAULT_RELEASE, revision = 0): Configuration {
  const parsed = parseValuesText(valuesText);
  return { valuesText, parsed, overrides: parsed.ok ? parsed.values : {}, release, revision };
}

/** The configuration after the user typed in the editor (the text is kept even when broken). */
export function withValuesText(c: Configuration, valuesText: string): Configuration {
  if (valuesText === c.valuesText) return c;
  const parsed = parseValuesText(valuesText);
  return { ...c, valuesText, parsed, overrides: parsed.ok ? parsed.values : c.overrides, revision: c.revision + 1 };
}

/**
 * The configuration after a form edit, written into the text with comments kept; null while
 * the text doesn't parse (the form waits for the user to fix it).
 */
export function withFormValue(c: Configuration, path: ValuePath, value: PlainValue | undefined, defaults: PlainMap): Configuration | null {
  const text = setValueInText(c.valuesText, path, value, defaults);
  if (text === null) return null;
  return withValuesText(c, text);
}

/** The configuration for other release options. */
export function withRelease(c: Configuration, patch: Partial<ReleaseOptions>): Configuration {
  return { ...c, release: { ...c.release, ...patch }, revision: c.revision + 1 };
}

/** Defaults with the user's overrides: what the form shows. */
export function mergedValues(c: Configuration, defaults: PlainMap): PlainMap {
  return mergeOverDefaults(defaults, c.overrides);
}
