/**
 * go-yaml v2's scanner (scannerc.go, as forked in sigs.k8s.io/yaml): turns the text into tokens,
 * with libyaml's handling of simple keys (a `key:` is only known to be a key once its `:` is
 * seen, so a KEY token is inserted back into the queue) and of block indentation (BLOCK-*-START
 * and BLOCK-END tokens). Scalars, tags, anchors and directives are scanned in scan-scalars.ts.
 */
import { YamlProblem, type Mark } from './errors';
import { isBlank, isBlankZ, isBreak, isBreakZ, readInput, READER_PROBLEM } from './reader';
import { scanAnchor, scanDirective, scanTag } from './scan-scalars';
import { scanBlockScalar, scanFlowScalar, scanPlainScalar } from './scan-text';
import { T, type Token } from './tokens';

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const MAX_FLOW_LEVEL = 10000;

/** Characters that cannot start a plain scalar (unless `-`, `?`, `:` precede a non-blank). */
const INDICATOR = new Uint8Array(128);
for (const ch of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[ch.charCodeAt(0)] = 1;
const MAX_INDENTS = 10000;

/** The scanner's state; scan-scalars.ts reads and advances it directly. */
export class Scanner {
  /** The text followed by NUL padding. */
  readonly src: string;
  /** The first code unit the reader cannot deliver (see ReaderInput.limit). */
  readonly limit: number;
  /** Whether the text has characters beyond U+FFFF (two code units, one character). */
  private readonly astral: boolean;
  pos = 0;
  // The current mark, kept as three numbers because it moves on every character.
  index = 0;
  line = 0;
  column = 0;

  private tokens: Token[] = [];
  private head = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  streamEndProduced = false;

  indent = 0;
  private readonly indents: number[] = [];
  simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByTok = new Map<number, number>();
  flowLevel = 0;

  constructor(text: string) {
    const input = readInput(text);
    this.src = input.src;
    this.limit = input.limit;
    this.astral = /[\udc00-\udfff]/.test(this.src);
  }

  // ---- reading ----

  /** Ensures `n` more characters are readable (yaml_parser_update_buffer). */
  cache(n: number): void {
    if (this.pos + n > this.limit) throw new YamlProblem('reader', READER_PROBLEM, null);
  }

  at(offset = 0): number {
    return this.src.charCodeAt(this.pos + offset);
  }

  mark(): Mark {
    return { index: this.index, line: this.line, column: this.column };
  }

  /** Advances over one character. */
  skip(): void {
    const c = this.src.charCodeAt(this.pos);
    this.pos += (c & 0xfc00) === 0xd800 ? 2 : 1;
    this.index++;
    this.column++;
  }

  /** Advances to code unit `to` on the current line. */
  advance(to: number): void {
    let chars = to - this.pos;
    if (this.astral) for (let i = this.pos; i < to; i++) if ((this.src.charCodeAt(i) & 0xfc00) === 0xdc00) chars--;
    this.pos = to;
    this.index += chars;
    this.column += chars;
  }

  /** Advances over one character and returns it. */
  read(): string {
    const start = this.pos;
    this.skip();
    return this.src.slice(start, this.pos);
  }

  /** Advances over a line break (CR LF counts as one). */
  skipLine(): void {
    const c = this.at();
    if (c === 0x0d && this.at(1) === 0x0a) {
      this.index += 2;
      this.pos += 2;
    } else if (isBreak(c)) {
      this.index++;
      this.pos++;
    } else return;
    this.column = 0;
    this.line++;
  }

  /** Advances over a line break and returns it normalised: CR, LF, CR LF and NEL become LF. */
  readLine(): string {
    const c = this.at();
    let out: string;
    if (c === 0x0d && this.at(1) === 0x0a) {
      out = '\n';
      this.pos += 2;
      this.index++;
    } else if (c === 0x0d || c === 0x0a || c === 0x85) {
      out = '\n';
      this.pos++;
    } else if (c === 0x2028 || c === 0x2029) {
      out = String.fromCharCode(c);
      this.pos++;
    } else return '';
    this.index++;
    this.column = 0;
    this.line++;
    return out;
  }

  /** Fails with a scanner error at the current position. */
  fail(context: string, contextMark: Mark, problem: string): never {
    throw new YamlProblem('scanner', problem, this.mark(), context, contextMark);
  }

  // ---- the token queue ----

  private insertToken(pos: number, token: Token): void {
    if (this.head > 256 && this.head * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
    // A position before the head (possible in go-yaml after a flow collection closes) appends.
    if (pos < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + pos, 0, token);
  }

  private append(type: number, start: Mark, end: Mark = start): void {
    this.insertToken(-1, { type, start, end });
  }

  /** The next token, fetching as many as needed to settle pending simple keys (peek_token). */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head];
  }

  /** Consumes the token returned by {@link peek} (skip_token). */
  next(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head].type === T.STREAM_END;
    this.head++;
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        // A queued token may still be preceded by a KEY if a simple key starts at it.
        const idx = this.simpleKeysByTok.get(this.tokensParsed);
        const key = idx === undefined ? undefined : this.simpleKeys[idx];
        if (!key || !this.simpleKeyIsValid(key)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.cache(1);
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.unrollIndent(this.column);
    this.cache(4);
    const c = this.at();
    // The reader never delivers a NUL of the text, so a NUL is the end of the input.
    if (c === 0) return this.fetchStreamEnd();
    if (this.column === 0) {
      if (c === 0x25 /* % */) return this.fetchDirective();
      if (c === 0x2d && this.at(1) === 0x2d && this.at(2) === 0x2d && isBlankZ(this.at(3))) return this.fetchDocumentIndicator(T.DOCUMENT_START);
      if (c === 0x2e && this.at(1) === 0x2e && this.at(2) === 0x2e && isBlankZ(this.at(3))) return this.fetchDocumentIndicator(T.DOCUMENT_END);
    }
    switch (c) {
      case 0x5b: return this.fetchFlowCollectionStart(T.FLOW_SEQUENCE_START);
      case 0x7b: return this.fetchFlowCollectionStart(T.FLOW_MAPPING_START);
      case 0x5d: return this.fetchFlowCollectionEnd(T.FLOW_SEQUENCE_END);
      case 0x7d: return this.fetchFlowCollectionEnd(T.FLOW_MAPPING_END);
      case 0x2c: return this.fetchFlowEntry();
    }
    const n = this.at(1);
    if (c === 0x2d && isBlankZ(n)) return this.fetchBlockEntry();
    if (c === 0x3f && (this.flowLevel > 0 || isBlankZ(n))) return this.fetchKey();
    if (c === 0x3a && (this.flowLevel > 0 || isBlankZ(n))) return this.fetchValue();
    switch (c) {
      case 0x2a: return this.fetchAnchor(T.ALIAS);
      case 0x26: return this.fetchAnchor(T.ANCHOR);
      case 0x21: return this.fetchTag();
      case 0x7c: if (this.flowLevel === 0) return this.fetchBlockScalar(true); break;
      case 0x3e: if (this.flowLevel === 0) return this.fetchBlockScalar(false); break;
      case 0x27: return this.fetchFlowScalar(true);
      case 0x22: return this.fetchFlowScalar(false);
    }
    // A plain scalar starts with any non-indicator, or with `-` (`?`, `:` in block context)
    // followed by a non-blank.
    if (
      !(isBlankZ(c) || (c < 0x80 && INDICATOR[c] === 1)) ||
      (c === 0x2d && !isBlank(n)) ||
      (this.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !isBlankZ(n))
    ) {
      return this.fetchPlainScalar();
    }
    this.fail('while scanning for the next token', this.mark(), 'found character that cannot start any token');
  }

  // ---- simple keys ----

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    // A simple key is limited to one line and 1024 characters.
    if (key.mark.line < this.line || key.mark.index + 1024 < this.index) {
      if (key.required) this.fail('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    // In block context a key is required where the column equals the indentation.
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = {
      possible: true,
      required,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: this.mark(),
    };
    this.removeSimpleKey();
    const top = this.simpleKeys.length - 1;
    this.simpleKeys[top] = key;
    this.simpleKeysByTok.set(key.tokenNumber, top);
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key.possible) {
      if (key.required) this.fail('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: this.mark(),
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) {
      this.fail('while increasing flow level', this.simpleKeys[this.simpleKeys.length - 1].mark, `exceeded max depth of ${MAX_FLOW_LEVEL}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  // ---- indentation ----

  /** Opens a block collection at `column` (number: the token number to insert before, or -1). */
  private rollIndent(column: number, number: number, type: number, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        this.fail('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1].mark, `exceeded max depth of ${MAX_INDENTS}`);
      }
      if (number > -1) number -= this.tokensParsed;
      this.insertToken(number, { type, start: mark, end: mark });
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.append(T.BLOCK_END, this.mark());
      this.indent = this.indents.pop()!;
    }
  }

  // ---- fetchers ----

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.append(T.STREAM_START, this.mark());
  }

  private fetchStreamEnd(): void {
    // Force a new line.
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.append(T.STREAM_END, this.mark());
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanDirective(this));
  }

  private fetchDocumentIndicator(type: number): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.skip();
    this.skip();
    this.append(type, start, this.mark());
  }

  private fetchFlowCollectionStart(type: number): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.fetchIndicator(type);
  }

  private fetchFlowCollectionEnd(type: number): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.fetchIndicator(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.fetchIndicator(T.FLOW_ENTRY);
  }

  private fetchIndicator(type: number): void {
    const start = this.mark();
    this.skip();
    this.append(type, start, this.mark());
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.mark(), 'block sequence entries are not allowed in this context');
      this.rollIndent(this.column, -1, T.BLOCK_SEQUENCE_START, this.mark());
    }
    // In flow context the parser reports the stray `-`, as it can name the context.
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.fetchIndicator(T.BLOCK_ENTRY);
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('', this.mark(), 'mapping keys are not allowed in this context');
      this.rollIndent(this.column, -1, T.BLOCK_MAPPING_START, this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.fetchIndicator(T.KEY);
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (this.simpleKeyIsValid(key)) {
      // The simple key becomes a KEY token, inserted where the key started.
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: T.KEY, start: key.mark, end: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, T.BLOCK_MAPPING_START, key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      // The `:` follows a complex key (`? key`) or none at all.
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail('', this.mark(), 'mapping values are not allowed in this context');
        this.rollIndent(this.column, -1, T.BLOCK_MAPPING_START, this.mark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.fetchIndicator(T.VALUE);
  }

  private fetchAnchor(type: number): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanAnchor(this, type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanTag(this));
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, scanBlockScalar(this, literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanFlowScalar(this, single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanPlainScalar(this));
  }

  /** Skips blanks, comments and line breaks up to the next token. */
  private scanToNextToken(): void {
    for (;;) {
      this.cache(1);
      if (this.column === 0 && this.at() === 0xfeff) this.skip();
      this.cache(1);
      // Tabs are allowed in flow context, and in block context where no simple key may start
      // (not at the start of a line, nor after `-`, `?` or `:`).
      for (let c = this.at(); c === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && c === 0x09); c = this.at()) {
        this.skip();
        this.cache(1);
      }
      if (this.at() === 0x23) {
        while (!isBreakZ(this.at())) {
          this.skip();
          this.cache(1);
        }
      }
      if (!isBreak(this.at())) break;
      this.cache(2);
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }
}
