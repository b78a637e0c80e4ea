/**
 * Go type rules the executor needs on top of the value model: nil-ability, assignability of
 * a value to a declared parameter type, zero values, element types of containers and truth.
 */
import { GoInt, GoStruct, GoTime, goNil, markNil, type GoTypeName, type GoValue, isGoFunc, typeInfoOf, typeName } from '../go';

/** The parameter type of builtins that receive values unconverted (Go's reflect.Value). */
export const REFLECT_VALUE = 'reflect.Value';
export const EMPTY_INTERFACE = 'interface {}';

const INT_KINDS = new Set(['int', 'int8', 'int16', 'int32', 'int64']);
const UINT_KINDS = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

export function isIntKindName(t: GoTypeName): boolean {
  return INT_KINDS.has(t);
}
export function isUintKindName(t: GoTypeName): boolean {
  return UINT_KINDS.has(t);
}

/** Whether an untyped nil can be assigned to the type (Go's canBeNil). */
export function canBeNil(t: GoTypeName): boolean {
  return (
    t === EMPTY_INTERFACE ||
    t === REFLECT_VALUE ||
    t.startsWith('[]') ||
    t.startsWith('map[') ||
    t.startsWith('*') ||
    t.startsWith('func') ||
    t.startsWith('chan ') ||
    t === 'error' ||
    t.startsWith('interface')
  );
}

/** The underlying (unnamed) type of a value's type, for assignability of named maps/slices. */
function underlyingOf(v: GoValue, name: GoTypeName): GoTypeName {
  if (v instanceof Map) return name.startsWith('map[') ? name : 'map[string]interface {}';
  if (Array.isArray(v)) {
    if (name.startsWith('[')) return name;
    return v.every((x) => typeof x === 'string') ? '[]string' : '[]interface {}';
  }
  return name;
}

function isNamed(t: GoTypeName): boolean {
  return !(t.startsWith('[') || t.startsWith('map[') || t.startsWith('*') || t.startsWith('func') || t === EMPTY_INTERFACE);
}

/** Whether a (non-nil, valid) value is assignable to a parameter of type `t`. */
export function assignable(v: GoValue, t: GoTypeName): boolean {
  if (t === EMPTY_INTERFACE || t === REFLECT_VALUE) return true;
  const vt = typeName(v);
  if (vt === t) return true;
  if (t === 'error' || t === 'fmt.Stringer') return false;
  // Identical underlying types are assignable when at least one side is unnamed.
  if (isNamed(vt) && !isNamed(t)) return underlyingOf(v, vt) === t;
  return false;
}

/** The zero value of a type, as text/template's missingkey=zero produces for map elements. */
export function zeroOf(t: GoTypeName): GoValue {
  if (t === 'string') return '';
  if (t === 'bool') return false;
  if (t === 'float64' || t === 'float32') return 0;
  if (INT_KINDS.has(t) || UINT_KINDS.has(t)) return new GoInt(0, t as GoInt['kind']);
  // A missing `.Files` entry is a nil []byte: it prints `[]` and has length 0.
  if (t === '[]uint8') return markNil(new Uint8Array(0));
  if (t.startsWith('[]')) return goNil([], t);
  if (t.startsWith('map[')) return goNil(new Map(), t);
  return null;
}

/** Element type of a map value: `map[string]T` → T; other named maps hold `interface {}`. */
export function mapElemType(m: Map<string, GoValue>): GoTypeName {
  const name = typeInfoOf(m)?.name;
  if (!name || !name.startsWith('map[')) return name === 'engine.files' ? '[]uint8' : EMPTY_INTERFACE;
  let depth = 0;
  for (let i = 4; i < name.length; i++) {
    if (name[i] === '[') depth++;
    else if (name[i] === ']') {
      if (depth === 0) return name.slice(i + 1);
      depth--;
    }
  }
  return EMPTY_INTERFACE;
}

/** Whether the elements of a slice are statically `interface {}` (Go's []interface{}). */
export function sliceElemIsInterface(a: GoValue[]): boolean {
  const name = typeInfoOf(a)?.name;
  return !name || name === '[]interface {}';
}

/** Go's isTrue: the truth of a value used by if, with, and, or, not. */
export function isTrue(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'number':
      return v !== 0;
  }
  if (v instanceof GoInt) return v.v !== 0n;
  if (v instanceof Map) return v.size > 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length > 0;
  if (v instanceof GoStruct || v instanceof GoTime || isGoFunc(v)) return true;
  return true;
}

/** Go's indirectInterface: a nil interface becomes the invalid value. */
export function indirectInterface(v: GoValue): GoValue {
  return v === null ? undefined : v;
}
