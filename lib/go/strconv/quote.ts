/** Go's strconv quoting: Quote, QuoteToASCII, QuoteRune, CanBackquote, Unquote. */
import { GoError } from '../value';
import { GO_PRINTABLE_RANGES } from '../unicode/print';
import { decodeRune, RUNE_ERROR, utf8Decode, utf8Encode, validRune } from '../utf8/utf8';

let printableStarts: Int32Array | undefined;
let printableEnds: Int32Array | undefined;

function decodePrintableRanges(): void {
  const entries = GO_PRINTABLE_RANGES.split(',');
  printableStarts = new Int32Array(entries.length);
  printableEnds = new Int32Array(entries.length);
  let end = 0x80;
  entries.forEach((e, i) => {
    const [gap, len] = e.split('.');
    const start = end + Number.parseInt(gap, 36);
    end = start + Number.parseInt(len, 36);
    printableStarts![i] = start;
    printableEnds![i] = end;
  });
}

/**
 * Go's strconv.IsPrint (= unicode.IsPrint): letters, marks, numbers, punctuation, symbols and
 * ASCII space, by Go's Unicode 15.0 tables.
 */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (!printableStarts) decodePrintableRanges();
  const starts = printableStarts!;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r < starts[mid]) hi = mid - 1;
    else if (r >= printableEnds![mid]) lo = mid + 1;
    else return true;
  }
  return false;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c /* \ */) return '\\' + String.fromCodePoint(r);
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCodePoint(r);
  } else if (isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (!validRune(r)) r = RUNE_ERROR;
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (const ch of s) {
    let r = ch.codePointAt(0)!;
    // A lone surrogate is what a JS string holds where Go would have had bad bytes.
    if (r >= 0xd800 && r <= 0xdfff) r = RUNE_ERROR;
    if (r < 0x80 && isPrint(r) && r !== quote && r !== 0x5c) out += ch;
    else out += escapeRune(r, quote, asciiOnly);
  }
  return out + String.fromCharCode(quote);
}

/** Go's strconv.Quote: a double-quoted Go string literal with Go escapes for non-printables. */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/**
 * Go's strconv.Quote over a string's bytes, for texts that cut UTF-8 sequences (net/url's
 * `s[i:i+3]`): a byte that does not start a valid rune prints as `\xNN`, as Go prints it.
 */
export function quoteBytes(b: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < b.length; ) {
    const [r, width] = decodeRune(b, i);
    if (width === 1 && r === RUNE_ERROR) out += '\\x' + hex(b[i], 2);
    else if (r < 0x80 && isPrint(r) && r !== 0x22 && r !== 0x5c) out += String.fromCharCode(r);
    else out += escapeRune(r, 0x22, false);
    i += width;
  }
  return out + '"';
}

/** Go's strconv.QuoteToASCII: like {@link quote}, escaping every non-ASCII rune too. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}

/** Go's strconv.QuoteRune: a single-quoted Go character literal (invalid runes print as U+FFFD). */
export function quoteRune(r: number): string {
  if (!validRune(r)) r = RUNE_ERROR;
  return "'" + escapeRune(r, 0x27, false) + "'";
}

/** Go's strconv.QuoteRuneToASCII. */
export function quoteRuneToASCII(r: number): string {
  if (!validRune(r)) r = RUNE_ERROR;
  return "'" + escapeRune(r, 0x27, true) + "'";
}

/** Go's strconv.CanBackquote: whether s can be a raw string literal without change. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r >= 0x80) {
      if (r === 0xfeff || (r >= 0xd800 && r <= 0xdfff)) return false;
      continue;
    }
    if ((r < 0x20 && r !== 0x09) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };

/**
 * Go's strconv.UnquoteChar over a JS string: decodes the first character or escape of `s`.
 * Returns the value, whether it is a rune (else a single byte, from `\x` or octal) and the tail.
 */
export function unquoteChar(s: string, quoteChar: string): { value: number; multibyte: boolean; tail: string } {
  const syntax = (): never => {
    throw new GoError('invalid syntax');
  };
  if (s.length === 0) syntax();
  const c = s[0];
  if (c === quoteChar && (quoteChar === "'" || quoteChar === '"')) syntax();
  const cp = s.codePointAt(0)!;
  if (cp >= 0x80) {
    const w = cp > 0xffff ? 2 : 1;
    return { value: cp >= 0xd800 && cp <= 0xdfff ? RUNE_ERROR : cp, multibyte: true, tail: s.slice(w) };
  }
  if (c !== '\\') return { value: cp, multibyte: false, tail: s.slice(1) };
  if (s.length <= 1) syntax();
  const e = s[1];
  let rest = s.slice(2);
  if (e in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[e], multibyte: false, tail: rest };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    if (rest.length < n || !/^[0-9a-fA-F]+$/.test(rest.slice(0, n))) syntax();
    const v = parseInt(rest.slice(0, n), 16);
    rest = rest.slice(n);
    if (e === 'x') return { value: v, multibyte: false, tail: rest };
    if (!validRune(v)) syntax();
    return { value: v, multibyte: true, tail: rest };
  }
  if (e >= '0' && e <= '7') {
    if (rest.length < 2 || !/^[0-7]{2}/.test(rest)) syntax();
    const v = parseInt(e + rest.slice(0, 2), 8);
    if (v > 255) syntax();
    return { value: v, multibyte: false, tail: rest.slice(2) };
  }
  if (e === "'" || e === '"') {
    if (e !== quoteChar) syntax();
    return { value: e.charCodeAt(0), multibyte: false, tail: rest };
  }
  return syntax();
}

/**
 * Go's strconv.Unquote for `"..."`, `` `...` `` and `'...'` literals (a char literal yields its
 * one-rune string). Throws GoError('invalid syntax') as Go returns ErrSyntax.
 */
export function unquote(s: string): string {
  const syntax = (): never => {
    throw new GoError('invalid syntax');
  };
  if (s.length < 2) syntax();
  const q = s[0];
  if (q !== s[s.length - 1]) syntax();
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) syntax();
    return body.includes('\r') ? body.replace(/\r/g, '') : body;
  }
  if (q !== '"' && q !== "'") syntax();
  // As Go does, a string without escapes is its own value (a template's literals nearly all are):
  // nothing to decode when there is no backslash, newline, quote or lone surrogate (which decodes to U+FFFD).
  if (q === '"' && !/[\\\n"\ud800-\udfff]/.test(body)) return body;
  if (body.includes('\n')) syntax();
  const bytes: number[] = [];
  let rest = body;
  let count = 0;
  while (rest.length > 0) {
    const { value, multibyte, tail } = unquoteChar(rest, q);
    rest = tail;
    if (value < 0x80 || !multibyte) bytes.push(value);
    else bytes.push(...utf8Encode(String.fromCodePoint(value)));
    count++;
    if (q === "'" && count > 1) syntax();
  }
  if (q === "'" && count !== 1) syntax();
  return utf8Decode(Uint8Array.from(bytes));
}
