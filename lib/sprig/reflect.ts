/** Sprig's reflection functions: typeOf, typeIs, typeIsLike, kindOf, kindIs, deepEqual. */
import { defineFunc, type FuncMap, GoInt, GoStruct, GoTime, isGoFunc, kindOf, typeName, type GoValue } from '../go';

/** Go's reflect.DeepEqual over the value model: types must match exactly, NaN is unequal to itself. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === undefined || a === null) return b === undefined || b === null;
  if (b === undefined || b === null) return false;
  if (typeName(a) !== typeName(b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a instanceof GoInt) return a.v === (b as GoInt).v;
  if (a instanceof Map) {
    const m = b as Map<string, GoValue>;
    if (a.size !== m.size) return false;
    for (const [k, v] of a) {
      if (!m.has(k) || !deepEqual(v, m.get(k))) return false;
    }
    return true;
  }
  if (Array.isArray(a)) {
    const l = b as GoValue[];
    return a.length === l.length && a.every((x, i) => deepEqual(x, l[i]));
  }
  if (a instanceof Uint8Array) {
    const l = b as Uint8Array;
    return a.length === l.length && a.every((x, i) => x === l[i]);
  }
  if (a instanceof GoStruct) {
    const s = b as GoStruct;
    if (a === s) return true;
    return a.fields.length === s.fields.length && a.fields.every(([k, v], i) => k === s.fields[i][0] && deepEqual(v, s.fields[i][1]));
  }
  if (a instanceof GoTime) {
    const t = b as GoTime;
    return a.epochMs === t.epochMs && a.nanos === t.nanos && a.zone === t.zone;
  }
  // Func values are deeply equal only when both are nil.
  if (isGoFunc(a)) return false;
  return false;
}

export const reflectFuncs: FuncMap = {
  typeOf: defineFunc('typeOf', ['interface {}'], (v: GoValue) => typeName(v)),
  typeIs: defineFunc('typeIs', ['string', 'interface {}'], (t: string, v: GoValue) => t === typeName(v)),
  typeIsLike: defineFunc('typeIsLike', ['string', 'interface {}'], (t: string, v: GoValue) => {
    const n = typeName(v);
    return t === n || '*' + t === n;
  }),
  kindOf: defineFunc('kindOf', ['interface {}'], (v: GoValue) => kindOf(v)),
  kindIs: defineFunc('kindIs', ['string', 'interface {}'], (k: string, v: GoValue) => k === kindOf(v)),
  deepEqual: defineFunc('deepEqual', ['interface {}', 'interface {}'], (a: GoValue, b: GoValue) => deepEqual(a, b)),
};
