/**
 * The slice of shopspring/decimal that Sprig's float functions (addf, subf, mulf, divf, add1f)
 * use: each float64 becomes the shortest decimal that round-trips (decimal.NewFromFloat), the
 * arithmetic is exact, and division rounds half away from zero to 16 decimal places
 * (decimal.DivisionPrecision). That is why `addf 0.1 0.2` prints 0.3.
 */
import { GoError } from '../go';

/** A decimal number coefficient × 10^exp. */
export interface Decimal {
  readonly coef: bigint;
  readonly exp: number;
}

const DIVISION_PRECISION = 16;

/** decimal.NewFromFloat; NaN and ±Inf panic as in Go. */
export function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) throw new GoError(`Cannot create a Decimal from ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`);
  // JavaScript's shortest round-trip digits are the ones Go's strconv picks.
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(f))!;
  const frac = m[3] ?? '';
  const coef = BigInt(m[1] + m[2] + frac);
  return { coef, exp: Number(m[4] ?? 0) - frac.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - exp), b.coef * 10n ** BigInt(b.exp - exp), exp];
}

export function decimalAdd(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x + y, exp };
}

export function decimalSub(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x - y, exp };
}

export function decimalMul(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

/** decimal.Div: the quotient rounded half away from zero to 16 decimal places. */
export function decimalDiv(a: Decimal, b: Decimal): Decimal {
  if (b.coef === 0n) throw new GoError('decimal division by 0');
  // a/b = (a.coef / b.coef) × 10^(a.exp - b.exp); scale so the quotient has 16 fractional digits.
  const shift = DIVISION_PRECISION + a.exp - b.exp;
  let num = a.coef;
  let den = b.coef;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  let q = num / den;
  const r = num % den;
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  if (2n * abs(r) >= abs(den)) q += (num < 0n) !== (den < 0n) ? -1n : 1n;
  return { coef: q, exp: -DIVISION_PRECISION };
}

/** decimal.Float64: the nearest float64 to the decimal. */
export function decimalToFloat(d: Decimal): number {
  return Number(`${d.coef}e${d.exp}`);
}
