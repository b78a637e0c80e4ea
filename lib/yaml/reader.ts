/**
 * go-yaml v2's reader (readerc.go) for a JS string: the input is read in 512-byte chunks, and a
 * chunk holding a character outside YAML's printable set fails as soon as the scanner needs any
 * character of it. Errors in earlier text therefore win over a control character further on.
 */

/** Code points go-yaml's reader refuses ("control characters are not allowed"). */
const CONTROL = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** The size of go-yaml's raw input buffer (input_raw_buffer_size). */
const RAW_CHUNK = 512;

/** Padding after the text: the scanner looks ahead up to 8 characters and reads NUL at the end. */
const PAD = '\0'.repeat(16);

/** The text as the scanner sees it. */
export interface ReaderInput {
  /** The text without a leading BOM, followed by NULs. */
  src: string;
  /** Length of the text in `src` (without the padding). */
  length: number;
  /**
   * The first code unit the reader cannot deliver: needing it (or anything after it) is the
   * reader error. Infinity when the whole text is readable.
   */
  limit: number;
}

function utf8Width(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Where the chunk holding the first unreadable character starts, in code units of the text
 * without its BOM (go-yaml strips a leading UTF-8 BOM before decoding).
 */
function unreadableFrom(text: string, bom: number): number {
  let chunkStart = 0; // code unit index where the current raw chunk's characters begin
  let chunkEnd = RAW_CHUNK; // byte offset where the current raw chunk ends
  let byte = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const w = utf8Width(cp);
    if (byte + w > chunkEnd) {
      // An incomplete character is kept for the next read, which refills 512 bytes from it.
      chunkStart = i;
      chunkEnd = byte + RAW_CHUNK;
    }
    if (i >= bom && CONTROL.test(String.fromCodePoint(cp))) return Math.max(0, chunkStart - bom);
    byte += w;
    i += units;
  }
  return Infinity;
}

/** Prepares `text` for the scanner (go-yaml reads an empty input as a single line break). */
export function readInput(text: string): ReaderInput {
  if (text.length === 0) text = '\n';
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const limit = CONTROL.test(body) ? unreadableFrom(text, bom) : Infinity;
  return { src: body + PAD, length: body.length, limit };
}

/** The reader's error, which carries no position. */
export const READER_PROBLEM = 'control characters are not allowed';

// Character classes of yamlprivateh.go, over UTF-16 code units.

export const isAlpha = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
export const asHex = (c: number): number => (c >= 0x61 ? c - 0x57 : c >= 0x41 ? c - 0x37 : c - 0x30);
export const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;
export const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
export const isBreakZ = (c: number): boolean => c === 0 || isBreak(c);
export const isBlankZ = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0 || isBreak(c);

/** Decodes UTF-8 the way Go's string conversion and range do: each invalid byte becomes U+FFFD. */
export function utf8ToGoString(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let cp = 0;
    let min = 0;
    if (c < 0x80) [n, cp] = [1, c];
    else if (c >= 0xc2 && c < 0xe0) [n, cp, min] = [2, c & 0x1f, 0x80];
    else if (c >= 0xe0 && c < 0xf0) [n, cp, min] = [3, c & 0x0f, 0x800];
    else if (c >= 0xf0 && c < 0xf5) [n, cp, min] = [4, c & 0x07, 0x10000];
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) {
      if ((b[i + k] & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (b[i + k] & 0x3f);
    }
    if (ok && n > 1 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}
