/**
 * Number literal interpretation as Go's parse.newNumber: a literal gets every reading that
 * fits (int64, uint64, float64), using strconv's base-0 integer and float syntax.
 */
import { ItemType } from './lex';
import { NumberNode, type TreeRef } from './node';
import { goQuote, unquoteChar } from './quote';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

// Go's underscoreOK: underscores must separate digits (a base prefix counts as a digit).
function underscoreOK(s: string): boolean {
  let i = 0;
  if (s[0] === '+' || s[0] === '-') i++;
  let saw = '^';
  let hexOrPrefix = false;
  if (s.length - i >= 2 && s[i] === '0' && 'xXbBoO'.includes(s[i + 1])) {
    i += 2;
    saw = '0';
    hexOrPrefix = 'xX'.includes(s[i - 1]);
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hexOrPrefix && /[a-fA-F]/.test(c))) {
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

/** strconv.ParseUint(s, 0, 64) / ParseInt(s, 0, 64): the value, or null on any error. */
function parseGoInteger(text: string, signed: boolean): bigint | null {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    if (!signed) return null;
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let base = 10;
  let digits = s;
  if (s.length >= 2 && s[0] === '0') {
    const p = s[1].toLowerCase();
    if (p === 'x') (base = 16), (digits = s.slice(2));
    else if (p === 'o') (base = 8), (digits = s.slice(2));
    else if (p === 'b') (base = 2), (digits = s.slice(2));
    else (base = 8), (digits = s.slice(1));
  }
  if (digits.includes('_')) {
    if (!underscoreOK(text)) return null;
    digits = digits.replaceAll('_', '');
  }
  if (digits === '') return null;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return null;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  let v = BigInt(prefix + digits);
  if (neg) v = -v;
  if (signed ? v < INT64_MIN || v > INT64_MAX : v > UINT64_MAX) return null;
  return v;
}

/** strconv.ParseFloat(s, 64) for the syntax the lexer can produce; null on error or overflow. */
function parseGoFloat(text: string): number | null {
  let s = text;
  if (s.includes('_')) {
    if (!underscoreOK(s)) return null;
    s = s.replaceAll('_', '');
  }
  let sign = 1;
  let body = s;
  if (body[0] === '+' || body[0] === '-') {
    sign = body[0] === '-' ? -1 : 1;
    body = body.slice(1);
  }
  let f: number;
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(body);
  if (hex) {
    const [, whole, frac = '', exp] = hex;
    if (whole === '' && frac === '') return null;
    let mant = 0;
    for (const c of whole + frac) mant = mant * 16 + parseInt(c, 16);
    f = mant * Math.pow(2, Number(exp) - 4 * frac.length);
  } else {
    if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(body)) return null;
    f = Number(body);
  }
  if (!Number.isFinite(f)) return null;
  return sign * f;
}

function runeOfCharConstant(text: string): { value: number; tail: string } {
  const { bytes, next } = unquoteChar(text, 1, "'");
  const esc = text[1] === '\\' ? text[2] : '';
  const value = esc === 'x' || (esc >= '0' && esc <= '7') ? bytes[0] : new TextDecoder().decode(bytes).codePointAt(0)!;
  return { value, tail: text.slice(next) };
}

/** Builds a NumberNode from a number, char or complex token; throws an Error with Go's message. */
export function newNumber(tree: TreeRef, pos: number, text: string, typ: ItemType): NumberNode {
  const n = new NumberNode(tree, pos, text);
  if (typ === ItemType.CharConstant) {
    const { value, tail } = runeOfCharConstant(text);
    if (tail !== "'") throw new Error(`malformed character constant: ${text}`);
    n.int64 = BigInt(value);
    n.isInt = true;
    n.uint64 = BigInt(value);
    n.isUint = true;
    n.float64 = value;
    n.isFloat = true;
    return n;
  }
  if (typ === ItemType.Complex || text.endsWith('i')) {
    const imag = typ === ItemType.Complex ? null : parseGoFloat(text.slice(0, -1));
    if (typ === ItemType.Complex || imag !== null) {
      n.isComplex = true;
      if (imag === 0) {
        // simplifyComplex: a zero imaginary part makes the constant real.
        n.isFloat = true;
        n.isInt = true;
        n.isUint = true;
      }
      return n;
    }
  }
  const u = parseGoInteger(text, false);
  if (u !== null) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseGoInteger(text, true);
  if (i !== null) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseGoFloat(text);
    if (f !== null) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${goQuote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) {
    throw new Error(`illegal number syntax: ${goQuote(text)}`);
  }
  return n;
}

