import { describe, expect, it } from 'vitest';
import { deleteWhiteSpace, goTitle, goToLower, goToUpper, initials, swapCase, toKebabCase, toPascalCase, toSnakeCase, untitle } from './casing';

describe('xstrings conversions', () => {
  // Rows from xstrings' documentation, plus the leading-connector quirk of ToPascalCase.
  it.each([
    ['FirstName', 'first_name', 'first-name'],
    ['HTTPServer', 'http_server', 'http-server'],
    ['NoHTTPS', 'no_https', 'no-https'],
    ['GO_PATH', 'go_path', 'go-path'],
    ['GO PATH', 'go_path', 'go-path'],
    ['GO-PATH', 'go_path', 'go-path'],
    ['http2xx', 'http_2xx', 'http-2xx'],
    ['HTTP20xOK', 'http_20x_ok', 'http-20x-ok'],
    ['Duration2m3s', 'duration_2m3s', 'duration-2m3s'],
    ['Bld4Floor3rd', 'bld4_floor_3rd', 'bld4-floor-3rd'],
    ['', '', ''],
  ])('%s', (s, snake, kebab) => {
    expect([toSnakeCase(s), toKebabCase(s)]).toEqual([snake, kebab]);
  });

  it.each([
    ['some_words', 'SomeWords'],
    ['http_server', 'HttpServer'],
    ['no_https', 'NoHttps'],
    ['_complex__case_', '_Complex_Case_'],
    ['some words', 'SomeWords'],
    ['GOLANG_IS_GREAT', 'GolangIsGreat'],
    ['x', 'X'],
    ['_', '__'],
    ['', ''],
  ])('ToPascalCase %s', (s, want) => expect(toPascalCase(s)).toBe(want));
});

describe('Go strings and goutils case functions', () => {
  it.each([
    [goToUpper, 'straße ǆ', 'STRAßE Ǆ'],
    [goToLower, 'İSTANBUL', 'istanbul'],
    [goTitle, 'hello wide-world_x 3rd', 'Hello Wide-World_x 3rd'],
    [goTitle, 'ǆemal', 'ǅemal'],
    [untitle, 'Hello World', 'hello world'],
    [swapCase, 'Hello wORLD', 'hELLO World'],
    [initials, 'John  Doe', 'JD'],
    // goutils works on bytes: a multi-byte initial comes out as its first byte's Latin-1 rune.
    [initials, 'élan vital', 'Ãv'],
    [deleteWhiteSpace, ' a b\tc\n', 'abc'],
    [deleteWhiteSpace, 'é', 'é'],
    [deleteWhiteSpace, 'é x', 'Ã©x'],
    // U+3000 is not a space byte-wise; its bytes come back as Latin-1 runes (helm can't print them).
    [deleteWhiteSpace, '\u3000x y', '\u00e3\u0080\u0080xy'],
  ] as const)('%s(%j)', (f, s, want) => expect(f(s)).toBe(want));
});
