/** Go's strconv parsers (ParseInt, ParseUint, Atoi, ParseFloat, ParseBool) with Go's errors. */
import { GoError } from '../value';
import { quote } from './quote';

/** Go's *strconv.NumError: `strconv.FUNC: parsing "NUM": ERR`. */
export class NumError extends GoError {
  constructor(
    readonly func: string,
    readonly num: string,
    /** `invalid syntax`, `value out of range`, `invalid base N`, `invalid bit size N`. */
    readonly err: string,
    /** The value Go returns alongside the error (clamped value on range errors). */
    readonly value: bigint | number = 0,
  ) {
    super(`strconv.${func}: parsing ${quote(num)}: ${err}`);
    this.name = 'NumError';
  }
  get isRange(): boolean {
    return this.err === 'value out of range';
  }
}

const SYNTAX = 'invalid syntax';
const RANGE = 'value out of range';

function lower(c: string): string {
  return c.toLowerCase();
}

/** Go's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** Go's strconv.ParseUint(s, base, bitSize). Throws {@link NumError}. */
export function parseUint(s: string, base: number, bitSize: number, fn = 'ParseUint'): bigint {
  if (s === '') throw new NumError(fn, s, SYNTAX);
  const base0 = base === 0;
  const s0 = s;
  if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? lower(s[1]) : '';
      if (p === 'b') [base, s] = [2, s.slice(2)];
      else if (p === 'o') [base, s] = [8, s.slice(2)];
      else if (p === 'x') [base, s] = [16, s.slice(2)];
      else [base, s] = [8, s.slice(1)];
    }
  } else if (base < 2 || base > 36) throw new NumError(fn, s0, `invalid base ${base}`);
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) throw new NumError(fn, s0, `invalid bit size ${bitSize}`);
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  const b = BigInt(base);
  let underscores = false;
  let n = 0n;
  // Byte-wise like Go: a non-ASCII character is never a digit.
  for (const c of s) {
    let d: number;
    if (c === '_' && base0) {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (lower(c) >= 'a' && lower(c) <= 'z' && c.length === 1 && c.charCodeAt(0) < 0x80) d = lower(c).charCodeAt(0) - 87;
    else throw new NumError(fn, s0, SYNTAX);
    if (d >= base) throw new NumError(fn, s0, SYNTAX);
    n = n * b + BigInt(d);
    if (n > maxVal) throw new NumError(fn, s0, RANGE, maxVal);
  }
  if (underscores && !underscoreOK(s0)) throw new NumError(fn, s0, SYNTAX);
  return n;
}

/** Go's strconv.ParseInt(s, base, bitSize). Throws {@link NumError} (with the clamped value on range errors). */
export function parseInt(s: string, base: number, bitSize: number, fn = 'ParseInt'): bigint {
  if (s === '') throw new NumError(fn, s, SYNTAX);
  const s0 = s;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  let un: bigint;
  try {
    un = parseUint(s, base, bitSize, fn);
  } catch (e) {
    if (!(e instanceof NumError) || !e.isRange) throw e instanceof NumError ? new NumError(fn, s0, e.err) : e;
    un = e.value as bigint;
  }
  const bits = BigInt(bitSize === 0 ? 64 : bitSize);
  const cutoff = 1n << (bits - 1n);
  if (!neg && un >= cutoff) throw new NumError(fn, s0, RANGE, cutoff - 1n);
  if (neg && un > cutoff) throw new NumError(fn, s0, RANGE, -cutoff);
  return neg ? -un : un;
}

/** Go's strconv.Atoi (64-bit int). Throws {@link NumError} with func `Atoi`. */
export function atoi(s: string): bigint {
  return parseInt(s, 10, 0, 'Atoi');
}

/** Go's strconv.ParseBool. */
export function parseBool(s: string): boolean {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'true':
    case 'TRUE':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'false':
    case 'FALSE':
    case 'False':
      return false;
  }
  throw new NumError('ParseBool', s, SYNTAX);
}

/** Reads `inf`/`infinity`/`nan` as Go's special() does; returns [value, length] or null. */
function special(s: string): [number, number] | null {
  let sign = 1;
  let nsign = 0;
  let t = s;
  if (t[0] === '+' || t[0] === '-') {
    if (t[0] === '-') sign = -1;
    nsign = 1;
    t = t.slice(1);
    return inf(t, sign, nsign);
  }
  if (t[0] === 'i' || t[0] === 'I') return inf(t, sign, nsign);
  if ((t[0] === 'n' || t[0] === 'N') && t.slice(0, 3).toLowerCase() === 'nan') return [NaN, 3];
  return null;
}

function inf(t: string, sign: number, nsign: number): [number, number] | null {
  const word = 'infinity';
  let n = 0;
  while (n < t.length && n < word.length && t[n].toLowerCase() === word[n]) n++;
  if (n > 3 && n < 8) n = 3;
  return n === 3 || n === 8 ? [sign * Infinity, nsign + n] : null;
}

/** Go's readFloat: the accepted prefix length and its value (before range checks), or null. */
function readFloat(s: string): { n: number; value: number } | null {
  let i = 0;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') neg = s[i++] === '-';
  let hex = false;
  if (i + 2 < s.length && s[i] === '0' && lower(s[i + 1]) === 'x') {
    hex = true;
    i += 2;
  }
  let mant = '';
  let sawdot = false;
  let sawdigits = false;
  let underscores = false;
  let dp = -1;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '_') {
      underscores = true;
      continue;
    }
    if (c === '.') {
      if (sawdot) break;
      sawdot = true;
      dp = mant.length;
      continue;
    }
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      sawdigits = true;
      mant += c;
      continue;
    }
    break;
  }
  if (!sawdigits) return null;
  if (dp < 0) dp = mant.length;
  let exp = 0;
  const expChar = hex ? 'p' : 'e';
  if (i < s.length && lower(s[i]) === expChar) {
    i++;
    if (i >= s.length) return null;
    let esign = 1;
    if (s[i] === '+') i++;
    else if (s[i] === '-') {
      i++;
      esign = -1;
    }
    if (i >= s.length || s[i] < '0' || s[i] > '9') return null;
    let e = 0;
    for (; i < s.length && ((s[i] >= '0' && s[i] <= '9') || s[i] === '_'); i++) {
      if (s[i] === '_') {
        underscores = true;
        continue;
      }
      if (e < 10000) e = e * 10 + (s.charCodeAt(i) - 48);
    }
    exp = e * esign;
  } else if (hex) return null;
  if (underscores && !underscoreOK(s.slice(0, i))) return null;
  let value: number;
  if (hex) {
    // mantissa × 16^-(fraction digits) × 2^exp; Number(bigint) rounds to nearest even.
    const m = BigInt('0x' + mant);
    const e2 = exp - 4 * (mant.length - dp);
    value = scaleBinary(m, e2);
  } else {
    value = Number(`${mant.slice(0, dp) || '0'}.${mant.slice(dp) || '0'}e${exp}`);
  }
  return { n: i, value: neg ? -value : value };
}

/** m × 2^e2 correctly rounded to float64. */
function scaleBinary(m: bigint, e2: number): number {
  if (m === 0n) return 0;
  // Keep 64+ significant bits in an integer, then let Number() round once where possible.
  if (e2 >= 0) return Number(m << BigInt(Math.min(e2, 2000)));
  const bits = m.toString(2).length;
  // Exponent of the result's leading bit; below -1022 the result is subnormal.
  const lead = bits - 1 + e2;
  const keep = lead >= -1022 ? 53 : Math.max(0, 53 - (-1022 - lead));
  const drop = bits - keep;
  if (drop <= 0) return Number(m) * 2 ** e2;
  const q = m >> BigInt(drop);
  const rem = m - (q << BigInt(drop));
  const half = 1n << BigInt(drop - 1);
  const r = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
  return Number(r) * 2 ** (e2 + drop);
}

/** Go's strconv.ParseFloat(s, bitSize). Throws {@link NumError}; range errors carry ±Inf. */
export function parseFloat(s: string, bitSize: 32 | 64 = 64): number {
  const fn = 'ParseFloat';
  const sp = special(s);
  if (sp) {
    if (sp[1] !== s.length) throw new NumError(fn, s, SYNTAX);
    return sp[0];
  }
  const r = readFloat(s);
  if (!r || r.n !== s.length) throw new NumError(fn, s, SYNTAX);
  let f = r.value;
  if (bitSize === 32) f = Math.fround(f);
  if (!Number.isFinite(f)) throw new NumError(fn, s, RANGE, f);
  return f;
}
