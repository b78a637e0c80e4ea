/**
 * Scalar analysis and writers of go-yaml's emitter (emitterc.go): which styles a string allows,
 * and how plain, single-quoted, double-quoted and literal scalars are written, including the
 * folding of long plain/quoted scalars at the 80-column best width.
 */

/** What yaml_emitter_analyze_scalar concludes about a string. */
export interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** Strings written a run at a time: printable ASCII, one column per character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Printable ASCII a double-quoted scalar escapes. */
const ESCAPED_ASCII = /["\\]/;
/** Line breaks other than \n, and surrogate pairs (one column for two code units). */
const ODD_BREAKS_OR_PAIRS = /[\r\u0085\u2028\u2029\ud800-\udfff]/;

const isBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlankZ = (c: number | undefined) => c === undefined || c === 0x20 || c === 0x09 || c === 0 || isBreak(c);

/** go-yaml's is_printable, over code points (4-byte UTF-8 sequences count as unprintable). */
export function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

/** `tabsAllowedInBlock`: go-yaml v3 lets tabs into literal blocks (but not plain/single-quoted). */
export function analyzeScalar(value: string, tabsAllowedInBlock = false): ScalarAnalysis {
  const cps = Array.from(value, (ch) => ch.codePointAt(0)!);
  if (cps.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const ch = String.fromCodePoint(c);
    const followedByWhitespace = i + 1 >= cps.length || cps[i + 1] === 0x20 || cps[i + 1] === 0x09 || isBreak(cps[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (',?[]{}'.includes(ch)) {
      flowIndicators = true;
    } else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    if (c === 0x09 && tabsAllowedInBlock) tabCharacters = true;
    else if (!isPrintable(c)) specialCharacters = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(c);
  }
  const a: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlainAllowed = a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) a.flowPlainAllowed = a.blockPlainAllowed = a.singleQuotedAllowed = false;
  if (spaceBreak || tabCharacters || specialCharacters) a.flowPlainAllowed = a.blockPlainAllowed = a.singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) a.blockAllowed = false;
  if (lineBreaks) a.flowPlainAllowed = a.blockPlainAllowed = false;
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

/** The emitter's output buffer and position, shared by the writers below. */
export class EmitterState {
  out = '';
  column = 0;
  indent = -1;
  indents: number[] = [];
  whitespace = true;
  indention = true;
  flowLevel = 0;
  constructor(
    readonly bestIndent = 2,
    readonly bestWidth = 80,
  ) {}

  put(s: string): void {
    this.out += s;
    this.column++;
  }
  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }
  /** Writes one character (a code point), advancing the column by one. */
  write(ch: string): void {
    this.out += ch;
    this.column++;
  }
  writeBreak(ch: string): void {
    if (ch === '\n') this.putBreak();
    else {
      this.out += ch;
      this.column = 0;
    }
  }
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.bestIndent : 0;
    else if (!indentless) this.indent += this.bestIndent;
  }
  popIndent(): void {
    this.indent = this.indents.pop()!;
  }
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) {
      this.out += ' '.repeat(indent - this.column);
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.write(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /**
   * Whether `value`, printable ASCII, written from the current column, has no space where the
   * writers below would fold it (a space past the best width): then it is written as it is.
   */
  private fitsUnfolded(value: string, allowBreaks: boolean): boolean {
    const space = value.lastIndexOf(' ');
    return !allowBreaks || space < 0 || this.column + space <= this.bestWidth;
  }

  writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    if (PRINTABLE_ASCII.test(value) && this.fitsUnfolded(value, allowBreaks)) {
      this.out += value;
      this.column += value.length;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const cs = Array.from(value);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const ch = cs[i];
      const c = ch.codePointAt(0)!;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && cs[i + 1] !== ' ') this.writeIndent();
        else this.write(ch);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const cs = Array.from(value);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const ch = cs[i];
      const c = ch.codePointAt(0)!;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < cs.length - 1 && cs[i + 1] !== ' ') {
          this.writeIndent();
        } else this.write(ch);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.write(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    if (PRINTABLE_ASCII.test(value) && !ESCAPED_ASCII.test(value) && this.fitsUnfolded(value, allowBreaks)) {
      this.out += value;
      this.column += value.length;
      this.writeIndicator('"', false, false, false);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const cs = Array.from(value);
    // go-yaml's is_bom looks at the start of the value, not at position i: a value that begins
    // with a byte order mark has every character escaped.
    const bom = cs[0] === '\ufeff';
    let spaces = false;
    for (let i = 0; i < cs.length; i++) {
      const ch = cs[i];
      const c = ch.codePointAt(0)!;
      if (bom || !isPrintable(c) || isBreak(c) || ch === '"' || ch === '\\') {
        this.put('\\');
        const short: Record<number, string> = {
          0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r',
          0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
        };
        if (short[c] !== undefined) this.put(short[c]);
        else {
          const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(letter);
          for (const d of c.toString(16).toUpperCase().padStart(width, '0')) this.put(d);
        }
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i !== 0 && i !== cs.length - 1) {
          this.writeIndent();
          if (cs[i + 1] === ' ') this.put('\\');
        } else this.write(ch);
        spaces = true;
      } else {
        this.write(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    if (!ODD_BREAKS_OR_PAIRS.test(value)) {
      // Lines of one code unit per code point, broken by \n only: written a line at a time.
      let from = 0;
      for (;;) {
        const nl = value.indexOf('\n', from);
        const line = nl < 0 ? value.slice(from) : value.slice(from, nl);
        if (line.length > 0) {
          if (breaks) this.writeIndent();
          this.out += line;
          this.column += line.length;
          this.indention = false;
          breaks = false;
        }
        if (nl < 0) return;
        this.putBreak();
        this.indention = true;
        breaks = true;
        from = nl + 1;
      }
    }
    for (const ch of value) {
      if (isBreak(ch.codePointAt(0)!)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeBlockScalarHints(value: string): void {
    const cs = Array.from(value, (ch) => ch.codePointAt(0)!);
    if (cs.length > 0 && (cs[0] === 0x20 || isBreak(cs[0]))) this.writeIndicator(String(this.bestIndent), false, false, false);
    let chomp = '';
    if (cs.length === 0) chomp = '-';
    else if (!isBreak(cs[cs.length - 1])) chomp = '-';
    else if (cs.length === 1) chomp = '+';
    else if (isBreak(cs[cs.length - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }
}
