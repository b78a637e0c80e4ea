/**
 * BurntSushi/toml's lexer, state for state, so that `fromToml` fails where and with the words helm
 * fails: helm 3.17.3 vendors BurntSushi/toml v1.4.0 (TOML 1.0), helm 4.1.4 vendors v1.6.0
 * (TOML 1.1: newlines and trailing commas in inline tables, `\e` and `\xHH` escapes, and a line
 * number at end of input that is no longer one short). Positions count runes, not bytes: only
 * line numbers reach the error text.
 */
import { quote, quoteRune } from '../go';

/** Which BurntSushi/toml release to follow. */
export type TomlRelease = 'v1.4.0' | 'v1.6.0';

export enum Item {
  Error,
  EOF,
  Text,
  String,
  StringEsc,
  RawString,
  MultilineString,
  RawMultilineString,
  Bool,
  Integer,
  Float,
  Datetime,
  Array,
  ArrayEnd,
  TableStart,
  TableEnd,
  ArrayTableStart,
  ArrayTableEnd,
  KeyStart,
  KeyEnd,
  CommentStart,
  InlineTableStart,
  InlineTableEnd,
}

export interface LexItem {
  typ: Item;
  val: string;
  line: number;
  /** For Item.Error: the error's message. */
  err?: string;
}

/** A Go panic inside the library (a "BUG" message), which helm reports as a failed call. */
export class TomlBug extends Error {}

const EOF = 0;
const RUNE_ERROR = 0xfffd;
const NL = 10;

type StateFn = (lx: Lexer) => StateFn | null;

const isWhitespace = (r: number) => r === 9 || r === 32;
const isNL = (r: number) => r === 10 || r === 13;
const isControl = (r: number) => r !== 9 && r !== 10 && r !== 13 && ((r >= 0 && r <= 0x1f) || r === 0x7f);
const isDigit = (r: number) => r >= 48 && r <= 57;
const isBinary = (r: number) => r === 48 || r === 49;
const isOctal = (r: number) => r >= 48 && r <= 55;
export const isHex = (r: number) => isDigit(r) || ((r | 0x20) >= 97 && (r | 0x20) <= 102);
const isBareKeyChar = (r: number) =>
  (r >= 65 && r <= 90) || (r >= 97 && r <= 122) || isDigit(r) || r === 95 || r === 45;
const isLetter = (r: number) => r !== EOF && /\p{L}/u.test(String.fromCodePoint(r));
const ch = (c: string) => c.codePointAt(0)!;
/** Go's `%c`. */
const str = (r: number) => String.fromCodePoint(r);

export class Lexer {
  readonly rs: number[];
  start = 0;
  pos = 0;
  line = 1;
  private state: StateFn | null = lexTop;
  private readonly items: LexItem[] = [];
  esc = false;
  private prevWidths = 0;
  private atEOF = false;
  stack: StateFn[] = [];

  constructor(
    input: string,
    readonly release: TomlRelease,
  ) {
    this.rs = Array.from(input, (c) => c.codePointAt(0)!);
  }

  get next11(): boolean {
    return this.release === 'v1.6.0';
  }

  nextItem(): LexItem {
    for (;;) {
      const it = this.items.shift();
      if (it) return it;
      if (!this.state) throw new TomlBug('BUG in lexer: no state after the last item');
      this.state = this.state(this);
    }
  }

  push(s: StateFn): void {
    this.stack.push(s);
  }

  pop(): StateFn | null {
    const last = this.stack.pop();
    if (last) return last;
    if (this.next11) throw new TomlBug('BUG in lexer: no states to pop');
    return this.errorf('BUG in lexer: no states to pop');
  }

  current(): string {
    return String.fromCodePoint(...this.rs.slice(this.start, this.pos));
  }

  emit(typ: Item): void {
    this.items.push({ typ, val: this.current(), line: this.line });
    this.start = this.pos;
  }

  emitTrim(typ: Item): void {
    this.items.push({ typ, val: this.current().trim(), line: this.line });
    this.start = this.pos;
  }

  next(): number {
    if (this.atEOF) throw new TomlBug('BUG in lexer: next called after EOF');
    if (this.pos >= this.rs.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.rs[this.pos];
    if (r === NL) this.line++;
    this.prevWidths = Math.min(this.prevWidths + 1, 4);
    if (isControl(r) || (r === 13 && (this.pos === this.rs.length - 1 || this.rs[this.pos + 1] !== NL))) {
      this.error(`TOML files cannot contain control characters: '0x${r.toString(16).padStart(2, '0')}'`);
      return RUNE_ERROR;
    }
    this.pos++;
    return r;
  }

  ignore(): void {
    this.start = this.pos;
  }

  backup(): void {
    if (this.atEOF) {
      this.atEOF = false;
      return;
    }
    if (this.prevWidths < 1) throw new TomlBug('BUG in lexer: backed up too far');
    this.prevWidths--;
    this.pos--;
    if (this.pos < this.rs.length && this.rs[this.pos] === NL) this.line--;
  }

  accept(valid: number): boolean {
    if (this.next() === valid) return true;
    this.backup();
    return false;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  skip(pred: (r: number) => boolean): void {
    for (;;) {
      const r = this.next();
      if (pred(r)) continue;
      this.backup();
      this.ignore();
      return;
    }
  }

  /** `lx.error(err)`: at end of input the error belongs to the previous line. */
  error(msg: string): null {
    if (this.atEOF) return this.errorPrevLine(msg);
    this.items.push({ typ: Item.Error, val: '', line: this.line, err: msg });
    return null;
  }

  errorPrevLine(msg: string): null {
    this.items.push({ typ: Item.Error, val: '', line: this.line - 1, err: msg });
    return null;
  }

  /**
   * `lx.errorf`: at end of input v1.4.0 always counts the line before (so a one-line document
   * fails on `line 0`); v1.6.0 only when the input ends with a newline.
   */
  errorf(msg: string): null {
    let line = this.line;
    if (this.atEOF && (!this.next11 || (this.pos >= 1 && this.rs[this.pos - 1] === NL))) line--;
    this.items.push({ typ: Item.Error, val: '', line, err: msg });
    return null;
  }
}

const runeOrEOF = (r: number) => (r === EOF ? 'end of file' : `'${str(r)}'`);
const lexSkip = (lx: Lexer, next: StateFn): StateFn => {
  lx.ignore();
  return next;
};

function lexTop(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexTop);
  switch (r) {
    case ch('#'):
      lx.push(lexTop);
      return lexCommentStart;
    case ch('['):
      return lexTableStart;
    case EOF:
      if (lx.pos > lx.start) return lx.errorf('unexpected EOF');
      lx.emit(Item.EOF);
      return null;
  }
  lx.backup();
  lx.push(lexTopEnd);
  return lexKeyStart;
}

function lexTopEnd(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (r === ch('#')) {
    lx.push(lexTop);
    return lexCommentStart;
  }
  if (isWhitespace(r)) return lexTopEnd;
  if (isNL(r)) {
    lx.ignore();
    return lexTop;
  }
  if (r === EOF) {
    lx.emit(Item.EOF);
    return null;
  }
  return lx.errorf(`expected a top-level item to end with a newline, comment, or EOF, but got ${quoteRune(r)} instead`);
}

function lexTableStart(lx: Lexer): StateFn {
  if (lx.peek() === ch('[')) {
    lx.next();
    lx.emit(Item.ArrayTableStart);
    lx.push(lexArrayTableEnd);
  } else {
    lx.emit(Item.TableStart);
    lx.push(lexTableEnd);
  }
  return lexTableNameStart;
}

function lexTableEnd(lx: Lexer): StateFn {
  lx.emit(Item.TableEnd);
  return lexTopEnd;
}

function lexArrayTableEnd(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (r !== ch(']')) return lx.errorf(`expected end of table array name delimiter ']', but got ${quoteRune(r)} instead`);
  lx.emit(Item.ArrayTableEnd);
  return lexTopEnd;
}

function lexTableNameStart(lx: Lexer): StateFn | null {
  lx.skip(isWhitespace);
  const r = lx.peek();
  if (r === ch(']') || r === EOF) return lx.errorf('unexpected end of table name (table names cannot be empty)');
  if (r === ch('.')) return lx.errorf('unexpected table separator (table names cannot be empty)');
  if (r === ch('"') || r === ch("'")) {
    lx.ignore();
    lx.push(lexTableNameEnd);
    return lexQuotedName;
  }
  lx.push(lexTableNameEnd);
  return lexBareName;
}

function lexTableNameEnd(lx: Lexer): StateFn | null {
  lx.skip(isWhitespace);
  const r = lx.next();
  if (isWhitespace(r)) return lexTableNameEnd;
  if (r === ch('.')) {
    lx.ignore();
    return lexTableNameStart;
  }
  if (r === ch(']')) return lx.pop();
  return lx.errorf(`expected '.' or ']' to end table name, but got ${quoteRune(r)} instead`);
}

function lexBareName(lx: Lexer): StateFn | null {
  if (isBareKeyChar(lx.next())) return lexBareName;
  lx.backup();
  lx.emit(Item.Text);
  return lx.pop();
}

function lexQuotedName(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexValue);
  if (r === ch('"')) {
    lx.ignore();
    return lexString;
  }
  if (r === ch("'")) {
    lx.ignore();
    return lexRawString;
  }
  if (r === EOF) return lx.errorf('unexpected EOF; expected value');
  return lx.errorf(`expected value but found ${quoteRune(r)} instead`);
}

function lexKeyStart(lx: Lexer): StateFn | null {
  lx.skip(isWhitespace);
  const r = lx.peek();
  if (r === ch('=') || r === EOF) return lx.errorf("unexpected '=': key name appears blank");
  if (r === ch('.')) return lx.errorf("unexpected '.': keys cannot start with a '.'");
  if (r === ch('"') || r === ch("'")) lx.ignore();
  lx.emit(Item.KeyStart);
  return lexKeyNameStart;
}

function lexKeyNameStart(lx: Lexer): StateFn | null {
  lx.skip(isWhitespace);
  const r = lx.peek();
  if (r === ch('=') || r === EOF) return lx.errorf("unexpected '='");
  if (r === ch('.')) return lx.errorf("unexpected '.'");
  lx.push(lexKeyEnd);
  if (r === ch('"') || r === ch("'")) {
    lx.ignore();
    return lexQuotedName;
  }
  return lexBareName;
}

function lexKeyEnd(lx: Lexer): StateFn | null {
  lx.skip(isWhitespace);
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexKeyEnd);
  if (r === EOF) return lx.errorf("unexpected EOF; expected key separator '='");
  if (r === ch('.')) {
    lx.ignore();
    return lexKeyNameStart;
  }
  if (r === ch('=')) {
    lx.emit(Item.KeyEnd);
    return lexSkip(lx, lexValue);
  }
  const msg = `expected '.' or '=', but got ${quoteRune(r)} instead`;
  return r === NL && lx.next11 ? lx.errorPrevLine(msg) : lx.errorf(msg);
}

function lexValue(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexValue);
  if (isDigit(r)) {
    lx.backup();
    return lexNumberOrDateStart;
  }
  switch (r) {
    case ch('['):
      lx.ignore();
      lx.emit(Item.Array);
      return lexArrayValue;
    case ch('{'):
      lx.ignore();
      lx.emit(Item.InlineTableStart);
      return lexInlineTableValue;
    case ch('"'):
      if (lx.accept(ch('"'))) {
        if (lx.accept(ch('"'))) {
          lx.ignore();
          return lexMultilineString;
        }
        lx.backup();
      }
      lx.ignore();
      return lexString;
    case ch("'"):
      if (lx.accept(ch("'"))) {
        if (lx.accept(ch("'"))) {
          lx.ignore();
          return lexMultilineRawString;
        }
        lx.backup();
      }
      lx.ignore();
      return lexRawString;
    case ch('.'):
      return lx.errorf("floats must start with a digit, not '.'");
    case ch('i'):
    case ch('n'):
      if ((lx.accept(ch('n')) && lx.accept(ch('f'))) || (lx.accept(ch('a')) && lx.accept(ch('n')))) {
        lx.emit(Item.Float);
        return lx.pop();
      }
      break;
    case ch('-'):
    case ch('+'):
      return lexDecimalNumberStart;
  }
  if (isLetter(r)) {
    lx.backup();
    return lexBool;
  }
  if (r === EOF) return lx.errorf('unexpected EOF; expected value');
  const msg = `expected value but found ${quoteRune(r)} instead`;
  return r === NL && lx.next11 ? lx.errorPrevLine(msg) : lx.errorf(msg);
}

function lexArrayValue(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexArrayValue);
  if (r === ch('#')) {
    lx.push(lexArrayValue);
    return lexCommentStart;
  }
  if (r === ch(',')) return lx.errorf('unexpected comma');
  if (r === ch(']')) return lexArrayEnd;
  lx.backup();
  lx.push(lexArrayValueEnd);
  return lexValue;
}

function lexArrayValueEnd(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isWhitespace(r) || isNL(r)) return lexSkip(lx, lexArrayValueEnd);
  if (r === ch('#')) {
    lx.push(lexArrayValueEnd);
    return lexCommentStart;
  }
  if (r === ch(',')) {
    lx.ignore();
    return lexArrayValue;
  }
  if (r === ch(']')) return lexArrayEnd;
  return lx.errorf(`expected a comma (',') or array terminator (']'), but got ${runeOrEOF(r)}`);
}

function lexArrayEnd(lx: Lexer): StateFn | null {
  lx.ignore();
  lx.emit(Item.ArrayEnd);
  return lx.pop();
}

const INLINE_NL = 'newlines not allowed within inline tables';

function lexInlineTableValue(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexInlineTableValue);
  if (isNL(r)) return lx.next11 ? lexSkip(lx, lexInlineTableValue) : lx.errorPrevLine(INLINE_NL);
  if (r === ch('#')) {
    lx.push(lexInlineTableValue);
    return lexCommentStart;
  }
  if (r === ch(',')) return lx.errorf('unexpected comma');
  if (r === ch('}')) return lexInlineTableEnd;
  lx.backup();
  lx.push(lexInlineTableValueEnd);
  return lexKeyStart;
}

function lexInlineTableValueEnd(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isWhitespace(r)) return lexSkip(lx, lexInlineTableValueEnd);
  if (isNL(r)) return lx.next11 ? lexSkip(lx, lexInlineTableValueEnd) : lx.errorPrevLine(INLINE_NL);
  if (r === ch('#')) {
    lx.push(lexInlineTableValueEnd);
    return lexCommentStart;
  }
  if (r === ch(',')) {
    lx.ignore();
    lx.skip(isWhitespace);
    if (lx.peek() === ch('}')) {
      return lx.next11 ? lexInlineTableValueEnd : lx.errorf('trailing comma not allowed in inline tables');
    }
    return lexInlineTableValue;
  }
  if (r === ch('}')) return lexInlineTableEnd;
  return lx.errorf(`expected a comma or an inline table terminator '}', but got ${runeOrEOF(r)} instead`);
}

function lexInlineTableEnd(lx: Lexer): StateFn | null {
  lx.ignore();
  lx.emit(Item.InlineTableEnd);
  return lx.pop();
}

const STRING_NL = 'strings cannot contain newlines';

function lexString(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected '"'`);
  if (isNL(r)) return lx.errorPrevLine(STRING_NL);
  if (r === ch('\\')) {
    lx.push(lexString);
    return lexStringEscape;
  }
  if (r === ch('"')) {
    lx.backup();
    if (lx.esc) {
      lx.esc = false;
      lx.emit(Item.StringEsc);
    } else lx.emit(Item.String);
    lx.next();
    lx.ignore();
    return lx.pop();
  }
  return lexString;
}

function lexMultilineString(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected '"""'`);
  if (r === ch('\\')) return lexMultilineStringEscape;
  if (r !== ch('"')) return lexMultilineString;
  if (lx.accept(ch('"'))) {
    if (lx.accept(ch('"'))) {
      // Up to two more quotes belong to the string; six in a row is an error.
      if (lx.peek() === ch('"')) {
        const cur = lx.current();
        if (cur.endsWith('"""""') && !cur.endsWith('\\"""""')) return lx.errorf(`unexpected '""""""'`);
        lx.backup();
        lx.backup();
        return lexMultilineString;
      }
      lx.backup();
      lx.backup();
      lx.backup();
      lx.esc = false;
      lx.emit(Item.MultilineString);
      lx.next();
      lx.next();
      lx.next();
      lx.ignore();
      return lx.pop();
    }
    lx.backup();
  }
  return lexMultilineString;
}

function lexRawString(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected "'"`);
  if (isNL(r)) return lx.errorPrevLine(STRING_NL);
  if (r === ch("'")) {
    lx.backup();
    lx.emit(Item.RawString);
    lx.next();
    lx.ignore();
    return lx.pop();
  }
  return lexRawString;
}

function lexMultilineRawString(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (r === EOF) return lx.errorf(`unexpected EOF; expected "'''"`);
  if (r !== ch("'")) return lexMultilineRawString;
  if (lx.accept(ch("'"))) {
    if (lx.accept(ch("'"))) {
      if (lx.peek() === ch("'")) {
        if (lx.current().endsWith("'''''")) return lx.errorf(`unexpected "''''''"`);
        lx.backup();
        lx.backup();
        return lexMultilineRawString;
      }
      lx.backup();
      lx.backup();
      lx.backup();
      lx.emit(Item.RawMultilineString);
      lx.next();
      lx.next();
      lx.next();
      lx.ignore();
      return lx.pop();
    }
    lx.backup();
  }
  return lexMultilineRawString;
}

function lexMultilineStringEscape(lx: Lexer): StateFn | null {
  if (isNL(lx.next())) return lexMultilineString;
  lx.backup();
  lx.push(lexMultilineString);
  return lexStringEscape(lx);
}

const escapeError = (r: number) => `invalid escape in string '\\${str(r)}'`;

function lexStringEscape(lx: Lexer): StateFn | null {
  lx.esc = true;
  const r = lx.next();
  switch (r) {
    case ch('e'):
      return lx.next11 ? lx.pop() : lx.error(escapeError(r));
    case ch('b'):
    case ch('t'):
    case ch('n'):
    case ch('f'):
    case ch('r'):
    case ch('"'):
    case ch(' '):
    case ch('\t'):
    case ch('\\'):
      return lx.pop();
    case ch('x'):
      return lx.next11 ? hexEscape(2, 'two', 'x') : lx.error(escapeError(r));
    case ch('u'):
      return hexEscape(4, 'four', 'u');
    case ch('U'):
      return hexEscape(8, 'eight', 'U');
  }
  return lx.error(escapeError(r));
}

function hexEscape(n: number, words: string, letter: string): StateFn {
  return (lx) => {
    for (let i = 0; i < n; i++) {
      if (!isHex(lx.next())) {
        return lx.errorf(`expected ${words} hexadecimal digits after '\\${letter}', but got ${quote(lx.current())} instead`);
      }
    }
    return lx.pop();
  };
}

function lexNumberOrDateStart(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (r === ch('0')) return lexBaseNumberOrDate;
  if (!isDigit(r) && !lx.next11) return lx.errorf(`expected a digit but got ${quoteRune(r)}`);
  return lexNumberOrDate;
}

function lexNumberOrDate(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isDigit(r)) return lexNumberOrDate;
  switch (r) {
    case ch('-'):
    case ch(':'):
      return lexDatetime;
    case ch('_'):
      return lexDecimalNumber;
    case ch('.'):
    case ch('e'):
    case ch('E'):
      return lexFloat;
  }
  lx.backup();
  lx.emit(Item.Integer);
  return lx.pop();
}

function lexDatetime(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isDigit(r) || '-:Tt .Zz+'.includes(r === EOF ? '\u0001' : str(r))) return lexDatetime;
  lx.backup();
  lx.emitTrim(Item.Datetime);
  return lx.pop();
}

/** Hex, octal and binary integers after their `0x`/`0o`/`0b` prefix. */
function lexBaseInteger(digit: (r: number) => boolean): StateFn {
  const state: StateFn = (lx) => {
    const r = lx.next();
    if (digit(r) || r === ch('_')) return state;
    lx.backup();
    lx.emit(Item.Integer);
    return lx.pop();
  };
  return state;
}
const lexHexInteger = lexBaseInteger(isHex);
const lexOctalInteger = lexBaseInteger(isOctal);
const lexBinaryInteger = lexBaseInteger(isBinary);

function lexDecimalNumber(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isDigit(r) || r === ch('_')) return lexDecimalNumber;
  if (r === ch('.') || r === ch('e') || r === ch('E')) return lexFloat;
  lx.backup();
  lx.emit(Item.Integer);
  return lx.pop();
}

function lexDecimalNumberStart(lx: Lexer): StateFn | null {
  const r = lx.next();
  switch (r) {
    case ch('i'):
      if (!lx.accept(ch('n')) || !lx.accept(ch('f'))) return lx.errorf(`invalid float: '${lx.current()}'`);
      lx.emit(Item.Float);
      return lx.pop();
    case ch('n'):
      if (!lx.accept(ch('a')) || !lx.accept(ch('n'))) return lx.errorf(`invalid float: '${lx.current()}'`);
      lx.emit(Item.Float);
      return lx.pop();
    case ch('0'): {
      const p = lx.peek();
      if (p === ch('b') || p === ch('o') || p === ch('x')) {
        return lx.errorf(`cannot use sign with non-decimal numbers: '${lx.current()}${str(p)}'`);
      }
      break;
    }
    case ch('.'):
      return lx.errorf("floats must start with a digit, not '.'");
  }
  if (isDigit(r)) return lexDecimalNumber;
  return lx.errorf(`expected a digit but got ${quoteRune(r)}`);
}

function lexBaseNumberOrDate(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isDigit(r)) return lexNumberOrDate;
  switch (r) {
    case ch('_'):
      return lexDecimalNumber;
    case ch('.'):
    case ch('e'):
    case ch('E'):
      return lexFloat;
    // The library reports a missing digit after the prefix and lexes on: the error item comes first.
    case ch('b'): {
      const p = lx.peek();
      if (!isBinary(p)) lx.errorf(`not a binary number: '${lx.current()}${str(p)}'`);
      return lexBinaryInteger;
    }
    case ch('o'): {
      const p = lx.peek();
      if (!isOctal(p)) lx.errorf(`not an octal number: '${lx.current()}${str(p)}'`);
      return lexOctalInteger;
    }
    case ch('x'): {
      const p = lx.peek();
      const word = lx.next11 ? 'hexadecimal' : 'hexidecimal';
      if (!isHex(p)) lx.errorf(`not a ${word} number: '${lx.current()}${str(p)}'`);
      return lexHexInteger;
    }
  }
  lx.backup();
  lx.emit(Item.Integer);
  return lx.pop();
}

function lexFloat(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isDigit(r) || r === ch('_') || r === ch('.') || r === ch('-') || r === ch('+') || r === ch('e') || r === ch('E')) {
    return lexFloat;
  }
  lx.backup();
  lx.emit(Item.Float);
  return lx.pop();
}

function lexBool(lx: Lexer): StateFn | null {
  let s = '';
  for (;;) {
    const r = lx.next();
    if (!isLetter(r)) {
      lx.backup();
      break;
    }
    s += str(r);
  }
  if (s === 'true' || s === 'false') {
    lx.emit(Item.Bool);
    return lx.pop();
  }
  return lx.errorf(`expected value but found ${quote(s)} instead`);
}

function lexCommentStart(lx: Lexer): StateFn {
  lx.ignore();
  lx.emit(Item.CommentStart);
  return lexComment;
}

function lexComment(lx: Lexer): StateFn | null {
  const r = lx.next();
  if (isNL(r) || r === EOF) {
    lx.backup();
    lx.emit(Item.Text);
    return lx.pop();
  }
  return lexComment;
}
