/**
 * Sprig's random family from the platform CSPRNG (`crypto.getRandomValues`), with goutils'
 * alphabets: randAlphaNum [0-9A-Za-z], randAlpha [A-Za-z], randNumeric [0-9], randAscii 32..126.
 */
import { base64 } from '@scure/base';
import { defineFunc, type FuncMap, randomBelow, randomBytes, GoError, GoInt } from '../go';

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** A random string of `count` characters from `alphabet` ("" for count ≤ 0, as Sprig ignores goutils' error). */
export function randomString(count: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < count; i++) s += alphabet[randomBelow(alphabet.length)];
  return s;
}

/** A version-4 UUID in canonical form. */
export function uuidv4(): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** xstrings.Shuffle: a random permutation of the string's runes. */
export function shuffleRunes(s: string): string {
  const runes = [...s];
  for (let i = runes.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [runes[i], runes[j]] = [runes[j], runes[i]];
  }
  return runes.join('');
}

const n = (v: GoInt | number): number => (v instanceof GoInt ? v.toNumber() : v);

/** Sprig's random functions, keyed by template name. */
const random = { effect: 'random' } as const;

export const randomFuncs: FuncMap = {
  randAlphaNum: defineFunc('randAlphaNum', ['int'], (c: GoInt) => randomString(n(c), DIGITS + LETTERS), random),
  randAlpha: defineFunc('randAlpha', ['int'], (c: GoInt) => randomString(n(c), LETTERS), random),
  randAscii: defineFunc('randAscii', ['int'], (c: GoInt) => randomString(n(c), ASCII), random),
  randNumeric: defineFunc('randNumeric', ['int'], (c: GoInt) => randomString(n(c), DIGITS), random),
  randBytes: defineFunc(
    'randBytes',
    ['int'],
    (c: GoInt) => {
      if (n(c) < 0) throw new GoError('runtime error: makeslice: len out of range');
      return base64.encode(randomBytes(n(c)));
    },
    { returnsError: true, effect: 'random' },
  ),
  randInt: defineFunc('randInt', ['int', 'int'], (min: GoInt, max: GoInt) => new GoInt(randomBelow(n(max) - n(min)) + n(min), 'int'), random),
  shuffle: defineFunc('shuffle', ['string'], (s: string) => shuffleRunes(s), random),
  uuidv4: defineFunc('uuidv4', [], () => uuidv4(), random),
};
