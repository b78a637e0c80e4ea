import { describe, expect, it } from 'vitest';
import { referenceExecute } from '../../tests/helm/reference';
import { evalArgsString, htmlEscapeString, jsEscapeString, urlQueryEscape } from './escape';
import { evalAction } from '../../tests/go/fmt-testargs';

const VALUES = 'm: {a: 1, b: "x"}\nl: [1, "two", null]\nf: 1000000\n';

const STRINGS = [
  '"plain"',
  '""',
  '"<a href=\\"x\\">it\'s & more</a>"',
  '"\\x00nul"',
  '"tab\\tnl\\ncr\\r\\x01\\x1f"',
  '"a=b;c\\\\d"',
  '"héllo 世界 😀"',
  '"\\u00ad\\u200b\\u2028\\ufeff\\U000E0001"',
  '"a b+c/d?e=f&g#h%i~j-k_l.m"',
  '"$@:,;[]!*\'()"',
];

const ARG_LISTS = ['1 2', '"a" "b"', '"a" 1 "b" 2 3', 'nil', '.Values.missing', 'nil "x"', '.Values.m', '.Values.l', '.Values.f', 'true false', '(list 1 2) "<"', '1.5 "&"', 'nil nil'];

const CASES: Array<[fn: 'html' | 'js' | 'urlquery', args: string]> = [];
for (const fn of ['html', 'js', 'urlquery'] as const) {
  for (const s of STRINGS) CASES.push([fn, s]);
  for (const a of ARG_LISTS) CASES.push([fn, a]);
}

const ESCAPERS = { html: htmlEscapeString, js: jsEscapeString, urlquery: urlQueryEscape };

describe('text/template escapers against helm', async () => {
  const reference = await referenceExecute(CASES.map(([fn, args]) => ({ template: `{{ ${fn} ${args} }}`, values: VALUES })));
  it.each(CASES.map((c, i) => [...c, i] as const))('%s %s', (fn, args, i) => {
    const ref = reference[i];
    if (!ref.ok) throw new Error(ref.error);
    const { args: values } = evalAction(`${fn} ${args}`, VALUES);
    expect(ESCAPERS[fn](evalArgsString(values))).toBe(ref.output);
  });
});

describe('evalArgsString', () => {
  it.each([
    [['x'], 'x'],
    [[null], '<no value>'],
    [['a', null], 'a<no value>'],
    [[1.5, 2.5], '1.5 2.5'],
  ])('%j → %j', (args, want) => expect(evalArgsString(args)).toBe(want));
});
