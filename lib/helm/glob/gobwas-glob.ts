/**
 * The glob of `.Files.Glob`: github.com/gobwas/glob v0.2.3 compiled with `/` as separator, as
 * Helm's `files.Glob` does. Unlike filepath.Match: `**` crosses `/`, `{a,b}` alternatives, `[!...]`
 * negation (which, like `[...]`, may match `/`), and a malformed pattern is a compile error, on
 * which Helm falls back to `**` (every file).
 *
 * The lexer follows gobwas' own, quirks included (a trailing `\` is dropped, `]` and `}` outside
 * a class or alternative are literal, an unclosed `{` is closed by the end of the pattern, only
 * the first character of a class may start a range, NUL ends a token). The parsed tree then
 * becomes a RegExp with the same meaning.
 */

const EOF = 0;

type Token =
  | {
      t:
        | "eof"
        | "error"
        | "any"
        | "super"
        | "single"
        | "rangeOpen"
        | "rangeClose"
        | "not"
        | "between"
        | "termsOpen"
        | "termsClose"
        | "separator";
    }
  | { t: "text" | "rangeLo" | "rangeHi"; raw: number[] };

const TEXT_BREAKERS = [0x3f, 0x2a, 0x5b, 0x7b]; // ? * [ {
const TERMS_BREAKERS = [...TEXT_BREAKERS, 0x7d, 0x2c]; // } ,

class Lexer {
  private readonly data: number[];
  private pos = 0;
  private failed = false;
  private readonly tokens: Token[] = [];
  private termsLevel = 0;
  private lastRune = 0;
  private lastSize = 0;
  private hasRune = false;

  constructor(source: string) {
    this.data = [...source].map((c) => c.codePointAt(0)!);
  }

  next(): Token {
    for (;;) {
      if (this.failed) return { t: "error" };
      const t = this.tokens.shift();
      if (t) return t;
      this.fetchItem();
    }
  }

  private peek(): [number, number] {
    if (this.pos >= this.data.length) return [EOF, 0];
    const r = this.data[this.pos];
    // utf8.RuneError read from the pattern is gobwas' "could not read rune".
    if (r === 0xfffd) {
      this.failed = true;
      return [EOF, 0];
    }
    return [r, 1];
  }

  private read(): number {
    if (this.hasRune) {
      this.hasRune = false;
      this.pos += this.lastSize;
      return this.lastRune;
    }
    const [r, s] = this.peek();
    this.pos += s;
    this.lastRune = r;
    this.lastSize = s;
    return r;
  }

  private unread(): void {
    if (this.hasRune) {
      this.failed = true;
      return;
    }
    this.pos -= this.lastSize;
    this.hasRune = true;
  }

  private fetchItem(): void {
    const r = this.read();
    const inTerms = this.termsLevel > 0;
    if (r === EOF) this.tokens.push({ t: "eof" });
    else if (r === 0x7b) {
      this.termsLevel++;
      this.tokens.push({ t: "termsOpen" });
    } else if (r === 0x2c && inTerms) this.tokens.push({ t: "separator" });
    else if (r === 0x7d && inTerms) {
      this.tokens.push({ t: "termsClose" });
      this.termsLevel--;
    } else if (r === 0x5b) {
      this.tokens.push({ t: "rangeOpen" });
      this.fetchRange();
    } else if (r === 0x3f) this.tokens.push({ t: "single" });
    else if (r === 0x2a) {
      if (this.read() === 0x2a) this.tokens.push({ t: "super" });
      else {
        this.unread();
        this.tokens.push({ t: "any" });
      }
    } else {
      this.unread();
      this.fetchText(inTerms ? TERMS_BREAKERS : TEXT_BREAKERS);
    }
  }

  private fetchRange(): void {
    let wantHi = false;
    let wantClose = false;
    let seenNot = false;
    for (;;) {
      const r = this.read();
      if (r === EOF) {
        this.failed = true;
        return;
      }
      if (wantClose) {
        if (r !== 0x5d) this.failed = true;
        else this.tokens.push({ t: "rangeClose" });
        return;
      }
      if (wantHi) {
        this.tokens.push({ t: "rangeHi", raw: [r] });
        wantClose = true;
        continue;
      }
      if (!seenNot && r === 0x21) {
        this.tokens.push({ t: "not" });
        seenNot = true;
        continue;
      }
      const [n, w] = this.peek();
      if (n === 0x2d) {
        this.pos += w;
        this.tokens.push({ t: "rangeLo", raw: [r] }, { t: "between" });
        wantHi = true;
        continue;
      }
      this.unread();
      this.fetchText([0x5d]);
      wantClose = true;
    }
  }

  private fetchText(breakers: number[]): void {
    const data: number[] = [];
    let escaped = false;
    for (;;) {
      const r = this.read();
      if (r === EOF) break;
      if (!escaped) {
        if (r === 0x5c) {
          escaped = true;
          continue;
        }
        if (breakers.includes(r)) {
          this.unread();
          break;
        }
      }
      escaped = false;
      data.push(r);
    }
    if (data.length > 0) this.tokens.push({ t: "text", raw: data });
  }
}

type Node =
  | { kind: "pattern"; children: Node[]; parent: Node | null }
  | { kind: "anyOf"; children: Node[]; parent: Node | null }
  | { kind: "text"; runes: number[] }
  | { kind: "any" | "super" | "single" }
  | { kind: "list"; runes: number[]; not: boolean }
  | { kind: "range"; lo: number; hi: number; not: boolean };

type Group = Extract<Node, { children: Node[] }>;

/** gobwas' syntax.Parse; null where it returns an error. */
function parse(pattern: string): Group | null {
  const lex = new Lexer(pattern);
  const root: Group = { kind: "pattern", children: [], parent: null };
  let tree: Group = root;
  for (;;) {
    const tok = lex.next();
    switch (tok.t) {
      case "eof":
        return root;
      case "text":
        tree.children.push({ kind: "text", runes: tok.raw });
        break;
      case "any":
      case "super":
      case "single":
        tree.children.push({ kind: tok.t });
        break;
      case "rangeOpen": {
        const node = parseRange(lex);
        if (!node) return null;
        tree.children.push(node);
        break;
      }
      case "termsOpen": {
        const anyOf: Group = { kind: "anyOf", children: [], parent: tree };
        tree.children.push(anyOf);
        const p: Group = { kind: "pattern", children: [], parent: anyOf };
        anyOf.children.push(p);
        tree = p;
        break;
      }
      case "separator": {
        const p: Group = { kind: "pattern", children: [], parent: tree.parent };
        (tree.parent as Group).children.push(p);
        tree = p;
        break;
      }
      case "termsClose":
        tree = (tree.parent as Group).parent as Group;
        break;
      default:
        return null;
    }
  }
}

function parseRange(lex: Lexer): Node | null {
  let not = false;
  let lo = 0;
  let hi = 0;
  let chars: number[] = [];
  for (;;) {
    const tok = lex.next();
    switch (tok.t) {
      case "eof":
      case "error":
        return null;
      case "not":
        not = true;
        break;
      case "rangeLo":
        lo = tok.raw[0];
        break;
      case "rangeHi":
        hi = tok.raw[0];
        if (hi < lo) return null;
        break;
      case "text":
        chars = tok.raw;
        break;
      case "rangeClose": {
        const isRange = lo !== 0 && hi !== 0;
        if (chars.length > 0 === isRange) return null;
        return isRange
          ? { kind: "range", lo, hi, not }
          : { kind: "list", runes: chars, not };
      }
      default:
        break;
    }
  }
}

const lit = (r: number): string =>
  /[\p{L}\p{N}]/u.test(String.fromCodePoint(r))
    ? String.fromCodePoint(r)
    : `\\u{${r.toString(16)}}`;

function toRegExp(n: Node): string {
  switch (n.kind) {
    case "pattern":
      return n.children.map(toRegExp).join("");
    case "anyOf":
      return `(?:${n.children.map(toRegExp).join("|")})`;
    case "text":
      return n.runes.map(lit).join("");
    case "any":
      return "[^/]*";
    case "super":
      return "[^]*";
    case "single":
      return "[^/]";
    case "list":
      return `[${n.not ? "^" : ""}${n.runes.map(lit).join("")}]`;
    case "range":
      return `[${n.not ? "^" : ""}${lit(n.lo)}-${lit(n.hi)}]`;
  }
}

/** A compiled `glob.Compile(pattern, '/')`, or null where gobwas reports an error. */
export function compileGobwasGlob(
  pattern: string,
): ((name: string) => boolean) | null {
  const tree = parse(pattern);
  if (!tree) return null;
  const re = new RegExp(`^${toRegExp(tree)}$`, "u");
  return (name) => re.test(name);
}

/** Helm's `files.Glob` matcher: a pattern gobwas rejects matches every name, as `**` does. */
export function filesGlobMatcher(pattern: string): (name: string) => boolean {
  return compileGobwasGlob(pattern) ?? (() => true);
}
