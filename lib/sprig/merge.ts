/**
 * dario.cat/mergo's map merge as Sprig's merge (mergo.Merge) and mergeOverwrite
 * (mergo.MergeWithOverwrite) use it on map[string]interface{}.
 *
 * Without overwrite a destination value is replaced only when it is "empty" (nil, "", 0, false,
 * empty map or list); nested maps merge recursively, in place; nil source values are skipped.
 * With overwrite every non-nil source value wins except that nested maps still merge, and a
 * nil source value sets the key to nil.
 */
import { GoInt, type GoMap, type GoValue } from '../go';

// mergo's isEmptyValue, dereferencing interfaces.
function isEmptyValue(v: GoValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.length === 0;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'number') return v === 0;
  if (v instanceof GoInt) return v.v === 0n;
  if (v instanceof Map) return v.size === 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  return false;
}

const isSlice = (v: GoValue): boolean => Array.isArray(v) || v instanceof Uint8Array;

/** Merges `src` into `dst` in place, as mergo's deepMerge does for maps. */
export function mergeMaps(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [key, sv] of src) {
    const hasDst = dst.has(key);
    const dv = dst.get(key);
    if (sv === null || sv === undefined) {
      if (overwrite) dst.set(key, null);
      continue;
    }
    if (sv instanceof Map) {
      // mergo recurses into the destination's own map object, even an empty one it then replaces.
      if (dv instanceof Map) mergeMaps(dv, sv, overwrite);
    } else if (isSlice(sv) && overwrite) {
      dst.set(key, sv);
    }
    if (hasDst && !isEmptyValue(dv)) {
      if (isSlice(sv)) continue;
      if (sv instanceof Map && dv instanceof Map) continue;
    }
    if (overwrite || !hasDst || isEmptyValue(dv)) dst.set(key, sv);
  }
}
