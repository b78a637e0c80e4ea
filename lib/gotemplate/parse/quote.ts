/**
 * Go's strconv quoting rules, which template error messages and node printing depend on
 * (`%q` of names, `"..."` literals, character constants).
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Whether Go's unicode.IsPrint holds for the rune (letters, marks, numbers, punctuation, symbols, ASCII space). */
export function isPrintRune(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  return PRINTABLE.test(String.fromCodePoint(r));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Go's strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0x22 || r === 0x5c) {
      out += '\\' + ch;
      continue;
    }
    if (isPrintRune(r)) {
      out += ch;
      continue;
    }
    switch (r) {
      case 7:
        out += '\\a';
        continue;
      case 8:
        out += '\\b';
        continue;
      case 12:
        out += '\\f';
        continue;
      case 10:
        out += '\\n';
        continue;
      case 13:
        out += '\\r';
        continue;
      case 9:
        out += '\\t';
        continue;
      case 11:
        out += '\\v';
        continue;
    }
    if (r < 0x20 || r === 0x7f) out += '\\x' + hex(r, 2);
    else if (r >= 0xd800 && r <= 0xdfff) out += '\\ufffd';
    else if (r < 0x10000) out += '\\u' + hex(r, 4);
    else out += '\\U' + hex(r, 8);
  }
  return out + '"';
}

/** The error strconv returns for malformed literals; its text is what Go prints. */
export class SyntaxError_ extends Error {
  constructor() {
    super('invalid syntax');
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };

/**
 * Decodes one (possibly escaped) character at `s[i]` as Go's strconv.UnquoteChar does.
 * Returns the bytes it stands for and the index after it; throws on bad syntax.
 */
export function unquoteChar(s: string, i: number, quote: string): { bytes: Uint8Array; next: number } {
  const c = s[i];
  if (c === undefined) throw new SyntaxError_();
  if (c === quote && (quote === "'" || quote === '"')) throw new SyntaxError_();
  if (c !== '\\') {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    return { bytes: encoder.encode(ch), next: i + ch.length };
  }
  const e = s[i + 1];
  if (e === undefined) throw new SyntaxError_();
  if (e in SIMPLE_ESCAPES) return { bytes: Uint8Array.of(SIMPLE_ESCAPES[e]), next: i + 2 };
  if (e === "'" || e === '"') {
    if (e !== quote) throw new SyntaxError_();
    return { bytes: Uint8Array.of(e.charCodeAt(0)), next: i + 2 };
  }
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const digits = s.slice(i + 2, i + 2 + n);
    if (digits.length !== n || !/^[0-9a-fA-F]+$/.test(digits)) throw new SyntaxError_();
    const v = parseInt(digits, 16);
    if (e === 'x') return { bytes: Uint8Array.of(v), next: i + 2 + n };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_();
    return { bytes: encoder.encode(String.fromCodePoint(v)), next: i + 2 + n };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new SyntaxError_();
    const v = parseInt(digits, 8);
    if (v > 255) throw new SyntaxError_();
    return { bytes: Uint8Array.of(v), next: i + 4 };
  }
  throw new SyntaxError_();
}

/** Go's strconv.Unquote for `"..."`, `` `...` `` and `'x'` literals. */
export function goUnquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new SyntaxError_();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError_();
    return body.includes('\r') ? body.replaceAll('\r', '') : body;
  }
  if (q !== '"' && q !== "'") throw new SyntaxError_();
  if (!body.includes('\\') && !body.includes(q) && !body.includes('\n')) {
    if (q === '"') return body;
    if ([...body].length === 1) return body;
  }
  if (body.includes('\n')) throw new SyntaxError_();
  const parts: Uint8Array[] = [];
  let len = 0;
  let i = 0;
  while (i < body.length) {
    const { bytes, next } = unquoteChar(body, i, q);
    parts.push(bytes);
    len += bytes.length;
    i = next;
    if (q === "'" && i < body.length) throw new SyntaxError_();
  }
  if (q === "'" && parts.length !== 1) throw new SyntaxError_();
  const all = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return decoder.decode(all);
}
