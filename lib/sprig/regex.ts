/**
 * Sprig's regex family over Go's RE2 semantics (via re2js, a port of Go's regexp).
 *
 * Non-`must` variants call `regexp.MustCompile`, so a bad pattern panics with Go's text
 * (`regexp: Compile(`a(`): error parsing regexp: ...`); `regexMatch` alone swallows the error
 * and answers false. The `must` variants return the compile error itself.
 */
import { RE2JS } from 're2js';
import { defineFunc, type FuncMap, GoError, GoInt, stringSlice, type GoSlice } from '../go';

/** A compiled Go regexp: the re2js program plus the parts Go's API needs. */
export interface GoRegexp {
  readonly source: string;
  readonly re: RE2JS;
}

const cache = new Map<string, GoRegexp>();

/** `regexp.Compile`: throws Go's `error parsing regexp: ...` text on a bad pattern. */
export function compileRegexp(pattern: string): GoRegexp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    throw new GoError(e instanceof Error ? e.message : String(e));
  }
  const compiled = { source: pattern, re };
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** `regexp.MustCompile`: panics with `regexp: Compile(<quoted>): <error>`. */
export function mustCompileRegexp(pattern: string): GoRegexp {
  try {
    return compileRegexp(pattern);
  } catch (e) {
    throw new GoError(`regexp: Compile(${quoteForRegexpPanic(pattern)}): ${(e as Error).message}`);
  }
}

// regexp.quote: backquoted when strconv.CanBackquote, else a Go double-quoted string.
function quoteForRegexpPanic(s: string): string {
  const canBackquote = ![...s].some((ch) => {
    const c = ch.codePointAt(0)!;
    return ch === '`' || (c < 0x20 && ch !== '\t') || c === 0x7f;
  });
  if (canBackquote) return '`' + s + '`';
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

/** Match index pairs (UTF-16 offsets) of up to n leftmost non-overlapping matches, as Go's allMatches. */
export function findAllSubmatchIndex(r: GoRegexp, s: string, n: number): number[][] {
  if (n < 0) n = s.length + 1;
  const found = r.re.re2().findAllSubmatchIndex(s, n) as number[][] | null;
  return found ?? [];
}

/** `Regexp.FindAllString`; null when nothing matched (Go's nil slice). */
export function findAllString(r: GoRegexp, s: string, n: number): string[] | null {
  const m = findAllSubmatchIndex(r, s, n);
  return m.length ? m.map((a) => s.slice(a[0], a[1])) : null;
}

/** `Regexp.FindString`: the leftmost match or "". */
export function findString(r: GoRegexp, s: string): string {
  const m = findAllSubmatchIndex(r, s, 1);
  return m.length ? s.slice(m[0][0], m[0][1]) : '';
}

/** `Regexp.Split` with Go's n semantics (n == 0 → nil, n < 0 → all). */
export function splitRegexp(r: GoRegexp, s: string, n: number): string[] | null {
  if (n === 0) return null;
  if (r.source.length > 0 && s.length === 0) return [''];
  const matches = findAllSubmatchIndex(r, s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = m[0];
    if (m[1] !== 0) out.push(s.slice(beg, end));
    beg = m[1];
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** `Regexp.ReplaceAllString` (with `$` expansion) or `ReplaceAllLiteralString`. */
export function replaceAllString(r: GoRegexp, s: string, repl: string, literal = false): string {
  const matches = findAllSubmatchIndex(r, s, -1);
  if (!matches.length) return s;
  const names = literal ? [] : subexpNames(r);
  let out = '';
  let last = 0;
  for (const m of matches) {
    out += s.slice(last, m[0]);
    out += literal ? repl : expand(repl, s, m, names);
    last = m[1];
  }
  return out + s.slice(last);
}

function subexpNames(r: GoRegexp): string[] {
  const names: string[] = new Array(r.re.groupCount() + 1).fill('');
  for (const [name, idx] of Object.entries(r.re.namedGroups())) names[idx] = name;
  return names;
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/** Go's `Regexp.expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`; `$1x` names group `1x`. */
function expand(template: string, src: string, match: number[], names: string[]): string {
  let dst = '';
  let t = template;
  for (;;) {
    const i = t.indexOf('$');
    if (i < 0) break;
    dst += t.slice(0, i);
    t = t.slice(i + 1);
    if (t.startsWith('$')) {
      dst += '$';
      t = t.slice(1);
      continue;
    }
    const ext = extractName(t);
    if (!ext) {
      dst += '$';
      continue;
    }
    t = ext.rest;
    const group = ext.num >= 0 ? ext.num : names.findIndex((n) => n === ext.name);
    if (group >= 0 && 2 * group + 1 < match.length && match[2 * group] >= 0) {
      dst += src.slice(match[2 * group], match[2 * group + 1]);
    }
  }
  return dst + t;
}

function extractName(str: string): { name: string; num: number; rest: string } | null {
  if (!str) return null;
  let brace = false;
  if (str[0] === '{') {
    brace = true;
    str = str.slice(1);
  }
  let i = 0;
  for (const ch of str) {
    if (!NAME_CHAR.test(ch)) break;
    i += ch.length;
  }
  if (i === 0) return null;
  const name = str.slice(0, i);
  if (brace) {
    if (i >= str.length || str[i] !== '}') return null;
    i++;
  }
  let num = 0;
  for (const ch of name) {
    if (ch < '0' || ch > '9' || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + (ch.charCodeAt(0) - 48);
  }
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, rest: str.slice(i) };
}

/** `regexp.QuoteMeta`. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

const asInt = (n: GoInt | number): number => (n instanceof GoInt ? n.toNumber() : n);
const strings = (items: string[] | null): GoSlice => stringSlice(items ?? []);

/** Sprig's regex functions, keyed by template name. */
export const regexFuncs: FuncMap = {
  regexMatch: defineFunc('regexMatch', ['string', 'string'], (re: string, s: string) => {
    try {
      return compileRegexp(re).re.re2().match(s) as boolean;
    } catch {
      return false;
    }
  }),
  mustRegexMatch: defineFunc('mustRegexMatch', ['string', 'string'], (re: string, s: string) => compileRegexp(re).re.re2().match(s) as boolean, {
    returnsError: true,
  }),
  regexFindAll: defineFunc('regexFindAll', ['string', 'string', 'int'], (re: string, s: string, n: GoInt) =>
    strings(findAllString(mustCompileRegexp(re), s, asInt(n))),
  ),
  mustRegexFindAll: defineFunc('mustRegexFindAll', ['string', 'string', 'int'], (re: string, s: string, n: GoInt) => strings(findAllString(compileRegexp(re), s, asInt(n))), {
    returnsError: true,
  }),
  regexFind: defineFunc('regexFind', ['string', 'string'], (re: string, s: string) => findString(mustCompileRegexp(re), s)),
  mustRegexFind: defineFunc('mustRegexFind', ['string', 'string'], (re: string, s: string) => findString(compileRegexp(re), s), { returnsError: true }),
  regexReplaceAll: defineFunc('regexReplaceAll', ['string', 'string', 'string'], (re: string, s: string, repl: string) =>
    replaceAllString(mustCompileRegexp(re), s, repl),
  ),
  mustRegexReplaceAll: defineFunc('mustRegexReplaceAll', ['string', 'string', 'string'], (re: string, s: string, repl: string) => replaceAllString(compileRegexp(re), s, repl), {
    returnsError: true,
  }),
  regexReplaceAllLiteral: defineFunc('regexReplaceAllLiteral', ['string', 'string', 'string'], (re: string, s: string, repl: string) =>
    replaceAllString(mustCompileRegexp(re), s, repl, true),
  ),
  mustRegexReplaceAllLiteral: defineFunc(
    'mustRegexReplaceAllLiteral',
    ['string', 'string', 'string'],
    (re: string, s: string, repl: string) => replaceAllString(compileRegexp(re), s, repl, true),
    { returnsError: true },
  ),
  regexSplit: defineFunc('regexSplit', ['string', 'string', 'int'], (re: string, s: string, n: GoInt) => strings(splitRegexp(mustCompileRegexp(re), s, asInt(n)))),
  mustRegexSplit: defineFunc('mustRegexSplit', ['string', 'string', 'int'], (re: string, s: string, n: GoInt) => strings(splitRegexp(compileRegexp(re), s, asInt(n))), {
    returnsError: true,
  }),
  regexQuoteMeta: defineFunc('regexQuoteMeta', ['string'], (s: string) => quoteMeta(s)),
};
