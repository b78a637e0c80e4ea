/**
 * The template lexer, modelled on Go's text/template/parse/lex.go: a set of state functions
 * run in a pull loop, each returning the next state or `null` once it has produced an item.
 * Trim markers (`{{- ` and ` -}}`) are handled entirely here; the parser never sees them.
 *
 * Positions are UTF-16 offsets into the input; error reporting converts them to Go's byte
 * columns where it matters.
 */
import { quote } from '../../go';

export enum ItemType {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords appear after all the rest.
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  typ: ItemType;
  /** UTF-16 offset of the item's start in the input. */
  pos: number;
  val: string;
  /** Line number at the start of the item. */
  line: number;
}

const KEYWORDS = new Map<string, ItemType>([
  ['.', ItemType.Dot],
  ['block', ItemType.Block],
  ['break', ItemType.Break],
  ['continue', ItemType.Continue],
  ['define', ItemType.Define],
  ['else', ItemType.Else],
  ['end', ItemType.End],
  ['if', ItemType.If],
  ['range', ItemType.Range],
  ['nil', ItemType.Nil],
  ['template', ItemType.Template],
  ['with', ItemType.With],
]);

/** Renders an item as Go's item.String() does (used in "unexpected X in Y" messages). */
export function itemString(i: Item): string {
  if (i.typ === ItemType.EOF) return 'EOF';
  if (i.typ === ItemType.Error) return i.val;
  if (i.typ > ItemType.Keyword) return `<${i.val}>`;
  const runes = [...i.val];
  if (runes.length > 10) return `${quote(runes.slice(0, 10).join(''))}...`;
  return quote(i.val);
}

const EOF = -1;
const TRIM_MARKER_LEN = 2; // marker plus the space before or after it
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';

type StateFn = (l: Lexer) => StateFn | null;

export interface LexOptions {
  emitComment: boolean;
  breakOK: boolean;
  continueOK: boolean;
}

/** Go's isSpace; also false for NaN, which charCodeAt gives past the end. */
function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
function isAlphaNumeric(r: number): boolean {
  if (r < 0) return false;
  if (r < 0x80) return isAsciiWordChar(r);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(r));
}

/** `_`, ASCII letters and digits: what identifiers are nearly always made of, tested without leaving the code unit. */
function isAsciiWordChar(c: number): boolean {
  return c === 0x5f || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.charCodeAt(at) === 0x2d && isSpace(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return isSpace(s.charCodeAt(at)) && s.charCodeAt(at + 1) === 0x2d;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** Formats a rune as Go's `%#U` verb: `U+0023 '#'`. */
export function formatRuneU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(String.fromCodePoint(r))
    ? `U+${hex} '${String.fromCodePoint(r)}'`
    : `U+${hex}`;
}

const NO_DELIM = 0;
const PLAIN_DELIM = 1;
const TRIMMED_DELIM = 2;

/**
 * Scans a template into items on demand (see {@link Lexer.nextItem}). Most items are scanned
 * by code unit in place; runes outside ASCII take Go's rune-by-rune path (`next`/`backup`).
 */
export class Lexer {
  input: string;
  pos = 0;
  start = 0;
  atEOF = false;
  parenDepth = 0;
  line = 1;
  startLine = 1;
  item: Item = { typ: ItemType.EOF, pos: 0, val: 'EOF', line: 1 };
  insideAction = false;
  options: LexOptions = { emitComment: false, breakOK: true, continueOK: true };
  readonly leftDelim: string;
  readonly rightDelim: string;
  /** The right delimiter's first code unit: most positions are ruled out without comparing strings. */
  readonly rightFirst: number;

  constructor(
    readonly name: string,
    input: string,
    leftDelim = '{{',
    rightDelim = '}}',
  ) {
    this.input = input;
    // As Go's lex: an empty delimiter means the default.
    this.leftDelim = leftDelim || '{{';
    this.rightDelim = rightDelim || '}}';
    this.rightFirst = this.rightDelim.charCodeAt(0);
  }

  /** Returns the next item; the parser pulls items one at a time. Every state ends by emitting one. */
  nextItem(): Item {
    let state: StateFn | null = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 10) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const lo = this.input.charCodeAt(this.pos - 1);
      const w = lo >= 0xdc00 && lo <= 0xdfff && this.pos > 1 && (this.input.charCodeAt(this.pos - 2) & 0xfc00) === 0xd800 ? 2 : 1;
      this.pos -= w;
      if (lo === 10) this.line--;
    }
  }

  thisItem(typ: ItemType): Item {
    const i: Item = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(typ: ItemType): StateFn | null {
    this.item = this.thisItem(typ);
    return null;
  }

  emitItem(i: Item): StateFn | null {
    this.item = i;
    return null;
  }

  /** Skips pending input, counting the newlines in it. */
  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  /** Consumes one ASCII character of `valid` (every caller's set is ASCII). */
  accept(valid: string): boolean {
    const c = this.input.charCodeAt(this.pos);
    if (c < 0x80 && valid.includes(String.fromCharCode(c))) {
      this.pos++;
      return true;
    }
    return false;
  }

  acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  errorf(msg: string): StateFn | null {
    this.item = { typ: ItemType.Error, pos: this.start, val: msg, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  /** Whether a right delimiter starts at `p`, and whether a trim marker (" -") precedes it. */
  rightDelimAt(p: number): typeof NO_DELIM | typeof PLAIN_DELIM | typeof TRIMMED_DELIM {
    const s = this.input;
    const c = s.charCodeAt(p);
    if (isSpace(c) && s.charCodeAt(p + 1) === 0x2d && s.startsWith(this.rightDelim, p + TRIM_MARKER_LEN)) return TRIMMED_DELIM;
    if (c === this.rightFirst && s.startsWith(this.rightDelim, p)) return PLAIN_DELIM;
    return NO_DELIM;
  }

  /** Whether the character at `p` may follow an identifier (the end of input may). */
  terminatorAt(p: number): boolean {
    const c = this.input.charCodeAt(p);
    switch (c) {
      case 0x20:
      case 0x09:
      case 0x0d:
      case 0x0a:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    if (c !== c) return true; // past the end
    return c === this.rightFirst && this.input.startsWith(this.rightDelim, p);
  }

  /**
   * Scans the rest of a word (letters, digits, `_`) and returns the rune after it, or EOF. ASCII
   * runs are scanned in place; a rune beyond ASCII continues rune by rune.
   */
  scanWord(): number {
    const s = this.input;
    let p = this.pos;
    while (isAsciiWordChar(s.charCodeAt(p))) p++;
    this.pos = p;
    if (p >= s.length) return EOF;
    const c = s.charCodeAt(p);
    if (c < 0x80) return c;
    for (;;) {
      const r = this.next();
      if (!isAlphaNumeric(r)) {
        this.backup();
        return r;
      }
    }
  }

  scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}

function rightTrimLength(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(s.charCodeAt(i - 1))) i--;
  return to - i;
}

function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (isSpace(s.charCodeAt(i))) i++;
  return i - from;
}

// lexText scans until an opening action delimiter.
function lexText(l: Lexer): StateFn | null {
  const x = l.input.indexOf(l.leftDelim, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      if (hasLeftTrimMarker(l.input, l.pos + l.leftDelim.length)) trimLength = rightTrimLength(l.input, l.start, l.pos);
      l.pos -= trimLength;
      l.line += countNewlines(l.input, l.start, l.pos);
      const i = l.thisItem(ItemType.Text);
      l.pos += trimLength;
      l.ignore();
      if (i.val.length > 0) return l.emitItem(i);
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input, l.start, l.pos);
    return l.emit(ItemType.Text);
  }
  return l.emit(ItemType.EOF);
}

// lexLeftDelim scans the left delimiter, which is known to be present, possibly with a trim marker.
function lexLeftDelim(l: Lexer): StateFn | null {
  l.pos += l.leftDelim.length;
  const trimSpace = hasLeftTrimMarker(l.input, l.pos);
  const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const i = l.thisItem(ItemType.LeftDelim);
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return l.emitItem(i);
}

// lexComment scans a comment; the left comment marker is known to be present.
function lexComment(l: Lexer): StateFn | null {
  l.pos += LEFT_COMMENT.length;
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + RIGHT_COMMENT.length;
  const delim = l.rightDelimAt(l.pos);
  if (delim === NO_DELIM) return l.errorf('comment ends before closing delimiter');
  l.line += countNewlines(l.input, l.start, l.pos);
  const i = l.thisItem(ItemType.Comment);
  if (delim === TRIMMED_DELIM) l.pos += TRIM_MARKER_LEN;
  l.pos += l.rightDelim.length;
  if (delim === TRIMMED_DELIM) l.pos += leftTrimLength(l.input, l.pos);
  l.ignore();
  if (l.options.emitComment) return l.emitItem(i);
  return lexText;
}

// lexRightDelim scans the right delimiter, which is known to be present, possibly with a trim marker.
function lexRightDelim(l: Lexer): StateFn | null {
  const trimSpaces = l.rightDelimAt(l.pos) === TRIMMED_DELIM;
  if (trimSpaces) {
    l.pos += TRIM_MARKER_LEN;
    l.ignore();
  }
  l.pos += l.rightDelim.length;
  const i = l.thisItem(ItemType.RightDelim);
  if (trimSpaces) {
    l.pos += leftTrimLength(l.input, l.pos);
    l.ignore();
  }
  l.insideAction = false;
  return l.emitItem(i);
}

// lexInsideAction scans the elements inside action delimiters. ASCII is decided from the code
// unit in place; anything else is read as a rune.
function lexInsideAction(l: Lexer): StateFn | null {
  const s = l.input;
  const c = s.charCodeAt(l.pos);
  if (isSpace(c) || c === l.rightFirst) {
    if (l.rightDelimAt(l.pos) !== NO_DELIM) {
      if (l.parenDepth === 0) return lexRightDelim;
      return l.errorf('unclosed left paren');
    }
    if (isSpace(c)) return lexSpace(l); // the space may begin " -}}"
  }
  switch (c) {
    case 0x3d: // =
      l.pos++;
      return l.emit(ItemType.Assign);
    case 0x3a: // :
      if (s.charCodeAt(l.pos + 1) !== 0x3d) return l.errorf('expected :=');
      l.pos += 2;
      return l.emit(ItemType.Declare);
    case 0x7c: // |
      l.pos++;
      return l.emit(ItemType.Pipe);
    case 0x22: // "
      l.pos++;
      return lexQuote(l);
    case 0x60: // `
      l.pos++;
      return lexRawQuote(l);
    case 0x24: // $
      l.pos++;
      return lexVariable(l);
    case 0x27: // '
      l.pos++;
      return lexChar;
    case 0x28: // (
      l.pos++;
      l.parenDepth++;
      return l.emit(ItemType.LeftParen);
    case 0x29: // )
      l.pos++;
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf('unexpected right paren');
      return l.emit(ItemType.RightParen);
    case 0x2e: {
      // ".field" unless a digit follows, in which case '.' starts a number
      const d = s.charCodeAt(l.pos + 1);
      if (d === d && (d < 0x30 || d > 0x39)) {
        l.pos++;
        return lexFieldOrVariable(l, ItemType.Field);
      }
      return lexNumber;
    }
    case 0x2b: // +
    case 0x2d: // -
      return lexNumber;
  }
  if (c !== c) return l.errorf('unclosed action');
  if (c < 0x80) {
    if (c >= 0x30 && c <= 0x39) return lexNumber;
    if (isAsciiWordChar(c)) return lexIdentifier(l);
    if (c >= 0x20 && c <= 0x7e) {
      l.pos++;
      return l.emit(ItemType.Char);
    }
    return l.errorf(`unrecognized character in action: ${formatRuneU(c)}`);
  }
  const r = l.input.codePointAt(l.pos)!;
  if (isAlphaNumeric(r)) return lexIdentifier(l);
  return l.errorf(`unrecognized character in action: ${formatRuneU(r)}`);
}

// lexSpace scans a run of space characters; the first one has not been consumed yet.
function lexSpace(l: Lexer): StateFn | null {
  const s = l.input;
  let p = l.pos;
  for (let c = s.charCodeAt(p); isSpace(c); c = s.charCodeAt(++p)) if (c === 10) l.line++;
  const numSpaces = p - l.pos;
  l.pos = p;
  // A trim-marked right delimiter starts with a space: leave it for lexRightDelim.
  if (hasRightTrimMarker(s, p - 1) && s.startsWith(l.rightDelim, p - 1 + TRIM_MARKER_LEN)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit(ItemType.Space);
}

// lexIdentifier scans an alphanumeric word: a keyword, boolean or function name.
function lexIdentifier(l: Lexer): StateFn | null {
  const r = l.scanWord();
  if (!l.terminatorAt(l.pos)) return l.errorf(`bad character ${formatRuneU(r)}`);
  const word = l.input.slice(l.start, l.pos);
  const key = KEYWORDS.get(word);
  if (key !== undefined) {
    if ((key === ItemType.Break && !l.options.breakOK) || (key === ItemType.Continue && !l.options.continueOK)) {
      return l.emit(ItemType.Identifier);
    }
    return l.emit(key);
  }
  if (word === 'true' || word === 'false') return l.emit(ItemType.Bool);
  return l.emit(ItemType.Identifier);
}

// lexVariable scans a variable: $Alphanumeric; the '$' has been scanned.
function lexVariable(l: Lexer): StateFn | null {
  return lexFieldOrVariable(l, ItemType.Variable);
}

// lexFieldOrVariable scans .Alphanumeric or $Alphanumeric; the '.' or '$' has been scanned.
function lexFieldOrVariable(l: Lexer, typ: ItemType.Field | ItemType.Variable): StateFn | null {
  if (l.terminatorAt(l.pos)) return l.emit(typ === ItemType.Variable ? ItemType.Variable : ItemType.Dot);
  const r = l.scanWord();
  if (!l.terminatorAt(l.pos)) return l.errorf(`bad character ${formatRuneU(r)}`);
  return l.emit(typ);
}

// lexChar scans a character constant; the opening quote has been scanned.
function lexChar(l: Lexer): StateFn | null {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 10) continue;
    }
    if (r === EOF || r === 10) return l.errorf('unterminated character constant');
    if (r === 0x27) break;
  }
  return l.emit(ItemType.CharConstant);
}

// lexNumber scans a number: decimal, octal, hex, binary, float or imaginary. Bad syntax
// that this accepts is rejected by the parser's number conversion.
function lexNumber(l: Lexer): StateFn | null {
  if (!l.scanNumber()) return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
  const sign = l.input.charCodeAt(l.pos);
  if (sign === 0x2b || sign === 0x2d) {
    if (!l.scanNumber() || l.input.charCodeAt(l.pos - 1) !== 0x69) {
      return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    }
    return l.emit(ItemType.Complex);
  }
  return l.emit(ItemType.Number);
}

// lexQuote scans a quoted string; the opening quote has been scanned. A string never holds a
// newline, so the line stays.
function lexQuote(l: Lexer): StateFn | null {
  const s = l.input;
  let p = l.pos;
  for (;;) {
    const c = s.charCodeAt(p++);
    if (c === 0x22) break;
    if (c === 0x5c) {
      const e = s.charCodeAt(p);
      if (e === e && e !== 10) {
        p++;
        continue;
      }
      return l.errorf('unterminated quoted string');
    }
    if (c !== c || c === 10) return l.errorf('unterminated quoted string');
  }
  l.pos = p;
  return l.emit(ItemType.String);
}

// lexRawQuote scans a raw quoted string; the opening backquote has been scanned.
function lexRawQuote(l: Lexer): StateFn | null {
  const x = l.input.indexOf('`', l.pos);
  if (x < 0) return l.errorf('unterminated raw quoted string');
  l.line += countNewlines(l.input, l.pos, x);
  l.pos = x + 1;
  return l.emit(ItemType.RawString);
}
