/**
 * Sprig's random family from the platform CSPRNG (`crypto.getRandomValues`), with goutils'
 * alphabets: randAlphaNum [0-9A-Za-z], randAlpha [A-Za-z], randNumeric [0-9], randAscii 32..126.
 */
import { base64 } from '@scure/base';
import { defineFunc, type FuncMap } from '../gotemplate/func';
import { GoError, GoInt } from '../go/value';

/** Fills `out` from the platform CSPRNG (which takes at most 65536 bytes a call). */
function fillFromCsprng(out: Uint8Array): void {
  for (let i = 0; i < out.length; i += 65536) globalThis.crypto.getRandomValues(out.subarray(i, Math.min(out.length, i + 65536)));
}

let fill: (out: Uint8Array) => void = fillFromCsprng;

/**
 * Replaces where random bytes come from (null: the CSPRNG again). Previews pin it per call site
 * so that re-rendering does not churn; helm itself, and so the CLI, stays random.
 */
export function setRandomSource(source: ((out: Uint8Array) => void) | null): void {
  fill = source ?? fillFromCsprng;
  poolNext = pool.length;
}

/** `count` bytes from the random source. */
export function randomBytes(count: number): Uint8Array {
  const out = new Uint8Array(count);
  fill(out);
  return out;
}

/**
 * CSPRNG words drawn in batches: one getRandomValues call per character made random strings
 * the slowest part of re-rendering charts that generate secrets. Each word is used once.
 */
const pool = new Uint32Array(256);
let poolNext = pool.length;

function randomUint32(): number {
  if (poolNext === pool.length) {
    fill(new Uint8Array(pool.buffer));
    poolNext = 0;
  }
  return pool[poolNext++];
}

/** A uniform integer in [0, n) without modulo bias. */
export function randomBelow(n: number): number {
  if (n <= 0) throw new GoError('invalid argument to Intn');
  if (n <= 2 ** 32) {
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const x = randomUint32();
      if (x < limit) return x % n;
    }
  }
  const big = BigInt(n);
  for (;;) {
    const b = randomBytes(8);
    let v = 0n;
    for (const x of b) v = (v << 8n) | BigInt(x);
    v >>= 11n; // 53 bits
    if (v < (1n << 53n) - ((1n << 53n) % big)) return Number(v % big);
  }
}

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
