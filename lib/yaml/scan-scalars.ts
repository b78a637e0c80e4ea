/**
 * The token scanners of go-yaml v2 (scannerc.go) that read text: directives, anchors and aliases,
 * tags, and block, quoted and plain scalars, with libyaml's folding and error messages.
 */
import type { Mark } from './errors';
import { asHex, isAlpha, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex, utf8ToGoString } from './reader';
import type { Scanner } from './scanner';
import { T, type Token } from './tokens';

function skipBlanks(s: Scanner): void {
  s.cache(1);
  while (isBlank(s.at())) {
    s.skip();
    s.cache(1);
  }
}

function skipComment(s: Scanner): void {
  if (s.at() === 0x23) {
    while (!isBreakZ(s.at())) {
      s.skip();
      s.cache(1);
    }
  }
}

// ---- directives ----

/** Scans a `%YAML` or `%TAG` directive line. */
export function scanDirective(s: Scanner): Token {
  const start = s.mark();
  s.skip();
  const name = scanDirectiveName(s, start);
  let token: Token;
  if (name === 'YAML') {
    const major = scanVersionNumber(s, start, true);
    if (s.at() !== 0x2e) s.fail('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    s.skip();
    const minor = scanVersionNumber(s, start, false);
    token = { type: T.VERSION_DIRECTIVE, start, end: s.mark(), major, minor };
  } else if (name === 'TAG') {
    skipBlanks(s);
    const handle = scanTagHandle(s, true, start);
    s.cache(1);
    if (!isBlank(s.at())) s.fail('while scanning a %TAG directive', start, 'did not find expected whitespace');
    skipBlanks(s);
    const prefix = scanTagUri(s, true, '', start);
    s.cache(1);
    if (!isBlankZ(s.at())) s.fail('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    token = { type: T.TAG_DIRECTIVE, start, end: s.mark(), value: handle, suffix: prefix };
  } else {
    s.fail('while scanning a directive', start, 'found unknown directive name');
  }
  skipBlanks(s);
  skipComment(s);
  if (!isBreakZ(s.at())) s.fail('while scanning a directive', start, 'did not find expected comment or line break');
  if (isBreak(s.at())) {
    s.cache(2);
    s.skipLine();
  }
  return token;
}

function scanDirectiveName(s: Scanner, start: Mark): string {
  s.cache(1);
  const from = s.pos;
  while (isAlpha(s.at())) {
    s.skip();
    s.cache(1);
  }
  if (s.pos === from) s.fail('while scanning a directive', start, 'could not find expected directive name');
  if (!isBlankZ(s.at())) s.fail('while scanning a directive', start, 'found unexpected non-alphabetical character');
  return s.src.slice(from, s.pos);
}

function scanVersionNumber(s: Scanner, start: Mark, major: boolean): number {
  if (major) skipBlanks(s);
  s.cache(1);
  let value = 0;
  let length = 0;
  while (isDigit(s.at())) {
    if (++length > 2) s.fail('while scanning a %YAML directive', start, 'found extremely long version number');
    value = value * 10 + (s.at() - 0x30);
    s.skip();
    s.cache(1);
  }
  if (length === 0) s.fail('while scanning a %YAML directive', start, 'did not find expected version number');
  return value;
}

// ---- anchors and tags ----

const ANCHOR_END = new Set([0x3f, 0x3a, 0x2c, 0x5d, 0x7d, 0x25, 0x40, 0x60]); // ? : , ] } % @ `

/** Scans `&name` or `*name`. */
export function scanAnchor(s: Scanner, type: number): Token {
  const start = s.mark();
  s.skip();
  s.cache(1);
  const from = s.pos;
  while (isAlpha(s.at())) {
    s.skip();
    s.cache(1);
  }
  const end = s.mark();
  const c = s.at();
  if (s.pos === from || !(isBlankZ(c) || ANCHOR_END.has(c))) {
    s.fail(type === T.ANCHOR ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character');
  }
  return { type, start, end, value: s.src.slice(from, s.pos) };
}

function tagFail(s: Scanner, directive: boolean, start: Mark, problem: string): never {
  s.fail(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
}

/** Scans `!suffix`, `!handle!suffix` or `!<verbatim>`. */
export function scanTag(s: Scanner): Token {
  const start = s.mark();
  s.cache(2);
  let handle: string;
  let suffix: string;
  if (s.at(1) === 0x3c) {
    handle = '';
    s.skip();
    s.skip();
    suffix = scanTagUri(s, false, '', start);
    if (s.at() !== 0x3e) s.fail('while scanning a tag', start, "did not find the expected '>'");
    s.skip();
  } else {
    handle = scanTagHandle(s, false, start);
    if (handle.length > 1 && handle[0] === '!' && handle[handle.length - 1] === '!') {
      suffix = scanTagUri(s, false, '', start);
    } else {
      // Not a handle after all: it is the start of the suffix of a `!` tag.
      suffix = scanTagUri(s, false, handle, start);
      handle = '!';
      if (suffix.length === 0) [handle, suffix] = ['', '!'];
    }
  }
  s.cache(1);
  if (!isBlankZ(s.at())) s.fail('while scanning a tag', start, 'did not find expected whitespace or line break');
  return { type: T.TAG, start, end: s.mark(), value: handle, suffix };
}

function scanTagHandle(s: Scanner, directive: boolean, start: Mark): string {
  s.cache(1);
  if (s.at() !== 0x21) tagFail(s, directive, start, "did not find expected '!'");
  const from = s.pos;
  s.skip();
  s.cache(1);
  while (isAlpha(s.at())) {
    s.skip();
    s.cache(1);
  }
  if (s.at() === 0x21) s.skip();
  else if (directive && s.pos - from !== 1) tagFail(s, directive, start, "did not find expected '!'");
  return s.src.slice(from, s.pos);
}

const URI_CHAR = new Uint8Array(128);
for (const ch of ";/?:@&=+$,.!~*'()[]%") URI_CHAR[ch.charCodeAt(0)] = 1;

function scanTagUri(s: Scanner, directive: boolean, head: string, start: Mark): string {
  // The head's leading `!` is not part of the URI.
  let out = head.length > 1 ? head.slice(1) : '';
  let hasTag = head.length > 0;
  s.cache(1);
  for (let c = s.at(); isAlpha(c) || (c < 0x80 && URI_CHAR[c] === 1); c = s.at()) {
    if (c === 0x25) out += scanUriEscapes(s, directive, start);
    else out += s.read();
    s.cache(1);
    hasTag = true;
  }
  if (!hasTag) tagFail(s, directive, start, 'did not find expected tag URI');
  return out;
}

function utf8Width(octet: number): number {
  if ((octet & 0x80) === 0) return 1;
  if ((octet & 0xe0) === 0xc0) return 2;
  if ((octet & 0xf0) === 0xe0) return 3;
  if ((octet & 0xf8) === 0xf0) return 4;
  return 0;
}

/** Decodes `%XX` escapes making up one UTF-8 character. */
function scanUriEscapes(s: Scanner, directive: boolean, start: Mark): string {
  const bytes: number[] = [];
  let w = 1024;
  while (w > 0) {
    s.cache(3);
    if (!(s.at() === 0x25 && isHex(s.at(1)) && isHex(s.at(2)))) tagFail(s, directive, start, 'did not find URI escaped octet');
    const octet = (asHex(s.at(1)) << 4) + asHex(s.at(2));
    if (w === 1024) {
      w = utf8Width(octet);
      if (w === 0) tagFail(s, directive, start, 'found an incorrect leading UTF-8 octet');
    } else if ((octet & 0xc0) !== 0x80) {
      tagFail(s, directive, start, 'found an incorrect trailing UTF-8 octet');
    }
    bytes.push(octet);
    s.skip();
    s.skip();
    s.skip();
    w--;
  }
  return utf8ToGoString(Uint8Array.from(bytes));
}
