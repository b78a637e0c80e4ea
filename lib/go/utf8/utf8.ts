/**
 * Go's byte semantics over JavaScript strings.
 *
 * Go strings are byte sequences (usually UTF-8); ours are UTF-16. `len`, slicing and byte-wise
 * functions must see the UTF-8 bytes. Where a Go operation produces invalid UTF-8 (slicing in the
 * middle of a multi-byte sequence), we decode it as Go's `for range` / `utf8.DecodeRune` would:
 * each byte that does not start a valid sequence becomes one U+FFFD. That is also what Go's
 * encoders (e.g. `toJson`) print for such bytes.
 */

/** U+FFFD, Go's utf8.RuneError. */
export const RUNE_ERROR = 0xfffd;
/** Go's utf8.MaxRune. */
export const MAX_RUNE = 0x10ffff;

const encoder = new TextEncoder();

/** The UTF-8 bytes of a string (a lone surrogate encodes as U+FFFD, as Go's conversions do). */
export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Whether a code point is a valid Unicode scalar value (Go's utf8.ValidRune). */
export function validRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= MAX_RUNE);
}

/**
 * Decodes the rune starting at `b[i]` as Go's utf8.DecodeRune does: returns the rune and its
 * width; an invalid or truncated sequence yields `[RUNE_ERROR, 1]`.
 */
export function decodeRune(b: Uint8Array, i = 0): [rune: number, width: number] {
  const n = b.length - i;
  if (n <= 0) return [RUNE_ERROR, 0];
  const c0 = b[i];
  if (c0 < 0x80) return [c0, 1];
  if (c0 < 0xc2 || c0 > 0xf4) return [RUNE_ERROR, 1];
  // The second byte's valid range depends on the first (excludes overlongs and surrogates).
  let lo = 0x80;
  let hi = 0xbf;
  if (c0 === 0xe0) lo = 0xa0;
  else if (c0 === 0xed) hi = 0x9f;
  else if (c0 === 0xf0) lo = 0x90;
  else if (c0 === 0xf4) hi = 0x8f;
  if (n < 2 || b[i + 1] < lo || b[i + 1] > hi) return [RUNE_ERROR, 1];
  if (c0 < 0xe0) return [((c0 & 0x1f) << 6) | (b[i + 1] & 0x3f), 2];
  if (n < 3 || (b[i + 2] & 0xc0) !== 0x80) return [RUNE_ERROR, 1];
  if (c0 < 0xf0) return [((c0 & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f), 3];
  if (n < 4 || (b[i + 3] & 0xc0) !== 0x80) return [RUNE_ERROR, 1];
  return [((c0 & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f), 4];
}

/** Decodes UTF-8 bytes the way Go ranges over a string: each invalid byte becomes U+FFFD. */
export function utf8Decode(b: Uint8Array): string {
  let out = '';
  let chunk: number[] = [];
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      chunk.push(c);
      i++;
    } else {
      const [r, w] = decodeRune(b, i);
      chunk.push(r);
      i += w;
    }
    if (chunk.length >= 4096) {
      out += String.fromCodePoint(...chunk);
      chunk = [];
    }
  }
  return out + String.fromCodePoint(...chunk);
}

/** The number of UTF-8 bytes of a string: what Go's `len(s)` returns (a lone surrogate is U+FFFD, 3 bytes). */
export function byteLength(s: string): number {
  return countBytes(s, Infinity);
}

/** Whether a string's UTF-8 encoding fits in `max` bytes, without counting past `max`. */
export function fitsInBytes(s: string, max: number): boolean {
  return s.length * 3 <= max || countBytes(s, max) <= max;
}

// Stops once the count passes `limit`.
function countBytes(s: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= limit; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether a string is pure ASCII (then byte and UTF-16 indexes coincide). */
export function isASCII(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s);
}

/**
 * Go's `s[start:end]` on a string's bytes. `end` defaults to the byte length. Indexes out of
 * range throw as Go panics do (`slice bounds out of range [:5] with length 3`).
 */
export function sliceBytes(s: string, start: number, end?: number): string {
  if (isASCII(s)) {
    const e = end ?? s.length;
    checkSliceBounds(start, e, s.length);
    return s.slice(start, e);
  }
  const b = utf8Encode(s);
  const e = end ?? b.length;
  checkSliceBounds(start, e, b.length);
  return utf8Decode(b.subarray(start, e));
}

function checkSliceBounds(start: number, end: number, length: number): void {
  if (end < 0 || end > length) throw new RangeError(`slice bounds out of range [:${end}] with length ${length}`);
  if (start < 0 || start > end) throw new RangeError(`slice bounds out of range [${start}:${end}]`);
}

/** The byte at Go index `i` of a string (`s[i]`), or undefined when out of range. */
export function byteAt(s: string, i: number): number | undefined {
  if (isASCII(s)) return i >= 0 && i < s.length ? s.charCodeAt(i) : undefined;
  const b = utf8Encode(s);
  return i >= 0 && i < b.length ? b[i] : undefined;
}

/** The number of runes (code points) of a string: Go's utf8.RuneCountInString. */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

/** The runes of a string as code points (a lone surrogate yields U+FFFD, as in Go). */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    out.push(r >= 0xd800 && r <= 0xdfff ? RUNE_ERROR : r);
  }
  return out;
}

/** The UTF-8 length of a rune (Go's utf8.RuneLen; -1 for an invalid rune). */
export function runeLen(r: number): number {
  if (r < 0) return -1;
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r >= 0xd800 && r <= 0xdfff) return -1;
  if (r < 0x10000) return 3;
  if (r <= MAX_RUNE) return 4;
  return -1;
}

/** The string of one rune; an invalid rune becomes U+FFFD, as Go's `string(rune(x))` does. */
export function runeToString(r: number): string {
  return String.fromCodePoint(validRune(r) ? r : RUNE_ERROR);
}
