/**
 * Sprig's `b64enc`/`b64dec`/`b32enc`/`b32dec` (standard, padded alphabets). The decoders
 * follow Go's `encoding/base64` and `encoding/base32` so that a bad input yields Go's exact
 * `illegal base64 data at input byte N`, which Sprig returns as the function's value.
 */
import { base32, base64 } from '@scure/base';
import { defineFunc, type FuncMap } from '../go';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const decodeMap = (alphabet: string): Int16Array => {
  const m = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
};
const B64_MAP = decodeMap(B64);
const B32_MAP = decodeMap(B32);
const PAD = 0x3d;
const isNewline = (b: number): boolean => b === 0x0a || b === 0x0d;

/** Thrown with Go's `CorruptInputError` text. */
export class CorruptInputError extends Error {}

/** `base64.StdEncoding.DecodeString`: newlines are skipped, padding is required. */
export function decodeBase64Std(s: string): Uint8Array {
  const src = utf8.encode(s);
  const out: number[] = [];
  const corrupt = (at: number) => new CorruptInputError(`illegal base64 data at input byte ${at}`);
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: CorruptInputError | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        throw corrupt(si - j);
      }
      const c = src[si++];
      const v = B64_MAP[c];
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== PAD || j < 2) throw corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) throw corrupt(src.length);
        if (src[si] !== PAD) throw corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailing = corrupt(si);
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailing) throw trailing;
  }
  return Uint8Array.from(out);
}

/** `base32.StdEncoding.DecodeString`: newlines are stripped first, padding is required. */
export function decodeBase32Std(s: string): Uint8Array {
  const src = utf8.encode(s).filter((b) => !isNewline(b));
  const olen = src.length;
  const corrupt = (at: number) => new CorruptInputError(`illegal base32 data at input byte ${at}`);
  const out: number[] = [];
  let pos = 0;
  let end = false;
  while (pos < olen && !end) {
    const dbuf = new Array<number>(8).fill(0);
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      if (pos === olen) throw corrupt(olen - (olen - pos) - j);
      const c = src[pos++];
      const left = olen - pos;
      if (c === PAD && j >= 2 && left < 8) {
        if (left + j < 7) throw corrupt(olen);
        for (let k = 0; k < 7 - j; k++) if (left > k && src[pos + k] !== PAD) throw corrupt(olen - left + k - 1);
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) throw corrupt(olen - left - 1);
        break;
      }
      const v = B32_MAP[c];
      if (v < 0) throw corrupt(olen - left - 1);
      dbuf[j++] = v;
    }
    const bytes = [
      (dbuf[0] << 3) | (dbuf[1] >> 2),
      ((dbuf[1] << 6) | (dbuf[2] << 1) | (dbuf[3] >> 4)) & 0xff,
      ((dbuf[3] << 4) | (dbuf[4] >> 1)) & 0xff,
      ((dbuf[4] << 7) | (dbuf[5] << 2) | (dbuf[6] >> 3)) & 0xff,
      ((dbuf[6] << 5) | dbuf[7]) & 0xff,
    ];
    const n = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen];
    out.push(...bytes.slice(0, n).map((b) => b & 0xff));
  }
  return Uint8Array.from(out);
}

/** Go's `string(bytes)` as a JS string (invalid UTF-8 becomes U+FFFD, the one lossy step). */
export function bytesToString(b: Uint8Array): string {
  return fromUtf8.decode(b);
}

/**
 * b64enc's results for short strings: a chart encodes the same values at every render (a secret
 * of many settings, most of them empty). Dropped whole at its bound, so memory stays flat.
 */
const encoded = new Map<string, string>();
const MAX_ENCODED = 4096;
const MAX_ENCODED_LENGTH = 256;

function b64enc(s: string): string {
  if (s.length > MAX_ENCODED_LENGTH) return base64.encode(stringToBytes(s));
  let out = encoded.get(s);
  if (out === undefined) {
    out = base64.encode(stringToBytes(s));
    if (encoded.size >= MAX_ENCODED) encoded.clear();
    encoded.set(s, out);
  }
  return out;
}

/** Go's `[]byte(s)`. */
export function stringToBytes(s: string): Uint8Array {
  return utf8.encode(s);
}

const decodeOrMessage = (decode: (s: string) => Uint8Array) => (s: string): string => {
  try {
    return bytesToString(decode(s));
  } catch (e) {
    if (e instanceof CorruptInputError) return e.message;
    throw e;
  }
};

/** Sprig's encoding functions, keyed by template name. */
export const encodingFuncs: FuncMap = {
  b64enc: defineFunc('b64enc', ['string'], b64enc),
  b64dec: defineFunc('b64dec', ['string'], decodeOrMessage(decodeBase64Std)),
  b32enc: defineFunc('b32enc', ['string'], (s: string) => base32.encode(stringToBytes(s))),
  b32dec: defineFunc('b32dec', ['string'], decodeOrMessage(decodeBase32Std)),
};
