/**
 * Go's strconv.ParseInt / ParseFloat / Atoi grammar, which spf13/cast and Sprig rely on.
 * JavaScript's Number() accepts other spellings (" 3", "0x10" as float, "Infinity") and
 * rejects Go's ("1_000", "0o17", "inf"), so the grammar is checked here first.
 */

export type ParseError = 'syntax' | 'range' | null;

export interface ParsedInt {
  value: bigint;
  err: ParseError;
}

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

// Go's underscoreOK: '_' only between digits, or between a base prefix and a digit.
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
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

/** strconv.ParseInt(s, base, 64); base 0 reads Go's prefixes (0x, 0o, 0b, leading 0) and underscores. */
export function parseInt64(s0: string, base: number): ParsedInt {
  if (s0 === '') return { value: 0n, err: 'syntax' };
  let s = s0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let b = base;
  let underscores = false;
  if (base === 0) {
    b = 10;
    if (s[0] === '0') {
      if (s.length >= 3 && (s[1] === 'x' || s[1] === 'X')) (b = 16), (s = s.slice(2));
      else if (s.length >= 3 && (s[1] === 'o' || s[1] === 'O')) (b = 8), (s = s.slice(2));
      else if (s.length >= 3 && (s[1] === 'b' || s[1] === 'B')) (b = 2), (s = s.slice(2));
      else (b = 8), (s = s.slice(1));
    }
    underscores = true;
  }
  if (s === '' && !(base === 0 && b === 8 && s0.replace(/^[+-]/, '') === '0')) {
    return { value: 0n, err: 'syntax' };
  }
  let n = 0n;
  let sawUnderscore = false;
  for (const c of s) {
    if (c === '_' && underscores) {
      sawUnderscore = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= b) return { value: 0n, err: 'syntax' };
    n = n * BigInt(b) + BigInt(d);
  }
  if (sawUnderscore && !underscoreOK(s0)) return { value: 0n, err: 'syntax' };
  const v = neg ? -n : n;
  if (v > MAX_INT64) return { value: MAX_INT64, err: 'range' };
  if (v < MIN_INT64) return { value: MIN_INT64, err: 'range' };
  return { value: v, err: null };
}

/** strconv.Atoi: base 10 only; on overflow Go returns the clamped value with the error. */
export function atoi(s: string): ParsedInt {
  if (!/^[+-]?[0-9]+$/.test(s)) return { value: 0n, err: 'syntax' };
  return parseInt64(s.replace(/^\+/, '').replace(/^(-?)0+(?=\d)/, '$1'), 10);
}

const DECIMAL_FLOAT = /^[+-]?(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]((?:[0-9a-fA-F_]+(?:\.[0-9a-fA-F_]*)?|\.[0-9a-fA-F_]+))[pP]([+-]?[0-9_]+)$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

export interface ParsedFloat {
  value: number;
  err: ParseError;
}

/** strconv.ParseFloat(s, 64). */
export function parseFloat64(s: string): ParsedFloat {
  const sp = SPECIAL.exec(s);
  if (sp) {
    if (sp[2].toLowerCase() === 'nan') return sp[1] ? { value: 0, err: 'syntax' } : { value: NaN, err: null };
    return { value: sp[1] === '-' ? -Infinity : Infinity, err: null };
  }
  let value: number;
  if (DECIMAL_FLOAT.test(s)) {
    if (s.includes('_') && !underscoreOK(s)) return { value: 0, err: 'syntax' };
    if (!/[0-9]/.test(s.replace(/[eE].*$/, ''))) return { value: 0, err: 'syntax' };
    value = Number(s.replace(/_/g, ''));
  } else {
    const hx = HEX_FLOAT.exec(s);
    if (!hx || (s.includes('_') && !underscoreOK(s))) return { value: 0, err: 'syntax' };
    const [intPart, fracPart = ''] = hx[2].replace(/_/g, '').split('.');
    const mant = BigInt('0x' + (intPart + fracPart || '0'));
    const exp = Number(hx[3].replace(/_/g, '')) - 4 * fracPart.length;
    value = Number(mant) * Math.pow(2, exp);
    if (hx[1] === '-') value = -value;
  }
  if (!Number.isFinite(value)) return { value, err: 'range' };
  return { value, err: null };
}
