/**
 * Values as plain JavaScript (what the form and the editor work with). Merging follows Helm's
 * rule for a user's values over chart defaults: maps merge key by key, anything else replaces,
 * and `null` removes the default.
 */

import { entryOf, hasEntry, setEntry, getIn as getValueAt, type ValuePath } from '../form';

/** A YAML/JSON-like value. */
export type PlainValue = null | boolean | number | string | PlainValue[] | PlainMap;
/** A mapping with string keys. */
export interface PlainMap {
  [key: string]: PlainValue;
}
export type { ValuePath } from '../form';

/** Whether a value is a mapping (not a list, not null). */
export function isPlainMap(v: unknown): v is PlainMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of plain values (key order ignored). */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => plainEqual(x, b[i]));
  }
  if (isPlainMap(a) && isPlainMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => hasEntry(b, k) && plainEqual(a[k], b[k]));
  }
  return false;
}

/** The user's values over the defaults: maps merge, other values replace, `null` deletes. */
export function mergeOverDefaults(defaults: PlainMap, overrides: PlainMap): PlainMap {
  const out: PlainMap = { ...defaults };
  for (const [k, v] of Object.entries(overrides)) {
    const d = entryOf(out, k);
    if (v === null) delete out[k];
    else if (isPlainMap(v) && isPlainMap(d)) setEntry(out, k, mergeOverDefaults(d, v));
    else setEntry(out, k, v);
  }
  return out;
}

/**
 * The smallest overrides that turn `defaults` into `merged`: changed leaves, whole lists,
 * and `null` for keys the user removed. Returns an empty map when nothing differs.
 */
export function diffFromDefaults(defaults: PlainMap, merged: PlainMap): PlainMap {
  const out: PlainMap = {};
  for (const [k, v] of Object.entries(merged)) {
    const d = entryOf(defaults, k);
    if (plainEqual(d, v)) continue;
    if (isPlainMap(v) && isPlainMap(d)) {
      const sub = diffFromDefaults(d, v);
      if (Object.keys(sub).length > 0) setEntry(out, k, sub);
    } else setEntry(out, k, v);
  }
  for (const k of Object.keys(defaults)) if (!hasEntry(merged, k)) setEntry(out, k, null);
  return out;
}

/** The value at a path, or undefined (form/paths.ts's getIn, typed for plain values). */
export const getIn = getValueAt as (root: PlainValue | undefined, path: ValuePath) => PlainValue | undefined;

/** Leaf paths of a map (a list or an empty map counts as a leaf), in key order. */
export function leafPaths(root: PlainMap, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const [k, v] of Object.entries(root)) {
    if (isPlainMap(v) && Object.keys(v).length > 0) out.push(...leafPaths(v, [...prefix, k]));
    else out.push([...prefix, k]);
  }
  return out;
}
