/**
 * go-yaml v2's scalar scanners (scannerc.go): literal/folded block scalars, single/double quoted
 * scalars and plain scalars, folding line breaks exactly as libyaml does (YAML 1.1: NEL folds
 * like LF; LS and PS are kept).
 */
import type { Mark } from './errors';
import { asHex, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex } from './reader';
import type { Scanner } from './scanner';
import { STYLE, T, type Token } from './tokens';

function atDocumentIndicator(s: Scanner): boolean {
  if (s.column !== 0) return false;
  const c = s.at();
  return (c === 0x2d || c === 0x2e) && s.at(1) === c && s.at(2) === c && isBlankZ(s.at(3));
}

const LINE_END = /[\n\r\0\x85\u2028\u2029]/g;

/** Consumes the rest of the current line (no line break) and returns it. */
function readToLineEnd(s: Scanner): string {
  const src = s.src;
  const from = s.pos;
  LINE_END.lastIndex = from;
  const i = LINE_END.exec(src)!.index; // the NUL padding ends every line
  s.advance(i);
  // The reader must have delivered the line and the character after it.
  s.cache(1);
  return src.slice(from, i);
}

// ---- block scalars ----

function indicatorDigit(s: Scanner, start: Mark): number {
  if (s.at() === 0x30) s.fail('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
  const d = s.at() - 0x30;
  s.skip();
  return d;
}

/** Scans a `|` or `>` scalar with its header. */
export function scanBlockScalar(s: Scanner, literal: boolean): Token {
  const start = s.mark();
  s.skip();
  s.cache(1);
  let chomping = 0;
  let increment = 0;
  let c = s.at();
  if (c === 0x2b || c === 0x2d) {
    chomping = c === 0x2b ? 1 : -1;
    s.skip();
    s.cache(1);
    if (isDigit(s.at())) increment = indicatorDigit(s, start);
  } else if (isDigit(c)) {
    increment = indicatorDigit(s, start);
    s.cache(1);
    c = s.at();
    if (c === 0x2b || c === 0x2d) {
      chomping = c === 0x2b ? 1 : -1;
      s.skip();
    }
  }
  s.cache(1);
  while (isBlank(s.at())) {
    s.skip();
    s.cache(1);
  }
  if (s.at() === 0x23) readToLineEnd(s);
  if (!isBreakZ(s.at())) s.fail('while scanning a block scalar', start, 'did not find expected comment or line break');
  if (isBreak(s.at())) {
    s.cache(2);
    s.skipLine();
  }
  let indent = 0;
  if (increment > 0) indent = s.indent >= 0 ? s.indent + increment : increment;

  let out = '';
  let leadingBreak = '';
  let r = scanBlockBreaks(s, indent, start);
  indent = r.indent;
  let end = r.end;
  let trailingBreaks = r.breaks;
  s.cache(1);
  let leadingBlank = false;
  while (s.column === indent && s.at() !== 0) {
    // At the start of a non-empty line.
    const trailingBlank = isBlank(s.at());
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak[0] === '\n') {
      if (trailingBreaks.length === 0) out += ' ';
    } else {
      out += leadingBreak;
    }
    leadingBreak = '';
    out += trailingBreaks;
    leadingBlank = isBlank(s.at());
    out += readToLineEnd(s);
    s.cache(2);
    leadingBreak = s.readLine();
    r = scanBlockBreaks(s, indent, start);
    indent = r.indent;
    end = r.end;
    trailingBreaks = r.breaks;
  }
  if (chomping !== -1) out += leadingBreak;
  if (chomping === 1) out += trailingBreaks;
  return { type: T.SCALAR, start, end, value: out, style: literal ? STYLE.LITERAL : STYLE.FOLDED };
}

/** Skips indentation and empty lines, settling the indentation if it is not known yet. */
function scanBlockBreaks(s: Scanner, indent: number, start: Mark): { indent: number; breaks: string; end: Mark } {
  let end = s.mark();
  let breaks = '';
  let maxIndent = 0;
  for (;;) {
    s.cache(1);
    while ((indent === 0 || s.column < indent) && s.at() === 0x20) {
      s.skip();
      s.cache(1);
    }
    if (s.column > maxIndent) maxIndent = s.column;
    if ((indent === 0 || s.column < indent) && s.at() === 0x09) {
      s.fail('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
    }
    if (!isBreak(s.at())) break;
    s.cache(2);
    breaks += s.readLine();
    end = s.mark();
  }
  if (indent === 0) indent = Math.max(maxIndent, s.indent + 1, 1);
  return { indent, breaks, end };
}

// ---- quoted scalars ----

const SIMPLE_ESCAPES: Record<number, string> = {
  0x30: '\0', 0x61: '\x07', 0x62: '\b', 0x74: '\t', 0x09: '\t', 0x6e: '\n', 0x76: '\v', 0x66: '\f',
  0x72: '\r', 0x65: '\x1b', 0x20: ' ', 0x22: '"', 0x27: "'", 0x5c: '\\', 0x4e: '\x85', 0x5f: '\xa0',
  0x4c: '\u2028', 0x50: '\u2029',
};
const CODE_LENGTH: Record<number, number> = { 0x78: 2, 0x75: 4, 0x55: 8 };

/** Reads one escape sequence after `\` (not an escaped line break). */
function scanEscape(s: Scanner, start: Mark): string {
  const e = s.at(1);
  const simple = SIMPLE_ESCAPES[e];
  const codeLength = CODE_LENGTH[e] ?? 0;
  if (simple === undefined && codeLength === 0) s.fail('while parsing a quoted scalar', start, 'found unknown escape character');
  s.skip();
  s.skip();
  if (codeLength === 0) return simple;
  s.cache(codeLength);
  let value = 0;
  for (let k = 0; k < codeLength; k++) {
    if (!isHex(s.at(k))) s.fail('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
    value = value * 16 + asHex(s.at(k));
  }
  if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
    s.fail('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
  }
  for (let k = 0; k < codeLength; k++) s.skip();
  return String.fromCodePoint(value);
}

/** Scans a single- or double-quoted scalar. */
export function scanFlowScalar(s: Scanner, single: boolean): Token {
  const start = s.mark();
  s.skip();
  const quote = single ? 0x27 : 0x22;
  let out = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  for (;;) {
    s.cache(4);
    if (atDocumentIndicator(s)) s.fail('while scanning a quoted scalar', start, 'found unexpected document indicator');
    if (s.at() === 0) s.fail('while scanning a quoted scalar', start, 'found unexpected end of stream');
    let leadingBlanks = false;
    let run = s.pos; // start of a run of ordinary characters not yet copied
    for (let c = s.at(); !isBlankZ(c); c = s.at()) {
      if (c === quote && !(single && s.at(1) === 0x27)) break;
      if (single && c === 0x27) {
        out += s.src.slice(run, s.pos) + "'";
        s.skip();
        s.skip();
        run = s.pos;
      } else if (!single && c === 0x5c) {
        out += s.src.slice(run, s.pos);
        if (isBreak(s.at(1))) {
          // An escaped line break: the break and the next line's indentation vanish.
          s.cache(3);
          s.skip();
          s.skipLine();
          leadingBlanks = true;
          run = s.pos;
          break;
        }
        out += scanEscape(s, start);
        run = s.pos;
      } else {
        s.skip();
      }
      s.cache(2);
    }
    if (!leadingBlanks) out += s.src.slice(run, s.pos);
    s.cache(1);
    if (s.at() === quote) break;
    for (let c = s.at(); isBlank(c) || isBreak(c); c = s.at()) {
      if (isBlank(c)) {
        if (!leadingBlanks) whitespaces += s.read();
        else s.skip();
      } else {
        s.cache(2);
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = s.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += s.readLine();
        }
      }
      s.cache(1);
    }
    if (leadingBlanks) {
      if (leadingBreak.length > 0 && leadingBreak[0] === '\n') out += trailingBreaks.length === 0 ? ' ' : trailingBreaks;
      else out += leadingBreak + trailingBreaks;
      trailingBreaks = '';
      leadingBreak = '';
    } else {
      out += whitespaces;
      whitespaces = '';
    }
  }
  s.skip();
  return { type: T.SCALAR, start, end: s.mark(), value: out, style: single ? STYLE.SINGLE : STYLE.DOUBLE };
}

// ---- plain scalars ----

const FLOW_INDICATOR = new Uint8Array(128);
for (const ch of ',?[]{}') FLOW_INDICATOR[ch.charCodeAt(0)] = 1;

/** Scans a plain scalar, which may span lines indented deeper than the enclosing block. */
/**
 * Advances over the characters of a plain scalar from the one at `s.pos` (known to belong) to the
 * first blank, break, NUL, `:` before a blank, or (in flow context) flow indicator, and returns
 * that code unit. Per character as `skip(); cache(2); at()` would, without the calls: scalars
 * are most of a values file.
 */
function skipPlainRun(s: Scanner, flow: boolean): number {
  const src = s.src;
  const limit = s.limit;
  let p = s.pos;
  let chars = 0;
  let c: number;
  for (;;) {
    p += (src.charCodeAt(p) & 0xfc00) === 0xd800 ? 2 : 1;
    chars++;
    if (p + 2 > limit) {
      // The reader's error, raised where skip() and cache(2) would raise it.
      s.pos = p;
      s.index += chars;
      s.column += chars;
      s.cache(2);
    }
    c = src.charCodeAt(p);
    if (c === 0x20 || c === 0x09 || c === 0 || c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029) break;
    if (c === 0x3a && isBlankZ(src.charCodeAt(p + 1))) break;
    if (flow && c < 0x80 && FLOW_INDICATOR[c] === 1) break;
  }
  s.pos = p;
  s.index += chars;
  s.column += chars;
  return c;
}

export function scanPlainScalar(s: Scanner): Token {
  let out = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  let leadingBlanks = false;
  const indent = s.indent + 1;
  const start = s.mark();
  let end = start;
  const flow = s.flowLevel > 0;
  for (;;) {
    s.cache(4);
    if (atDocumentIndicator(s)) break;
    if (s.at() === 0x23) break;
    let c = s.at();
    if (!isBlankZ(c) && !(c === 0x3a && isBlankZ(s.at(1))) && !(flow && c < 0x80 && FLOW_INDICATOR[c] === 1)) {
      // Join the preceding blanks or line breaks, then copy the run of characters.
      if (leadingBlanks) {
        if (leadingBreak[0] === '\n') out += trailingBreaks.length === 0 ? ' ' : trailingBreaks;
        else out += leadingBreak + trailingBreaks;
        trailingBreaks = '';
        leadingBreak = '';
        leadingBlanks = false;
      } else if (whitespaces.length > 0) {
        out += whitespaces;
        whitespaces = '';
      }
      const from = s.pos;
      c = skipPlainRun(s, flow);
      out += s.src.slice(from, s.pos);
      end = s.mark();
    }
    if (!(isBlank(c) || isBreak(c))) break;
    s.cache(1);
    for (c = s.at(); isBlank(c) || isBreak(c); c = s.at()) {
      if (isBlank(c)) {
        if (leadingBlanks && s.column < indent && c === 0x09) {
          s.fail('while scanning a plain scalar', start, 'found a tab character that violates indentation');
        }
        if (!leadingBlanks) whitespaces += s.read();
        else s.skip();
      } else {
        s.cache(2);
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = s.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += s.readLine();
        }
      }
      s.cache(1);
    }
    if (!flow && s.column < indent) break;
  }
  // A plain scalar that ran over a line break may be followed by a simple key.
  if (leadingBlanks) s.simpleKeyAllowed = true;
  return { type: T.SCALAR, start, end, value: out, style: STYLE.PLAIN };
}
