/** Sprig's dict functions. Dicts are mutable: set, unset and merge change their first argument. */
import { defineFunc, type FuncMap, GoError, GoStruct, goNil, isGoNil, sortedKeys, stringSlice, typeInfoOf, typeName, withType, type GoMap, type GoValue, deepCopy as copyValue } from '../go';
import { strval } from './conversion';
import { mergeMaps } from './merge';

const MAP = 'map[string]interface {}';

/** Sprig's deepCopy: copystructure.Copy, which refuses nil. */
export function deepCopy(v: GoValue): GoValue {
  if (v === undefined || v === null) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  return copyValue(v);
}

// Go's message for a failed x.(T) assertion on an interface{} value.
function assertionError(v: GoValue, want: string): GoError {
  const got = v === null || v === undefined ? 'nil' : typeName(v);
  return new GoError(`interface conversion: interface {} is ${got}, not ${want}`);
}

function asPlainMap(v: GoValue): GoMap {
  if (!(v instanceof Map) || typeName(v) !== MAP) throw assertionError(v, MAP);
  return v;
}

function dig(...ps: GoValue[]): GoValue {
  if (ps.length < 3) throw new GoError('dig needs at least three arguments');
  let dict = asPlainMap(ps[ps.length - 1]);
  const def = ps[ps.length - 2];
  const keys = ps.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw assertionError(k, 'string');
    return k;
  });
  for (let i = 0; ; i++) {
    if (!dict.has(keys[i])) return def;
    const step = dict.get(keys[i]) ?? null;
    if (i === keys.length - 1) return step;
    dict = asPlainMap(step);
  }
}

function dict(...v: GoValue[]): GoMap {
  const m: GoMap = new Map();
  for (let i = 0; i < v.length; i += 2) m.set(strval(v[i]), i + 1 < v.length ? v[i + 1] : '');
  return m;
}

/**
 * mergo.Merge(&dst, src) per source: a nil source merges as nothing; into a nil destination
 * mergo merges a fresh map, which is what the call returns. Only when every argument is nil is
 * the result Go's nil map (`map[]` printed, `null` in toJson).
 */
function merge(overwrite: boolean) {
  return (dst: GoMap | null, ...srcs: (GoMap | null)[]): GoValue => {
    for (const src of srcs) {
      if (src === null || isGoNil(src)) continue;
      if (dst === null || isGoNil(dst)) dst = new Map();
      mergeMaps(dst, src, overwrite);
    }
    return dst ?? goNil(new Map(), MAP);
  };
}

// A nil map (a missing value passed on) reads as empty, as Go's nil maps do.
const NIL_MAP: GoMap = new Map();
const orEmpty = (d: GoMap | null): GoMap => d ?? NIL_MAP;

const mutates = { effect: 'mutates' } as const;

export const dictFuncs: FuncMap = {
  dict: defineFunc('dict', [], dict, { variadic: 'interface {}' }),
  get: defineFunc('get', [MAP, 'string'], (d: GoMap | null, k: string) => (orEmpty(d).has(k) ? (orEmpty(d).get(k) ?? null) : '')),
  set: defineFunc('set', [MAP, 'string', 'interface {}'], (d: GoMap | null, k: string, v: GoValue) => {
    // The runtime panic Go's template call turns into the function's error.
    if (d === null) throw new GoError('assignment to entry in nil map');
    return d.set(k, v);
  }, mutates),
  unset: defineFunc('unset', [MAP, 'string'], (d: GoMap | null, k: string) => (d?.delete(k), d), mutates),
  hasKey: defineFunc('hasKey', [MAP, 'string'], (d: GoMap | null, k: string) => orEmpty(d).has(k)),
  pluck: defineFunc('pluck', ['string'], (k: string, ...ds: (GoMap | null)[]) => ds.map(orEmpty).filter((d) => d.has(k)).map((d) => d.get(k) ?? null), { variadic: MAP }),
  // Go ranges over maps in random order; sorting makes keys/values deterministic.
  keys: defineFunc('keys', [], (...ds: (GoMap | null)[]) => stringSlice(ds.flatMap((d) => sortedKeys(orEmpty(d)))), { variadic: MAP }),
  values: defineFunc('values', [MAP], (d: GoMap | null) => sortedKeys(orEmpty(d)).map((k) => orEmpty(d).get(k) ?? null)),
  pick: defineFunc(
    'pick',
    [MAP],
    (d: GoMap | null, ...ks: string[]) => {
      const m: GoMap = new Map();
      for (const k of ks) if (orEmpty(d).has(k)) m.set(k, orEmpty(d).get(k) ?? null);
      return m;
    },
    { variadic: 'string' },
  ),
  omit: defineFunc(
    'omit',
    [MAP],
    (d: GoMap | null, ...ks: string[]) => {
      const drop = new Set(ks);
      return new Map([...orEmpty(d)].filter(([k]) => !drop.has(k)));
    },
    { variadic: 'string' },
  ),
  merge: defineFunc('merge', [MAP], merge(false), { variadic: MAP, ...mutates }),
  mustMerge: defineFunc('mustMerge', [MAP], merge(false), { variadic: MAP, returnsError: true, ...mutates }),
  mergeOverwrite: defineFunc('mergeOverwrite', [MAP], merge(true), { variadic: MAP, ...mutates }),
  mustMergeOverwrite: defineFunc('mustMergeOverwrite', [MAP], merge(true), { variadic: MAP, returnsError: true, ...mutates }),
  dig: defineFunc('dig', [], dig, { variadic: 'interface {}' }),
  deepCopy: defineFunc('deepCopy', ['interface {}'], deepCopy),
  mustDeepCopy: defineFunc('mustDeepCopy', ['interface {}'], deepCopy, { returnsError: true }),
};
