/**
 * Go's `unicode` classification and simple (one-rune) case mapping. JavaScript's toUpperCase uses
 * full case mapping ('ß' → 'SS'); Go maps rune by rune and keeps runes without a single mapping.
 */
import { isGoSpace } from '../strings';

export { isGoSpace };

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const TITLE = /^\p{Lt}$/u;
const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const DIGIT = /^\p{Nd}$/u;
const PUNCT = /^\p{P}$/u;

const ch = (r: number): string => String.fromCodePoint(r);

/** unicode.IsUpper */
export const isUpper = (r: number): boolean => UPPER.test(ch(r));
/** unicode.IsLower */
export const isLower = (r: number): boolean => LOWER.test(ch(r));
/** unicode.IsTitle */
export const isTitle = (r: number): boolean => TITLE.test(ch(r));
/** unicode.IsLetter */
export const isLetter = (r: number): boolean => LETTER.test(ch(r));
/** unicode.IsNumber */
export const isNumber = (r: number): boolean => NUMBER.test(ch(r));
/** unicode.IsDigit */
export const isDigit = (r: number): boolean => DIGIT.test(ch(r));
/** unicode.IsPunct */
export const isPunct = (r: number): boolean => PUNCT.test(ch(r));

// Runes whose simple mapping differs from what a one-rune JavaScript result would give.
const SIMPLE_LOWER: Record<number, number> = { 0x130: 0x69 };
const SIMPLE_UPPER: Record<number, number> = { 0x131: 0x49, 0x17f: 0x53 };
// Digraphs with a distinct title case (DŽ/Dž/dž, LJ/Lj/lj, NJ/Nj/nj, DZ/Dz/dz).
const TITLE_CASE: Record<number, number> = {
  0x1c4: 0x1c5, 0x1c5: 0x1c5, 0x1c6: 0x1c5,
  0x1c7: 0x1c8, 0x1c8: 0x1c8, 0x1c9: 0x1c8,
  0x1ca: 0x1cb, 0x1cb: 0x1cb, 0x1cc: 0x1cb,
  0x1f1: 0x1f2, 0x1f2: 0x1f2, 0x1f3: 0x1f2,
};

function single(s: string, fallback: number): number {
  const cp = s.codePointAt(0)!;
  return s.length === (cp > 0xffff ? 2 : 1) ? cp : fallback;
}

/** unicode.ToUpper */
export function toUpperRune(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  if (r in SIMPLE_UPPER) return SIMPLE_UPPER[r];
  return single(ch(r).toUpperCase(), r);
}

/** unicode.ToLower */
export function toLowerRune(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  if (r in SIMPLE_LOWER) return SIMPLE_LOWER[r];
  return single(ch(r).toLowerCase(), r);
}

/** unicode.ToTitle */
export function toTitleRune(r: number): number {
  if (r in TITLE_CASE) return TITLE_CASE[r];
  // Georgian Mkhedruli letters have an upper case (Mtavruli) but are their own title case.
  if ((r >= 0x10d0 && r <= 0x10fa) || (r >= 0x10fd && r <= 0x10ff)) return r;
  return toUpperRune(r);
}

/** Maps each rune of a string, as Go's strings.Map. */
export function mapRunes(s: string, f: (r: number) => number): string {
  let out = '';
  for (const c of s) out += ch(f(c.codePointAt(0)!));
  return out;
}

/** The runes (code points) of a string. */
export function runesOf(s: string): number[] {
  const out: number[] = [];
  for (const c of s) out.push(c.codePointAt(0)!);
  return out;
}
