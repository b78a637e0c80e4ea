/**
 * strconv.FormatFloat with precision -1 (shortest representation that round-trips), for the
 * formats encoding/json, go-yaml and TOML use. JavaScript's shortest digits equal Go's.
 */

interface Digits {
  /** Significant digits without leading/trailing zeros ("0" for zero). */
  d: string;
  /** Decimal point position: value = 0.d × 10^dp. */
  dp: number;
  neg: boolean;
}

function digitsOf(f: number, exp?: string): Digits {
  const neg = f < 0 || Object.is(f, -0);
  const s = exp ?? Math.abs(f).toExponential();
  const [mant, e] = s.split('e');
  let d = mant.replace('.', '').replace(/0+$/, '');
  if (d === '') d = '0';
  return { d, dp: d === '0' ? 1 : Number(e) + 1, neg };
}

/** Shortest digits that round-trip through float32, as Go's bitSize 32 does. */
function digits32(f: number): Digits {
  const target = Math.fround(f);
  const a = Math.abs(target);
  if (a === 0) return digitsOf(target);
  for (let p = 1; p <= 9; p++) {
    const s = a.toExponential(p - 1);
    if (Math.fround(Number(s)) === a) return digitsOf(target, s);
  }
  return digitsOf(target);
}

function fmtE({ d, dp, neg }: Digits): string {
  const exp = d === '0' ? 0 : dp - 1;
  const mant = d.length > 1 ? `${d[0]}.${d.slice(1)}` : d;
  const ae = Math.abs(exp);
  return `${neg ? '-' : ''}${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' + ae : ae}`;
}

function fmtF({ d, dp, neg }: Digits): string {
  let s: string;
  if (d === '0') s = '0';
  else if (dp <= 0) s = '0.' + '0'.repeat(-dp) + d;
  else if (dp >= d.length) s = d + '0'.repeat(dp - d.length);
  else s = d.slice(0, dp) + '.' + d.slice(dp);
  return (neg ? '-' : '') + s;
}

function fmtG(dg: Digits): string {
  let eprec = 6;
  if (eprec > dg.d.length && dg.d.length >= dg.dp) eprec = dg.d.length;
  const exp = dg.dp - 1;
  if (dg.d !== '0' && (exp < -4 || exp >= eprec)) return fmtE(dg);
  return fmtF(dg);
}

function special(f: number): string | null {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  return null;
}

/** strconv.FormatFloat(f, fmt, -1, bitSize). */
export function formatFloat(f: number, fmt: 'e' | 'f' | 'g', bitSize: 32 | 64 = 64): string {
  const sp = special(f);
  if (sp) return sp;
  const dg = bitSize === 32 ? digits32(f) : digitsOf(f);
  return fmt === 'e' ? fmtE(dg) : fmt === 'f' ? fmtF(dg) : fmtG(dg);
}

/** encoding/json's float64 text: 'f' within [1e-6, 1e21), else 'e' with a one-digit exponent kept short. */
export function formatJsonFloat(f: number): string {
  const a = Math.abs(f);
  if (a !== 0 && (a < 1e-6 || a >= 1e21)) {
    // Go cleans e-07 to e-7 (only negative two-digit exponents with a leading zero).
    return formatFloat(f, 'e').replace(/e-0(\d)$/, 'e-$1');
  }
  return formatFloat(f, 'f');
}
