/**
 * Go's path/filepath.Match on '/'-separated paths (what `--show-only` uses): `*` and `?` never
 * cross '/', `[...]` classes with `^` negation and ranges, `\` escapes. A malformed pattern
 * matches nothing, as Helm ignores Match's error.
 */
export function filepathMatch(pattern: string, name: string): boolean {
  const re = toRegExp(pattern);
  return re !== null && re.test(name);
}

function toRegExp(pattern: string): RegExp | null {
  const p = [...pattern];
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (++i >= p.length) return null;
      out += escape(p[i]);
    } else if (c === '[') {
      let j = i + 1;
      let cls = '';
      if (p[j] === '^') {
        cls = '^';
        j++;
      }
      let n = 0;
      for (; j < p.length && (p[j] !== ']' || n === 0); j++, n++) {
        if (p[j] === '\\') {
          if (++j >= p.length) return null;
          cls += escapeInClass(p[j]);
        } else if (p[j] === '-' && n > 0 && p[j + 1] !== ']') cls += '-';
        else if (p[j] === '-') return null;
        else cls += escapeInClass(p[j]);
      }
      if (j >= p.length || n === 0) return null;
      out += cls.startsWith('^') ? `(?!/)[${cls}]` : `[${cls}]`;
      i = j;
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`, 'su');
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function escapeInClass(c: string): string {
  return /[\]\\^-]/.test(c) ? `\\${c}` : c;
}
