/**
 * .helmignore rules (Helm's `pkg/ignore`): one glob per line in Go's filepath.Match syntax,
 * `#` comments, `!` negation, a trailing `/` for folders only, a leading `/` anchoring at the
 * chart root, no `**`. Rules are tried in order and the first decision wins.
 */
import { filepathMatch, filepathMatchBytes } from '../glob/filepath-match';

export const HELMIGNORE = '.helmignore';

interface Pattern {
  raw: string;
  negate: boolean;
  mustDir: boolean;
  /** The glob's UTF-8 bytes (without `!`, trailing `/` and leading `/`). */
  glob: Uint8Array;
  /** A glob without `/` matches a path's base name. */
  byBase: boolean;
  /**
   * Most rules are a name (`.git`) or `*` and a suffix (`*.swp`): for an ASCII one, filepath.Match
   * is string equality, or an ending with no `/` before it, tried without encoding the path.
   */
  simple?: { star: boolean; text: string };
}

/** ASCII without the glob's special characters (`*`, `?`, `[`, `\\`) and without `/`. */
const PLAIN = /^[\x00-\x29\x2b-\x2e\x30-\x3e\x40-\x5a\x5d-\x7f]*$/;

function simpleForm(glob: string): Pattern['simple'] {
  if (PLAIN.test(glob)) return { star: false, text: glob };
  if (glob.startsWith('*') && PLAIN.test(glob.slice(1))) return { star: true, text: glob.slice(1) };
  return undefined;
}

const utf8 = new TextEncoder();

/** A path being tested, its UTF-8 bytes and its base name's made once for all the rules. */
class Candidate {
  private full?: Uint8Array;
  private base?: Uint8Array;
  private baseText?: string;
  constructor(private readonly path: string) {}
  text(byBase: boolean): string {
    return byBase ? (this.baseText ??= baseName(this.path)) : this.path;
  }
  bytes(byBase: boolean): Uint8Array {
    if (byBase) return (this.base ??= utf8.encode(this.text(true)));
    return (this.full ??= utf8.encode(this.path));
  }
}

/** Whether the rule's glob matches; a malformed glob (Helm logs it) matches nothing. */
function matches(p: Pattern, c: Candidate): boolean {
  if (p.simple) {
    const name = c.text(p.byBase);
    return p.simple.star ? name.endsWith(p.simple.text) && !name.includes('/') : name === p.simple.text;
  }
  try {
    return filepathMatchBytes(p.glob, c.bytes(p.byBase));
  } catch {
    return false;
  }
}

function baseName(p: string): string {
  const t = p.replace(/\/+$/, '');
  if (t === '') return p === '' ? '.' : '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** A parsed .helmignore. */
export class IgnoreRules {
  private readonly patterns: Pattern[] = [];

  /** Number of rules. */
  get length(): number {
    return this.patterns.length;
  }

  /** Rules.AddDefaults: dotfiles under templates/ are always ignored. */
  addDefaults(): void {
    this.parseRule('templates/.?*');
  }

  /** Rules.parseRule. @throws Error for `**` and malformed globs */
  parseRule(line: string): void {
    let rule = line.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new Error('double-star (**) syntax is not supported');
    filepathMatch(rule, 'abc');
    const p: Pattern = { raw: rule, negate: false, mustDir: false, glob: new Uint8Array(), byBase: false };
    if (rule.startsWith('!')) {
      p.negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith('/')) {
      p.mustDir = true;
      rule = rule.slice(0, -1);
    }
    // Stripping the trailing `/` can leave a malformed glob (`a\\/` becomes `a\\`): Helm logs it and matches nothing.
    const glob = rule.startsWith('/') ? rule.slice(1) : rule;
    p.glob = utf8.encode(glob);
    p.byBase = !rule.includes('/');
    if (p.byBase) p.simple = simpleForm(glob);
    this.patterns.push(p);
  }

  /**
   * Rules.Ignore: whether `path` (relative, `/`-separated) is ignored. Helm's quirk is kept: a
   * negated rule that the path does not match ignores it.
   */
  ignore(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    const c = new Candidate(path);
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!matches(p, c)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (matches(p, c)) return true;
    }
    return false;
  }
}

/** ignore.Parse: rules from the text of a .helmignore. @throws Error with Helm's message */
export function parseIgnoreRules(text: string | Uint8Array): IgnoreRules {
  const s = typeof text === 'string' ? text : new TextDecoder().decode(text);
  const rules = new IgnoreRules();
  // bufio.Scanner splits on \n and drops a trailing \r.
  for (const line of s.split('\n')) rules.parseRule(line.replace(/\r$/, ''));
  return rules;
}
