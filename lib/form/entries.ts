/**
 * Map keys from values are data: `__proto__`, `constructor` or `toString` are ordinary
 * annotation or label names. Plain `obj[key] = v` would set an object's prototype for
 * `__proto__`, and `key in obj` finds `Object.prototype`'s members; these don't.
 */

/** Whether `record` has `key` as its own entry. */
export function hasEntry(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** `record`'s own entry for `key`, or undefined. */
export function entryOf(record: Record<string, unknown>, key: string): unknown {
  return hasEntry(record, key) ? record[key] : undefined;
}

/** Sets `key` as an own, enumerable entry, whatever its name. */
export function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * A deep copy in which every map has no prototype. Libraries that copy objects by assignment
 * (react-hook-form does, for every value it holds) then keep a `__proto__` key instead of
 * setting a prototype with it.
 */
export function withDataKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withDataKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = withDataKeys(v);
  return out as T;
}
