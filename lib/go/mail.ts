/**
 * Go 1.23's net/mail.ParseAddress: one RFC 5322 address, `a@b`, `Name <a@b>`, `a@b (Name)`,
 * `"quoted local"@b`, `a@[1.2.3.4]` or a group of one (`g: a@b;`), with RFC 2047 words in names
 * decoded by mime.WordDecoder (utf-8, iso-8859-1 and us-ascii only: another charset is an error).
 * Errors carry Go's texts. The parsed names are not kept: callers ask whether the text parses.
 */
import { parseIP } from './netip';
import { quote, quoteRune } from './strconv/quote';

class MailError extends Error {}

const isWSP = (r: number): boolean => r === 0x20 || r === 0x09;
const isVchar = (r: number): boolean => (r >= 0x21 && r <= 0x7e) || r >= 0x80;
const isQtext = (r: number): boolean => r !== 0x5c && r !== 0x22 && isVchar(r);
const isDtext = (r: number): boolean => r !== 0x5b && r !== 0x5d && r !== 0x5c && isVchar(r);
const SPECIALS = new Set([...'()<>[]:;@\\,"'].map((c) => c.charCodeAt(0)));
const isAtext = (r: number, dot: boolean): boolean => (r === 0x2e ? dot : !SPECIALS.has(r) && isVchar(r));

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** encoding/base64.StdEncoding accepts `s`: whole quanta, `=` only as the last one or two. */
function isStdBase64(s: string): boolean {
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s);
}

/** mime's Q decoding accepts `s`. */
function isQEncoded(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d) {
      if (i + 2 >= s.length || !/^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) return false;
      i += 2;
    } else if (!((c >= 0x20 && c <= 0x7e) || c === 0x0a || c === 0x0d || c === 0x09)) {
      return false;
    }
  }
  return true;
}

/** strings.EqualFold against an ASCII name: ſ folds to s, the Kelvin sign to k. */
const foldsTo = (s: string, ascii: string): boolean => s.replace(/\u017f/g, 's').replace(/\u212a/g, 'k').toLowerCase() === ascii;

type Decoded = { word: string; isEncoded: boolean; err?: MailError };

/**
 * addrParser.decodeRFC2047Word: an encoded-word in a known charset decodes; one in another charset
 * is an error; anything else (not an encoded-word, or a malformed one) stays as written.
 */
function decodeRFC2047Word(s: string): Decoded {
  const plain: Decoded = { word: s, isEncoded: false };
  if (utf8Length(s) < 8 || !s.startsWith('=?') || !s.endsWith('?=') || s.split('?').length - 1 !== 4) return plain;
  const [charset, encoding, text] = s.slice(2, -2).split('?');
  if (charset === '' || utf8Length(encoding) !== 1) return plain;
  const e = encoding.toLowerCase();
  if (e === 'b' ? !isStdBase64(text) : e === 'q' ? !isQEncoded(text) : true) return plain;
  if (foldsTo(charset, 'utf-8') || foldsTo(charset, 'iso-8859-1') || foldsTo(charset, 'us-ascii')) return { word: s, isEncoded: true };
  return { word: s, isEncoded: true, err: new MailError(`charset not supported: ${quote(charset.toLowerCase())}`) };
}

class AddrParser {
  constructor(public s: string) {}

  empty(): boolean {
    return this.s.length === 0;
  }

  consume(c: string): boolean {
    if (this.empty() || this.s[0] !== c) return false;
    this.s = this.s.slice(1);
    return true;
  }

  skipSpace(): void {
    this.s = this.s.replace(/^[ \t]+/, '');
  }

  skipCFWS(): boolean {
    this.skipSpace();
    while (this.consume('(')) {
      if (!this.consumeComment().ok) return false;
      this.skipSpace();
    }
    return true;
  }

  consumeComment(): { comment: string; ok: boolean } {
    let depth = 1;
    let comment = '';
    while (!this.empty() && depth !== 0) {
      if (this.s[0] === '\\' && this.s.length > 1) this.s = this.s.slice(1);
      else if (this.s[0] === '(') depth++;
      else if (this.s[0] === ')') depth--;
      if (depth > 0) comment += this.s[0];
      this.s = this.s.slice(1);
    }
    return { comment, ok: depth === 0 };
  }

  /** parseAddress: the number of addresses read (a group may hold several or none). */
  parseAddress(handleGroup: boolean): number {
    this.skipSpace();
    if (this.empty()) throw new MailError('mail: no address');
    // addr-spec is the stricter grammar: try it first, and fall back to name-addr.
    if (this.tryAddrSpec()) {
      this.skipSpace();
      if (!this.empty() && this.s[0] === '(') this.consumeDisplayNameComment();
      return 1;
    }
    let displayName = '';
    if (this.s[0] !== '<') displayName = this.consumePhrase();
    this.skipSpace();
    if (handleGroup && this.consume(':')) return this.consumeGroupList();
    if (!this.consume('<')) {
      const atext = [...displayName].every((ch) => isAtext(ch.codePointAt(0)!, true));
      throw new MailError(atext ? "mail: missing '@' or angle-addr" : 'mail: no angle-addr');
    }
    this.consumeAddrSpec();
    if (!this.consume('>')) throw new MailError('mail: unclosed angle-addr');
    return 1;
  }

  consumeGroupList(): number {
    let n = 0;
    this.skipSpace();
    if (this.consume(';')) {
      if (!this.skipCFWS()) throw new MailError('mail: misformatted parenthetical comment');
      return n;
    }
    for (;;) {
      this.skipSpace();
      n += this.parseAddress(false);
      if (!this.skipCFWS()) throw new MailError('mail: misformatted parenthetical comment');
      if (this.consume(';')) {
        if (!this.skipCFWS()) throw new MailError('mail: misformatted parenthetical comment');
        return n;
      }
      if (!this.consume(',')) throw new MailError('mail: expected comma');
    }
  }

  /** consumeAddrSpec without its error: whether it read one (the parser is left as it was if not). */
  tryAddrSpec(): boolean {
    try {
      this.consumeAddrSpec();
      return true;
    } catch (e) {
      if (e instanceof MailError) return false;
      throw e;
    }
  }

  consumeAddrSpec(): void {
    const orig = this.s;
    try {
      this.skipSpace();
      if (this.empty()) throw new MailError('mail: no addr-spec');
      if (this.s[0] === '"') {
        if (this.consumeQuotedString() === '') throw new MailError('mail: empty quoted string in addr-spec');
      } else {
        this.consumeAtom(true, false);
      }
      if (!this.consume('@')) throw new MailError('mail: missing @ in addr-spec');
      this.skipSpace();
      if (this.empty()) throw new MailError('mail: no domain in addr-spec');
      if (this.s[0] === '[') this.consumeDomainLiteral();
      else this.consumeAtom(true, false);
    } catch (e) {
      this.s = orig;
      throw e;
    }
  }

  consumePhrase(): string {
    const words: string[] = [];
    let isPrevEncoded = false;
    let err: MailError | undefined;
    for (;;) {
      // obs-phrase allows CFWS after one word.
      if (words.length > 0 && !this.skipCFWS()) throw new MailError('mail: misformatted parenthetical comment');
      this.skipSpace();
      if (this.empty()) break;
      let word: string;
      let isEncoded = false;
      try {
        if (this.s[0] === '"') word = this.consumeQuotedString();
        else {
          // A dot-atom: more permissive than RFC 5322's atom.
          const d = decodeRFC2047Word(this.consumeAtom(true, true));
          if (d.err) throw d.err;
          [word, isEncoded] = [d.word, d.isEncoded];
        }
      } catch (e) {
        if (!(e instanceof MailError)) throw e;
        err = e;
        break;
      }
      if (isPrevEncoded && isEncoded) words[words.length - 1] += word;
      else words.push(word);
      isPrevEncoded = isEncoded;
    }
    if (err && words.length === 0) throw new MailError(`mail: missing word in phrase: ${err.message}`);
    return words.join(' ');
  }

  consumeQuotedString(): string {
    let i = 1;
    let qs = '';
    let escaped = false;
    for (;;) {
      const r = this.s.codePointAt(i);
      if (r === undefined) throw new MailError('mail: unclosed quoted-string');
      const ch = String.fromCodePoint(r);
      if (escaped) {
        if (!isVchar(r) && !isWSP(r)) throw new MailError(`mail: bad character in quoted-string: ${quoteRune(r)}`);
        qs += ch;
        escaped = false;
      } else if (isQtext(r) || isWSP(r)) {
        qs += ch;
      } else if (r === 0x22) {
        break;
      } else if (r === 0x5c) {
        escaped = true;
      } else {
        throw new MailError(`mail: bad character in quoted-string: ${quoteRune(r)}`);
      }
      i += ch.length;
    }
    this.s = this.s.slice(i + 1);
    return qs;
  }

  /** consumeAtom: a dot-atom when `dot`; `permissive` lets dots lead, trail and double. */
  consumeAtom(dot: boolean, permissive: boolean): string {
    let i = 0;
    for (;;) {
      const r = this.s.codePointAt(i);
      if (r === undefined || !isAtext(r, dot)) break;
      i += r > 0xffff ? 2 : 1;
    }
    if (i === 0) throw new MailError('mail: invalid string');
    const atom = this.s.slice(0, i);
    this.s = this.s.slice(i);
    if (!permissive) {
      if (atom.startsWith('.')) throw new MailError('mail: leading dot in atom');
      if (atom.includes('..')) throw new MailError('mail: double dot in atom');
      if (atom.endsWith('.')) throw new MailError('mail: trailing dot in atom');
    }
    return atom;
  }

  consumeDomainLiteral(): string {
    if (!this.consume('[')) throw new MailError('mail: missing "[" in domain-literal');
    let dtext = '';
    for (;;) {
      if (this.empty()) throw new MailError('mail: unclosed domain-literal');
      if (this.s[0] === ']') break;
      const r = this.s.codePointAt(0)!;
      if (!isDtext(r)) throw new MailError(`mail: bad character in domain-literal: ${quoteRune(r)}`);
      const ch = String.fromCodePoint(r);
      dtext += ch;
      this.s = this.s.slice(ch.length);
    }
    this.consume(']');
    if (parseIP(dtext) === null) throw new MailError(`mail: invalid IP address in domain-literal: ${quote(dtext)}`);
    return `[${dtext}]`;
  }

  consumeDisplayNameComment(): string {
    if (!this.consume('(')) throw new MailError('mail: comment does not start with (');
    const { comment, ok } = this.consumeComment();
    if (!ok) throw new MailError('mail: misformatted parenthetical comment');
    const words = comment.split(/[ \t]+/).filter((w) => w !== '');
    for (let i = 0; i < words.length; i++) {
      const d = decodeRFC2047Word(words[i]);
      if (d.err) throw d.err;
      words[i] = d.word;
    }
    return words.join(' ');
  }
}

/** net/mail.ParseAddress: throws an Error with Go's text when `address` is not one address. */
export function parseMailAddress(address: string): void {
  const p = new AddrParser(address);
  const n = p.parseAddress(true);
  if (!p.skipCFWS()) throw new MailError('mail: misformatted parenthetical comment');
  if (!p.empty()) throw new MailError(`mail: expected single address, got ${quote(p.s)}`);
  if (n === 0) throw new MailError('mail: empty group');
  if (n > 1) throw new MailError('mail: group with multiple addresses');
}
