import { describe, expect, test } from 'vitest';
import { RE2JS } from 're2js';
import { goRegexp, nativeSource } from './go-regexp';

/** Go's MatchString, by RE2JS: what every pattern's verdict must be. */
const re2 = (pattern: string, s: string) => RE2JS.compile(pattern).matcher(s).find();

const INPUTS = ['', 'a', 'abc', 'ABC', '0', '123', '500m', '1.5Gi', '10Mi', 'x\ny', 'a\r', 'a\u2028b', ' \t', '\v', '\u00a0', 'é', 'a-b_c', '^$', '[]', 'a{2}', 'sha256:' + 'a'.repeat(64), '😀', 'a😀', '\ud800'];

describe('patterns checked natively', () => {
  // The bundled charts' schema patterns, and each construct the native path takes.
  const patterns = [
    '^[0-9.]+[a-zA-Z]*$',
    '^(sha256:[0-9a-f]{64})?$',
    '^([0-9]+(\\.[0-9]+)?(m|[kMGTPE]i?)?)$',
    '^[0-9]+(ms|s|m|h)$',
    '^\\t[\\n\\r\\f\\v]',
    '^mysql://',
    'maxmemory-policy noeviction',
    '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    '.',
    '^.$',
    '^..$',
    'a.b',
    '^[^a]$',
    '^[^\\n]+$',
    '\\s',
    '^\\S+$',
    '^\\w+$',
    '^\\W$',
    '^\\D*$',
    '[\\s\\d]',
    '[-a]',
    '[a-]',
    '[^-]',
    '[\\.-z]',
    '[$^.*|{}()]',
    'a{0}',
    'a{2,}',
    'a{1,3}$',
    '(?:ab|cd)?',
    '(?:ab)*',
    '(a|)b',
    '()',
    '^$',
    '',
    '\\^\\$\\.\\[\\]\\{\\}\\(\\)\\*\\+\\?\\|\\\\\\-\\/',
  ];
  test.each(patterns)('%s matches what Go matches', (pattern) => {
    expect(nativeSource(pattern)).toBeDefined();
    const re = goRegexp(pattern);
    for (const s of INPUTS) expect([s, re.find(s)]).toEqual([s, re2(pattern, s)]);
  });

  test('random patterns of the shared syntax match what Go matches', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const atoms = ['a', 'b', '0', '.', '-', '\\d', '\\w', '\\s', '\\S', '\\.', '[a-c]', '[^a]', '[0-9.]', '[-x]', '[\\s]'];
    const quantifiers = ['', '', '*', '+', '?', '{2}', '{0,2}', '{1,}'];
    const piece = (depth: number): string => {
      if (depth < 2 && rand(4) === 0) {
        const body = `${seq(depth + 1)}${rand(2) ? `|${seq(depth + 1)}` : ''}`;
        // A group holding a choice is repeated only by RE2JS (below): here it is at most optional.
        const holdsChoice = /[*+?|]|\{\d+,/.test(body);
        return `(${body})${(holdsChoice ? ['', '?'] : ['', '*', '+', '?'])[rand(holdsChoice ? 2 : 4)]}`;
      }
      return atoms[rand(atoms.length)] + quantifiers[rand(quantifiers.length)];
    };
    const seq = (depth: number) => Array.from({ length: 1 + rand(3) }, () => piece(depth)).join('');
    const chars = ['a', 'b', 'c', '0', '9', '.', '-', ' ', '\n', '\r', 'x', '\u00e9', '\u2028'];
    for (let n = 0; n < 300; n++) {
      const pattern = `${rand(2) ? '^' : ''}${seq(0)}${rand(2) ? '$' : ''}`;
      expect(nativeSource(pattern)).toBeDefined();
      const re = goRegexp(pattern);
      for (let k = 0; k < 20; k++) {
        const s = Array.from({ length: rand(6) }, () => chars[rand(chars.length)]).join('');
        expect([pattern, s, re.find(s)]).toEqual([pattern, s, re2(pattern, s)]);
      }
    }
  });
});

describe('patterns left to RE2JS', () => {
  // Syntax Go reads otherwise than JavaScript, or that Go refuses.
  test.each(['a{01}', '(?i)a', '(?P<n>a)', '(?<n>a)', '^(\\d{1,3}\\.){3}$', '\\a', '\\pL', '[[:alpha:]]', '[]a]', 'a{1001}', '(ab){2}', 'a**', 'a+?', '\\bx', 'é', 'a}', 'a]', '^*', '[a-c-e]', '\\Qa\\E', '\\1'])('%s', (pattern) => {
    expect(nativeSource(pattern)).toBeUndefined();
  });

  // A repeated choice backtracks exponentially in JavaScript; Go's matcher is linear.
  test.each(['(?:ab|cd)*', '^(a+)+$', '^(a|aa)+$', '(a*b?)+', '(a{1,3})*'])('%s, a repeated group holding a choice', (pattern) => {
    expect(nativeSource(pattern)).toBeUndefined();
  });

  test.each([
    ['^(a|aa)+$', 'a'],
    ['^(a+)+$', 'a'],
    ['^[0-9]*[0-9]*[0-9]*[0-9]*x$', '1'],
    ['^\\d+\\d+\\d+\\d+\\d+\\d+x$', '1'],
    ['^a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?aaaaaaaaaaaaaaaaaaaa$', 'a'],
    ['(a|a|a|a)(a|a|a|a)(a|a|a|a)(a|a|a|a)(a|a|a|a)(a|a|a|a)x', 'a'],
  ])('%s against long strings of %s: as Go answers, without backtracking for ever', (pattern, c) => {
    const re = goRegexp(pattern);
    const started = performance.now();
    for (const n of [20, 30, 60, 500, 5000]) expect([n, re.find(`${c.repeat(n)}!`)]).toEqual([n, re2(pattern, `${c.repeat(n)}!`)]);
    // Natively, the first of these took over ten seconds at 28 characters.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test.each(['a**', '(', '[z-a]', 'a{2,1}', 'x{1001}'])('%s is refused as Go refuses it', (pattern) => {
    expect(() => goRegexp(pattern)).toThrow();
  });

  test('a string beyond the BMP is matched rune by rune, as Go does', () => {
    expect(goRegexp('^.$').find('😀')).toBe(true);
    expect(goRegexp('^[^a]$').find('😀')).toBe(true);
    expect(goRegexp('^..$').find('😀')).toBe(false);
  });
});
