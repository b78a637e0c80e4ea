import { describe, expect, it } from 'vitest';
import { GoInt, typeInfoOf, type GoValue } from '../go/value';
import { abbreviateFull, goReplaceAll, goSlice, goSplitN, goTrim, stringFuncs, wrapCustom } from './strings';

const int = (n: number): GoInt => new GoInt(n, 'int');
const call = (name: string, ...args: GoValue[]): GoValue => stringFuncs[name].call(...args);

describe('goSlice (s[a:b] on UTF-8 bytes)', () => {
  it.each([
    ['hello', 1, 3, 'el'],
    ['héllo', 0, 3, 'hé'],
    ['日本', 0, 4, '日\ufffd'],
    ['abc', 3, undefined, ''],
  ] as const)('%s[%d:%s]', (s, a, b, want) => expect(goSlice(s, a, b)).toBe(want));

  it.each([
    ['abc', 0, 5, 'runtime error: slice bounds out of range [:5] with length 3'],
    ['abc', 0, -1, 'runtime error: slice bounds out of range [:-1]'],
    ['abc', 2, 1, 'runtime error: slice bounds out of range [2:1]'],
    ['abc', 5, undefined, 'runtime error: slice bounds out of range [5:3]'],
  ] as const)('panics on %s[%d:%s]', (s, a, b, message) => expect(() => goSlice(s, a, b)).toThrow(message));
});

describe('Go strings helpers', () => {
  it.each([
    ['a,b,c', ',', -1, ['a', 'b', 'c']],
    ['a,b,c', ',', 2, ['a', 'b,c']],
    ['a,b', ',', 0, []],
    ['héllo', '', -1, ['h', 'é', 'l', 'l', 'o']],
    ['héllo', '', 2, ['h', 'éllo']],
    ['', ',', -1, ['']],
  ] as const)('SplitN(%j, %j, %d)', (s, sep, n, want) => expect(goSplitN(s, sep, n)).toEqual(want));

  it('replaces an empty old string around every rune', () => expect(goReplaceAll('ab', '', '-')).toBe('-a-b-'));
  it('trims runes of a cutset', () => expect(goTrim('xxhixyx', 'xy')).toBe('hi'));
});

describe('goutils abbreviate and wrap', () => {
  it.each([
    ['abcdefghij', 0, 6, 'abc...'],
    ['abcdefghij', 5, 7, '...f...'],
    ['abcdefghijklmno', 5, 10, '...fghi...'],
    ['abcdefghij', 0, 3, ''],
    ['', 0, 4, ''],
  ] as const)('AbbreviateFull(%j, %d, %d)', (s, off, w, want) => expect(abbreviateFull(s, off, w)).toBe(want));

  it.each([
    ['hello world foo', 5, '\n', false, 'hello\nworld\nfoo'],
    ['abcdefgh', 3, '|', true, 'abc|def|gh'],
    ['abcdefgh ij', 3, '\n', false, 'abcdefgh\nij'],
    [' a', 1, '\n', false, 'a'],
  ] as const)('WrapCustom(%j, %d)', (s, n, nl, long, want) => expect(wrapCustom(s, n, nl, long)).toBe(want));
});

describe('string functions', () => {
  it('types split results as map[string]string and splitList as []string', () => {
    expect(typeInfoOf(call('split', ',', 'a') as Map<string, GoValue>)?.name).toBe('map[string]string');
    expect(typeInfoOf(call('splitList', ',', 'a') as GoValue[])?.name).toBe('[]string');
  });
  it('quotes with Go escapes and skips nils', () => {
    expect(call('quote', 'a"b', null, 1.5, '\u0007')).toBe('"a\\"b" "1.5" "\\a"');
  });
  it('panics like strings.Repeat on a negative count', () => {
    expect(() => call('repeat', int(-1), 'x')).toThrow('strings: negative Repeat count');
  });
});
