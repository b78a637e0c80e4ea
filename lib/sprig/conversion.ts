/**
 * Type conversions: spf13/cast (v1.7, which Sprig 3.3 uses for int/int64/float64 and all math
 * arguments), Sprig's strval (toString) and strslice (toStrings), atoi and toDecimal.
 */
import { sprint, defineFunc, type FuncMap, utf8Decode, GoInt, stringSlice, typeInfoOf, type GoSlice, type GoValue, atoi, NumError, parseFloat, parseInt } from '../go';

const MIN_INT64 = -(1n << 63n);

// cast's trimZeroDecimal: "1.000" → "1", so that integral decimals convert to integers.
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

/** Go's int64(f) conversion; out-of-range and NaN give 0x8000000000000000 on amd64. */
export function float64ToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return MIN_INT64;
  return BigInt(Math.trunc(f));
}

/** The parse's value, or zero where strconv reports an error (cast and Sprig discard it). */
function orZero<T>(parse: () => T, zero: T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof NumError) return zero;
    throw e;
  }
}

/** cast.ToInt64 (errors yield 0, as cast.ToInt64 discards them). */
export function castToInt64(v: GoValue): bigint {
  if (v === undefined || v === null) return 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return float64ToInt64(v);
  if (typeof v === 'string') {
    return orZero(() => parseInt(trimZeroDecimal(v), 0, 64), 0n);
  }
  if (v instanceof GoInt) return BigInt.asIntN(64, v.v);
  return 0n;
}

/** cast.ToFloat64 (errors yield 0). */
export function castToFloat64(v: GoValue): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    return orZero(() => parseFloat(v), 0);
  }
  if (v instanceof GoInt) return Number(v.v);
  return 0;
}

/** Sprig's strval: strings and []byte as text, anything else through fmt's %v (which uses String()). */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return utf8Decode(v);
  return sprint([v]);
}

/** Sprig's strslice: a list's non-nil items through strval; a scalar becomes a one-item list. */
export function strslice(v: GoValue): GoSlice {
  if (Array.isArray(v)) {
    if (typeInfoOf(v)?.name === '[]string') return v;
    return stringSlice(v.filter((x) => x !== null && x !== undefined).map(strval));
  }
  if (v instanceof Uint8Array) return stringSlice([...v].map((b) => strval(new GoInt(b, 'uint8'))));
  if (v === null || v === undefined) return stringSlice([]);
  return stringSlice([strval(v)]);
}

/** Whether a value is a Go slice or array (reflect.Slice / reflect.Array). */
export function isList(v: GoValue): v is GoSlice | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array;
}

/** Items of a slice value as interface{} values (Uint8Array items become uint8). */
export function listItems(v: GoSlice | Uint8Array): GoValue[] {
  return Array.isArray(v) ? [...v] : [...v].map((b) => new GoInt(b, 'uint8'));
}

export const conversionFuncs: FuncMap = {
  toString: defineFunc('toString', ['interface {}'], (v: GoValue) => strval(v)),
  toStrings: defineFunc('toStrings', ['interface {}'], (v: GoValue) => strslice(v)),
  // Sprig wraps strconv.Atoi and drops its error: bad syntax gives 0, overflow the clamped value.
  atoi: defineFunc('atoi', ['string'], (s: string) => {
    try {
      return new GoInt(atoi(s), 'int');
    } catch (e) {
      if (e instanceof NumError && e.isRange) return new GoInt(BigInt(e.value), 'int');
      if (e instanceof NumError) return new GoInt(0n, 'int');
      throw e;
    }
  }),
  int: defineFunc('int', ['interface {}'], (v: GoValue) => new GoInt(castToInt64(v), 'int')),
  int64: defineFunc('int64', ['interface {}'], (v: GoValue) => new GoInt(castToInt64(v), 'int64')),
  float64: defineFunc('float64', ['interface {}'], (v: GoValue) => castToFloat64(v)),
  // Reads fmt.Sprint(v) as an octal number (Unix file modes); errors give 0.
  toDecimal: defineFunc('toDecimal', ['interface {}'], (v: GoValue) => {
    return new GoInt(orZero(() => parseInt(sprint([v]), 8, 64), 0n), 'int64');
  }),
};

/** An `int` parameter's value as a JS number (the engine passes Go ints as GoInt). */
export function intArg(v: GoInt | number | bigint): number {
  if (v instanceof GoInt) return v.toNumber();
  return Number(v);
}
