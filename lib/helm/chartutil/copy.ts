import type { GoMap, GoValue } from '../../gotemplate/value';

/** copystructure.Copy for values: maps and slices are copied all the way down. */
export function deepCopy<T extends GoValue>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof Map) {
    const m: GoMap = new Map();
    for (const [k, x] of v as GoMap) m.set(k, deepCopy(x));
    return m as T;
  }
  if (Array.isArray(v)) return v.map((x: GoValue) => deepCopy(x)) as T;
  if (v instanceof Uint8Array) return v.slice() as T;
  return v;
}
