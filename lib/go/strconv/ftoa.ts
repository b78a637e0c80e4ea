/**
 * Go's strconv.FormatFloat, byte for byte.
 *
 * Digits come from two exact sources: the shortest round-trip digits (ECMAScript's
 * Number→string picks the shortest digits and, among those, the closest — the same digits Go's
 * Ryū-based shortest mode produces), and an exact decimal expansion of the binary value (BigInt)
 * for a fixed number of digits, rounded half-to-even on the exact value as Go's decimal rounding
 * does (JS's toFixed rounds exact ties up, so it can't be used).
 */

/** Go's strconv format bytes. */
export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';

/** Decimal digits d (no trailing zeros) with the decimal point at dp: value = 0.d × 10^dp. */
interface Digits {
  d: string;
  dp: number;
}

interface FloatBits {
  neg: boolean;
  /** Mantissa with the implicit bit, as Go's genericFtoa computes it. */
  mant: bigint;
  /** Unbiased binary exponent, as Go's genericFtoa computes it (before subtracting mantbits). */
  exp: number;
  mantbits: number;
}

const F64 = { mantbits: 52, expbits: 11, bias: -1023 };
const F32 = { mantbits: 23, expbits: 8, bias: -127 };

function floatBits(f: number, bitSize: 32 | 64): FloatBits {
  const info = bitSize === 32 ? F32 : F64;
  const view = new DataView(new ArrayBuffer(8));
  let bits: bigint;
  if (bitSize === 32) {
    view.setFloat32(0, f);
    bits = BigInt(view.getUint32(0));
  } else {
    view.setFloat64(0, f);
    bits = view.getBigUint64(0);
  }
  const neg = bits >> BigInt(info.mantbits + info.expbits) !== 0n;
  let exp = Number((bits >> BigInt(info.mantbits)) & ((1n << BigInt(info.expbits)) - 1n));
  let mant = bits & ((1n << BigInt(info.mantbits)) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << BigInt(info.mantbits);
  exp += info.bias;
  return { neg, mant, exp, mantbits: info.mantbits };
}

/** The exact decimal expansion of mant × 2^(exp - mantbits). */
function exactDigits(fb: FloatBits): Digits {
  if (fb.mant === 0n) return { d: '', dp: 0 };
  const e2 = fb.exp - fb.mantbits;
  let s: string;
  let dp: number;
  if (e2 >= 0) {
    s = (fb.mant << BigInt(e2)).toString();
    dp = s.length;
  } else {
    // mant / 2^k = mant × 5^k / 10^k
    s = (fb.mant * 5n ** BigInt(-e2)).toString();
    dp = s.length + e2;
  }
  return { d: s.replace(/0+$/, ''), dp };
}

/** Go's decimal.Round(nd): half-to-even on the exact value; trailing zeros trimmed. */
function roundDigits(x: Digits, nd: number): Digits {
  if (nd < 0 || nd >= x.d.length) return x;
  const c = x.d.charCodeAt(nd);
  let up: boolean;
  if (c === 0x35 /* '5' */ && nd + 1 === x.d.length) up = nd > 0 && (x.d.charCodeAt(nd - 1) - 0x30) % 2 === 1;
  else up = c >= 0x35;
  if (!up) {
    const d = x.d.slice(0, nd).replace(/0+$/, '');
    // Go's decimal resets the point of an all-zero result.
    return { d, dp: d === '' ? 0 : x.dp };
  }
  let i = nd - 1;
  while (i >= 0 && x.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
}

/** Shortest digits that read back as the same float of the given size. */
function shortestDigits(f: number, bitSize: 32 | 64): Digits {
  const a = Math.abs(f);
  if (a === 0) return { d: '', dp: 0 };
  let sci: string;
  if (bitSize === 64) {
    sci = a.toExponential();
  } else {
    sci = '';
    for (let p = 1; p <= 9; p++) {
      const s = a.toExponential(p - 1);
      if (Math.fround(Number(s)) === a) {
        sci = s;
        break;
      }
    }
  }
  const [m, e] = sci.split('e');
  const d = m.replace('.', '').replace(/0+$/, '');
  return { d, dp: Number(e) + 1 };
}

function fmtE(neg: boolean, x: Digits, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  out += x.d.length ? x.d[0] : '0';
  if (prec > 0) {
    out += '.';
    const m = Math.min(x.d.length, prec + 1);
    out += x.d.slice(1, m);
    out += '0'.repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  out += fmt;
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  out += exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, x: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (x.dp > 0) {
    const m = Math.min(x.d.length, x.dp);
    out += x.d.slice(0, m) + '0'.repeat(x.dp - m);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

function fmtB(fb: FloatBits): string {
  const exp = fb.exp - fb.mantbits;
  return `${fb.neg ? '-' : ''}${fb.mant}p${exp >= 0 ? '+' : ''}${exp}`;
}

function fmtX(fb: FloatBits, prec: number, fmt: 'x' | 'X'): string {
  let mant = fb.mant;
  let exp = fb.exp;
  if (mant === 0n) exp = 0;
  const ONE60 = 1n << 60n;
  const MASK64 = (1n << 64n) - 1n;
  // Shift so that the leading 1 (if any) sits at bit 60.
  mant <<= BigInt(60 - fb.mantbits);
  while (mant !== 0n && (mant & ONE60) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (ONE60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = (fb.neg ? '-' : '') + '0' + fmt + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & MASK64;
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  const e = Math.abs(exp);
  out += e < 10 ? '0' + e : String(e);
  return out;
}

/**
 * Digits of a number printed by toFixed/toExponential (`123.4500`, `1.2345e+2`): V8 rounds these
 * correctly from the exact binary value, except that it rounds exact ties up.
 */
function parseJsDigits(t: string): Digits {
  const [m, e] = t.split('e');
  const [intPart, frac = ''] = m.split('.');
  const all = intPart + frac;
  let k = 0;
  while (k < all.length && all[k] === '0') k++;
  const d = all.slice(k).replace(/0+$/, '');
  if (d === '') return { d: '', dp: 0 };
  return { d, dp: intPart.length - k + (e ? Number(e) : 0) };
}

/** Whether the last digit of a JS-formatted number is 5: the only way the digit before can be an exact tie. */
function endsIn5(t: string): boolean {
  const i = t.indexOf('e');
  return (i < 0 ? t[t.length - 1] : t[i - 1]) === '5';
}

/** Digits rounded half-to-even like Go: JS's rounding where no tie is possible, exact BigInt arithmetic otherwise. */
function fixedDigits(a: number, fmt: string, prec: number, bitSize: 32 | 64): Digits {
  if (fmt === 'f') {
    if (a < 1e21 && prec + 1 <= 100 && !endsIn5(a.toFixed(prec + 1))) return parseJsDigits(a.toFixed(prec));
    const exact = exactDigits(floatBits(a, bitSize));
    return roundDigits(exact, exact.dp + prec);
  }
  const n = fmt === 'e' || fmt === 'E' ? prec + 1 : prec;
  if (n <= 100 && !endsIn5(a.toExponential(n))) return parseJsDigits(a.toExponential(n - 1));
  return roundDigits(exactDigits(floatBits(a, bitSize)), n);
}

/**
 * Go's strconv.FormatFloat(f, fmt, prec, bitSize): prec -1 means the shortest digits that read
 * back exactly. An unknown format yields `%` followed by it, as Go does.
 */
export function formatFloat(f: number, fmt: FloatFormat | string, prec: number, bitSize: 32 | 64 = 64): string {
  if (bitSize === 32) f = Math.fround(f);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (fmt === 'b') return fmtB(floatBits(f, bitSize));
  if (fmt === 'x' || fmt === 'X') return fmtX(floatBits(f, bitSize), prec, fmt);
  if (fmt !== 'e' && fmt !== 'E' && fmt !== 'f' && fmt !== 'g' && fmt !== 'G') return '%' + fmt;
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  const shortest = prec < 0;
  // Fast paths with identical output: shortest %g between 1e-4 and 1e6 is fixed notation with
  // JS's shortest digits; %f without a possible tie is JS's correctly rounded toFixed.
  if (shortest && (fmt === 'g' || fmt === 'G') && bitSize === 64 && ((a >= 1e-4 && a < 1e6) || a === 0)) {
    return (neg ? '-' : '') + String(a);
  }
  if (fmt === 'f' && !shortest && a < 1e21 && prec + 1 <= 100 && !endsIn5(a.toFixed(prec + 1))) {
    return (neg ? '-' : '') + a.toFixed(prec);
  }
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(a, bitSize);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digs.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    if ((fmt === 'g' || fmt === 'G') && prec === 0) prec = 1;
    digs = fixedDigits(a, fmt, prec, bitSize);
  }
  return formatDigits(shortest, neg, digs, prec, fmt);
}

function formatDigits(shortest: boolean, neg: boolean, digs: Digits, prec: number, fmt: string): string {
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, digs, prec, fmt);
  if (fmt === 'f') return fmtF(neg, digs, prec);
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  // Shortest output decides between %e and %f as if the precision were 6.
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > digs.d.length) prec = digs.d.length;
    return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = digs.d.length;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}
