/**
 * Glob matching as gobwas/glob compiles it with '/' as separator (what `.Files.Glob` uses):
 * `*` any run of non-separators, `**` anything, `?` one non-separator, `[abc]`, `[!a-z]`,
 * `{a,b}` alternatives, `\` escapes. Returns null for a pattern gobwas rejects.
 */
export function compileGlob(pattern: string): RegExp | null {
  let i = 0;
  const chars = [...pattern];

  function parseSeq(inAlt: boolean): string | null {
    let out = '';
    while (i < chars.length) {
      const c = chars[i];
      if (inAlt && (c === ',' || c === '}')) return out;
      i++;
      switch (c) {
        case '*':
          if (chars[i] === '*') {
            i++;
            out += '[\\s\\S]*';
          } else out += '[^/]*';
          break;
        case '?':
          out += '[^/]';
          break;
        case '[': {
          let neg = false;
          if (chars[i] === '!') {
            neg = true;
            i++;
          }
          let cls = '';
          let closed = false;
          while (i < chars.length) {
            const d = chars[i++];
            if (d === ']') {
              closed = true;
              break;
            }
            if (d === '\\' && i < chars.length) cls += escapeClass(chars[i++]);
            else if (d === '-') cls += '-';
            else cls += escapeClass(d);
          }
          if (!closed || cls === '') return null;
          out += neg ? `[^/${cls}]` : `[${cls}]`;
          break;
        }
        case '{': {
          const alts: string[] = [];
          for (;;) {
            const alt = parseSeq(true);
            if (alt === null) return null;
            alts.push(alt);
            const d = chars[i++];
            if (d === '}') break;
            if (d !== ',') return null;
          }
          out += `(?:${alts.join('|')})`;
          break;
        }
        case '\\':
          if (i >= chars.length) return null;
          out += escapeRe(chars[i++]);
          break;
        default:
          out += escapeRe(c);
      }
    }
    return inAlt ? null : out;
  }

  const body = parseSeq(false);
  return body === null ? null : new RegExp(`^${body}$`, 'u');
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function escapeClass(c: string): string {
  return /[\]\\^-]/.test(c) ? `\\${c}` : c;
}
