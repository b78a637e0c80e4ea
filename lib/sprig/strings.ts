/**
 * Sprig's string functions. Go strings are UTF-8 bytes, so trunc, substr, abbrev, wrap and
 * friends count and cut bytes, as Helm does.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import { defineFunc, type FuncMap, quote as goQuote, goTrimSpace, MAX_STRING_LENGTH, tooLongMessage, byteLength, isASCII, utf8Decode, utf8Encode, GoError, GoInt, compareGoStrings, goMap, stringSlice, withType, type GoValue, sprint } from '../go';
import { deleteWhiteSpace, goTitle, goToLower, goToUpper, initials, swapCase, toKebabCase, toPascalCase, toSnakeCase, untitle } from './casing';
import { intArg, isList, strslice, strval } from './conversion';

/**
 * Go's s[start:end] on bytes, panicking with the runtime's messages when out of range. Bounds
 * are bigints so a message shows an int64 such as 9223372036854775807 exactly.
 */
export function goSlice(s: string, start: number | bigint, end?: number | bigint): string {
  const len = BigInt(byteLength(s));
  const st = BigInt(start);
  const e = end === undefined ? len : BigInt(end);
  if (e < 0n) throw new GoError(`runtime error: slice bounds out of range [:${e}]`);
  if (e > len) throw new GoError(`runtime error: slice bounds out of range [:${e}] with length ${len}`);
  if (st < 0n) throw new GoError(`runtime error: slice bounds out of range [${st}:]`);
  if (st > e) throw new GoError(`runtime error: slice bounds out of range [${st}:${e}]`);
  if (isASCII(s)) return s.slice(Number(st), Number(e));
  return utf8Decode(utf8Encode(s).subarray(Number(st), Number(e)));
}

/** Go's strings.Repeat, including its panics. */
export function goRepeat(s: string, count: number): string {
  if (count < 0) throw new GoError('strings: negative Repeat count');
  if (s.length > 0 && byteLength(s) * count > 2 ** 31) throw new GoError('strings: Repeat output length overflow');
  if (s.length * count > MAX_STRING_LENGTH) throw new GoError(tooLongMessage(s.length * count));
  return s.repeat(count);
}

/** Go's strings.Split / SplitN (n < 0: all; n == 0: none); an empty separator splits into runes. */
export function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const rs = Array.from(s);
    if (n < 0 || n >= rs.length) return rs;
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** Go's strings.Replace(s, old, new, -1): an empty `old` inserts `new` around every rune. */
export function goReplaceAll(s: string, old: string, repl: string): string {
  if (old === '') return repl + Array.from(s).map((c) => c + repl).join('');
  return s.split(old).join(repl);
}

/** Go's strings.Trim(s, cutset): strips leading and trailing runes found in cutset. */
export function goTrim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const cut = new Set(Array.from(cutset));
  const rs = Array.from(s);
  let a = 0;
  let b = rs.length;
  while (a < b && cut.has(rs[a])) a++;
  while (b > a && cut.has(rs[b - 1])) b--;
  return rs.slice(a, b).join('');
}

/** goutils.AbbreviateFull; widths below the minimum return "" as goutils does on its error. */
export function abbreviateFull(s: string, offset: number, maxWidth: number): string {
  if (maxWidth >= 4 && byteLength(s) <= maxWidth) return s;
  // Work on bytes throughout: goutils re-measures cut strings, which may end mid-rune.
  return utf8Decode(abbreviateBytes(utf8Encode(s), offset, maxWidth));
}

const ELLIPSIS = new Uint8Array([0x2e, 0x2e, 0x2e]);

function abbreviateBytes(b: Uint8Array, offset: number, maxWidth: number): Uint8Array {
  const len = b.length;
  if (len === 0) return b;
  if (maxWidth < 4) return new Uint8Array();
  if (len <= maxWidth) return b;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return concatBytes(b.subarray(0, maxWidth - 3), ELLIPSIS);
  if (maxWidth < 7) return new Uint8Array();
  if (offset + maxWidth - 3 < len) return concatBytes(ELLIPSIS, abbreviateBytes(b.subarray(offset), 0, maxWidth - 3));
  return concatBytes(ELLIPSIS, b.subarray(len - (maxWidth - 3)));
}

/** goutils.WrapCustom over UTF-8 bytes: breaks at spaces, optionally inside long words. */
export function wrapCustom(s: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (s === '') return '';
  if (newLine === '') newLine = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const b = utf8Encode(s);
  const nl = utf8Encode(newLine);
  const out: number[] = [];
  const write = (from: number, to: number): void => {
    for (let i = from; i < to; i++) out.push(b[i]);
  };
  const len = b.length;
  let offset = 0;
  while (len - offset > wrapLength) {
    if (b[offset] === 0x20) {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    let spaceAt = b.subarray(offset, end).lastIndexOf(0x20) + offset;
    if (spaceAt >= offset) {
      write(offset, spaceAt);
      out.push(...nl);
      offset = spaceAt + 1;
    } else if (wrapLongWords) {
      write(offset, wrapLength + offset);
      out.push(...nl);
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const idx = b.subarray(e).indexOf(0x20);
      spaceAt = idx === -1 ? -1 : idx + e;
      if (spaceAt >= 0) {
        write(offset, spaceAt);
        out.push(...nl);
        offset = spaceAt + 1;
      } else {
        write(offset, len);
        offset = len;
      }
    }
  }
  write(offset, len);
  return utf8Decode(Uint8Array.from(out));
}

function trunc(c: number, s: string): string {
  const len = byteLength(s);
  if (c < 0 && len + c > 0) return goSlice(s, len + c);
  if (c >= 0 && len > c) return goSlice(s, 0, c);
  return s;
}

function substr(start: bigint, end: bigint, s: string): string {
  if (start < 0n) return goSlice(s, 0, end);
  if (end < 0n || end > BigInt(byteLength(s))) return goSlice(s, start);
  return goSlice(s, start, end);
}

function indent(spaces: number, v: string): string {
  const pad = goRepeat(' ', spaces);
  return pad + v.replaceAll('\n', '\n' + pad);
}

// Sprig's split/splitn results: map[string]string keyed _0, _1, ...
function indexedMap(parts: string[]): GoValue {
  return withType(goMap(parts.map((p, i) => [`_${i}`, p] as const)), { name: 'map[string]string' });
}

const notNil = (v: GoValue): boolean => v !== null && v !== undefined;

export const stringFuncs: FuncMap = {
  hello: defineFunc('hello', [], () => 'Hello!'),
  abbrev: defineFunc('abbrev', ['int', 'string'], (w: GoInt, s: string) => (intArg(w) < 4 ? s : abbreviateFull(s, 0, intArg(w)))),
  abbrevboth: defineFunc('abbrevboth', ['int', 'int', 'string'], (l: GoInt, r: GoInt, s: string) => {
    const left = intArg(l);
    const right = intArg(r);
    if (right < 4 || (left > 0 && right < 7)) return s;
    return abbreviateFull(s, left, right);
  }),
  trunc: defineFunc('trunc', ['int', 'string'], (c: GoInt, s: string) => trunc(intArg(c), s)),
  trim: defineFunc('trim', ['string'], (s: string) => goTrimSpace(s)),
  upper: defineFunc('upper', ['string'], goToUpper),
  lower: defineFunc('lower', ['string'], goToLower),
  title: defineFunc('title', ['string'], goTitle),
  untitle: defineFunc('untitle', ['string'], untitle),
  substr: defineFunc('substr', ['int', 'int', 'string'], (a: GoInt, b: GoInt, s: string) => substr(a.v, b.v, s)),
  repeat: defineFunc('repeat', ['int', 'string'], (n: GoInt, s: string) => goRepeat(s, intArg(n))),
  trimall: defineFunc('trimall', ['string', 'string'], (a: string, b: string) => goTrim(b, a)),
  trimAll: defineFunc('trimAll', ['string', 'string'], (a: string, b: string) => goTrim(b, a)),
  trimSuffix: defineFunc('trimSuffix', ['string', 'string'], (a: string, b: string) => (a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b)),
  trimPrefix: defineFunc('trimPrefix', ['string', 'string'], (a: string, b: string) => (a !== '' && b.startsWith(a) ? b.slice(a.length) : b)),
  nospace: defineFunc('nospace', ['string'], deleteWhiteSpace),
  initials: defineFunc('initials', ['string'], initials),
  swapcase: defineFunc('swapcase', ['string'], swapCase),
  snakecase: defineFunc('snakecase', ['string'], toSnakeCase),
  camelcase: defineFunc('camelcase', ['string'], toPascalCase),
  kebabcase: defineFunc('kebabcase', ['string'], toKebabCase),
  wrap: defineFunc('wrap', ['int', 'string'], (l: GoInt, s: string) => wrapCustom(s, intArg(l), '', false)),
  wrapWith: defineFunc('wrapWith', ['int', 'string', 'string'], (l: GoInt, sep: string, s: string) => wrapCustom(s, intArg(l), sep, true)),
  contains: defineFunc('contains', ['string', 'string'], (sub: string, s: string) => s.includes(sub)),
  hasPrefix: defineFunc('hasPrefix', ['string', 'string'], (p: string, s: string) => s.startsWith(p)),
  hasSuffix: defineFunc('hasSuffix', ['string', 'string'], (p: string, s: string) => s.endsWith(p)),
  quote: defineFunc('quote', [], (...vs: GoValue[]) => vs.filter(notNil).map((v) => goQuote(strval(v))).join(' '), { variadic: 'interface {}' }),
  squote: defineFunc('squote', [], (...vs: GoValue[]) => vs.filter(notNil).map((v) => `'${sprint([v])}'`).join(' '), { variadic: 'interface {}' }),
  cat: defineFunc('cat', [], (...vs: GoValue[]) => vs.filter(notNil).map((v) => sprint([v])).join(' '), { variadic: 'interface {}' }),
  indent: defineFunc('indent', ['int', 'string'], (n: GoInt, v: string) => indent(intArg(n), v)),
  nindent: defineFunc('nindent', ['int', 'string'], (n: GoInt, v: string) => '\n' + indent(intArg(n), v)),
  replace: defineFunc('replace', ['string', 'string', 'string'], (o: string, n: string, s: string) => goReplaceAll(s, o, n)),
  plural: defineFunc('plural', ['string', 'string', 'int'], (one: string, many: string, n: GoInt) => (intArg(n) === 1 ? one : many)),
  split: defineFunc('split', ['string', 'string'], (sep: string, s: string) => indexedMap(goSplitN(s, sep, -1))),
  splitList: defineFunc('splitList', ['string', 'string'], (sep: string, s: string) => stringSlice(goSplitN(s, sep, -1))),
  splitn: defineFunc('splitn', ['string', 'int', 'string'], (sep: string, n: GoInt, s: string) => indexedMap(goSplitN(s, sep, intArg(n)))),
  join: defineFunc('join', ['string', 'interface {}'], (sep: string, v: GoValue) => (strslice(v) as string[]).join(sep)),
  sortAlpha: defineFunc('sortAlpha', ['interface {}'], (v: GoValue) => {
    if (!isList(v)) return stringSlice([strval(v)]);
    // strslice hands back a []string argument itself, which Go then sorts in place.
    return (strslice(v) as string[]).sort(compareGoStrings);
  }, { effect: 'mutates' }),
};
