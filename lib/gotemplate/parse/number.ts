/**
 * Number literal interpretation as Go's parse.newNumber: a literal gets every reading that
 * fits (int64, uint64, float64), using strconv's base-0 integer and float syntax.
 */
import { ItemType } from './lex';
import { NumberNode, type TreeRef } from './node';
import { NumError, parseFloat, parseInt, parseUint, quote, unquoteChar } from '../../go';

/** A strconv parse's value, or null where Go's parser returns an error (newNumber only asks whether it fits). */
function orNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (e) {
    if (e instanceof NumError) return null;
    throw e;
  }
}

// Go's newNumber reads literals with strconv's base-0 syntax: prefixes, underscores, hex floats.
const parseGoInteger = (text: string, signed: boolean) => orNull(() => (signed ? parseInt(text, 0, 64) : parseUint(text, 0, 64)));
const parseGoFloat = (text: string) => orNull(() => parseFloat(text, 64));

/** Digits only, no leading zero (that would be octal), at most 15 of them: exact as a float64. */
function isSmallDecimal(text: string): boolean {
  const len = text.length;
  if (len === 0 || len > 15) return false;
  if (text.charCodeAt(0) === 0x30) return len === 1;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Builds a NumberNode from a number, char or complex token; throws an Error with Go's message. */
export function newNumber(tree: TreeRef, pos: number, text: string, typ: ItemType): NumberNode {
  const n = new NumberNode(tree, pos, text);
  if (typ === ItemType.CharConstant) {
    // strconv.UnquoteChar(text[1:], text[0]): `\x` and octal escapes give a byte, others a rune.
    const { value, tail } = unquoteChar(text.slice(1), "'");
    if (tail !== "'") throw new Error(`malformed character constant: ${text}`);
    n.int64 = BigInt(value);
    n.isInt = true;
    n.uint64 = BigInt(value);
    n.isUint = true;
    n.float64 = value;
    n.isFloat = true;
    return n;
  }
  if (typ === ItemType.Number && isSmallDecimal(text)) {
    // Every reading holds it exactly; strconv would say the same after two failed-or-not parses.
    n.float64 = Number(text);
    n.int64 = n.uint64 = BigInt(n.float64);
    n.isInt = n.isUint = n.isFloat = true;
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
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${quote(text)}`);
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
    throw new Error(`illegal number syntax: ${quote(text)}`);
  }
  return n;
}

