/**
 * The few pieces of Go's fmt/strconv number and value printing that Helm's own messages and
 * struct printing need (warnings print values with `%v`; Chart.yaml numbers become strings
 * with `strconv.FormatFloat(f, 'g', -1, 32)`). Template printing is the engine's business.
 */
import { GoInt, GoStruct, GoTime, sortedKeys, typeInfoOf, type GoValue } from '../../go/value';

/** Shortest decimal digits and decimal-point position of a float, as strconv computes them. */
function shortestDigits(v: number, bits: 32 | 64): { digits: string; dp: number } {
  let s: string;
  if (bits === 64) {
    s = v.toExponential();
  } else {
    const f = Math.fround(v);
    s = f.toExponential(8);
    for (let p = 1; p <= 9; p++) {
      const t = f.toExponential(p - 1);
      if (Math.fround(Number(t)) === f) {
        s = t;
        break;
      }
    }
  }
  const m = /^-?(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)!;
  const digits = (m[1] + (m[2] ?? '')).replace(/0+$/, '') || '0';
  return { digits, dp: Number(m[3]) + 1 };
}

/** strconv.FormatFloat(v, 'g', -1, bits). */
export function formatFloatG(v: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const sign = neg ? '-' : '';
  if (v === 0) return `${sign}0`;
  const { digits, dp } = shortestDigits(Math.abs(v), bits);
  const exp = dp - 1;
  // Shortest formatting decides between %e and %f with precision 6, as strconv does.
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (dp >= digits.length) return `${sign}${digits}${'0'.repeat(dp - digits.length)}`;
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}

/**
 * Go's `%v` for the values Helm's messages print: maps as `map[k:v]` (sorted keys), slices as
 * `[a b]`, nil as `<nil>`, pointers to structs as `&{...}` at the top and as an address inside.
 */
export function formatV(v: GoValue, nested = false): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloatG(v, 64);
  if (v instanceof GoInt) return v.toString();
  if (v instanceof Map) {
    const info = typeInfoOf(v);
    if (info?.stringer) return info.stringer(v);
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${formatV(v.get(k), true)}`)
      .join(' ')}]`;
  }
  if (Array.isArray(v)) {
    const info = typeInfoOf(v);
    if (info?.stringer) return info.stringer(v);
    return `[${v.map((x) => formatV(x, true)).join(' ')}]`;
  }
  if (v instanceof Uint8Array) return `[${[...v].join(' ')}]`;
  if (v instanceof GoStruct) {
    if (v.type.stringer) return v.type.stringer(v);
    if (v.pointer && nested) return '0xc000010000';
    const body = `{${v.fields.map(([, x]) => formatV(x, true)).join(' ')}}`;
    return v.pointer ? `&${body}` : body;
  }
  if (v instanceof GoTime) return new Date(v.epochMs).toISOString();
  return '0x0';
}
