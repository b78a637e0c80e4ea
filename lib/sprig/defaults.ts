/** Sprig's defaults family: default, empty, coalesce, all, any, ternary. */
import { defineFunc, type FuncMap, GoInt, type GoValue } from '../go';

/** Sprig's empty: the zero value of its type (structs and non-nil pointers are never empty). */
export function isEmpty(v: GoValue): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case 'string':
      return v.length === 0;
    case 'boolean':
      return !v;
    case 'number':
      return v === 0;
  }
  if (v instanceof GoInt) return v.v === 0n;
  if (v instanceof Map) return v.size === 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  // Structs (GoTime included), non-nil pointers and funcs are never empty.
  return false;
}

export const defaultsFuncs: FuncMap = {
  default: defineFunc(
    'default',
    ['interface {}'],
    (d: GoValue, ...given: GoValue[]) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]),
    { variadic: 'interface {}' },
  ),
  empty: defineFunc('empty', ['interface {}'], (v: GoValue) => isEmpty(v)),
  coalesce: defineFunc('coalesce', [], (...vs: GoValue[]) => vs.find((v) => !isEmpty(v)) ?? null, { variadic: 'interface {}' }),
  all: defineFunc('all', [], (...vs: GoValue[]) => vs.every((v) => !isEmpty(v)), { variadic: 'interface {}' }),
  any: defineFunc('any', [], (...vs: GoValue[]) => vs.some((v) => !isEmpty(v)), { variadic: 'interface {}' }),
  ternary: defineFunc('ternary', ['interface {}', 'interface {}', 'bool'], (vt: GoValue, vf: GoValue, c: boolean) => (c ? vt : vf)),
};
