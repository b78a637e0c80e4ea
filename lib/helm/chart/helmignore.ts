/**
 * .helmignore rules (Helm's `pkg/ignore`): one glob per line in Go's filepath.Match syntax,
 * `#` comments, `!` negation, a trailing `/` for folders only, a leading `/` anchoring at the
 * chart root, no `**`. Rules are tried in order and the first decision wins.
 */

export const HELMIGNORE = '.helmignore';

/** ErrBadPattern's text. */
const BAD_PATTERN = 'syntax error in pattern';

function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * Compiles a filepath.Match pattern (Unix: `\` escapes) to an anchored RegExp.
 * @throws Error `syntax error in pattern` for malformed patterns
 */
export function compileGlob(pattern: string): RegExp {
  const chars = [...pattern];
  let re = '';
  let i = 0;
  const escChar = (): string => {
    if (i >= chars.length) throw new Error(BAD_PATTERN);
    let c = chars[i];
    if (c === '-' || c === ']') throw new Error(BAD_PATTERN);
    if (c === '\\') {
      i++;
      if (i >= chars.length) throw new Error(BAD_PATTERN);
      c = chars[i];
    }
    i++;
    return c;
  };
  while (i < chars.length) {
    const c = chars[i];
    if (c === '*') {
      re += '[^/]*';
      i++;
    } else if (c === '?') {
      re += '[^/]';
      i++;
    } else if (c === '\\') {
      if (i + 1 >= chars.length) throw new Error(BAD_PATTERN);
      re += escapeRe(chars[i + 1]);
      i += 2;
    } else if (c === '[') {
      i++;
      let negate = false;
      if (chars[i] === '^') {
        negate = true;
        i++;
      }
      const ranges: string[] = [];
      for (;;) {
        if (i < chars.length && chars[i] === ']' && ranges.length > 0) {
          i++;
          break;
        }
        const lo = escChar();
        let hi = lo;
        if (chars[i] === '-') {
          i++;
          hi = escChar();
        }
        if (hi.codePointAt(0)! < lo.codePointAt(0)!) throw new Error(BAD_PATTERN);
        ranges.push(lo === hi ? escapeRe(lo) : `${escapeRe(lo)}-${escapeRe(hi)}`);
      }
      re += `[${negate ? '^' : ''}${ranges.join('')}]`;
    } else {
      re += escapeRe(c);
      i++;
    }
  }
  return new RegExp(`^${re}$`, 'su');
}

interface Pattern {
  raw: string;
  negate: boolean;
  mustDir: boolean;
  match: (path: string) => boolean;
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
    compileGlob(rule);
    const p: Pattern = { raw: rule, negate: false, mustDir: false, match: () => false };
    if (rule.startsWith('!')) {
      p.negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith('/')) {
      p.mustDir = true;
      rule = rule.slice(0, -1);
    }
    if (rule.startsWith('/')) {
      const re = compileGlob(rule.slice(1));
      p.match = (n) => re.test(n);
    } else if (rule.includes('/')) {
      const re = compileGlob(rule);
      p.match = (n) => re.test(n);
    } else {
      const re = compileGlob(rule);
      p.match = (n) => re.test(baseName(n));
    }
    this.patterns.push(p);
  }

  /**
   * Rules.Ignore: whether `path` (relative, `/`-separated) is ignored. Helm's quirk is kept: a
   * negated rule that the path does not match ignores it.
   */
  ignore(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!p.match(path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (p.match(path)) return true;
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
