/** JSON helpers with Go's encodings, for schema validation messages and comparisons. */

/** A parsed JSON value. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A float64 as encoding/json writes it. */
function goJsonNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // Go uses %e with the shortest digits and a two-digit exponent minimum.
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(n);
}

/** Go's JSON string escaping (HTML-safe: <, > and & are escaped). */
function goJsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** json.Marshal of a decoded value: map keys sorted, Go number and string formats. */
export function canonicalJson(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goJsonNumber(v);
  if (typeof v === 'string') return goJsonString(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${goJsonString(k)}:${canonicalJson(v[k])}`).join(',')}}`;
}

/** The exact rational value of a float's shortest decimal text. */
function toRational(n: number): [bigint, bigint] {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n).replace('E', 'e'));
  if (!m) return [0n, 1n];
  const frac = m[3] ?? '';
  let num = BigInt(m[2] + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(m[4] ?? 0);
  if (e > 0) num *= 10n ** BigInt(e);
  else if (e < 0) den *= 10n ** BigInt(-e);
  return [m[1] ? -num : num, den];
}

/** Whether value / divisor is an integer, computed on exact rationals as big.Rat does. */
export function isMultipleOf(value: number, divisor: number): boolean {
  const [a, b] = toRational(value);
  const [c, d] = toRational(divisor);
  if (c === 0n) return false;
  return (a * d) % (b * c) === 0n;
}
