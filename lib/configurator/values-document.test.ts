import { describe, expect, it } from 'vitest';
import { mergedValuesText, parseValuesText, setValueInText } from './values-document';
import type { PlainMap, PlainValue } from './plain-values';

const defaults: PlainMap = { replicas: 2, image: { tag: '', pullPolicy: 'IfNotPresent' }, postgresql: { enabled: true, external: { host: '', port: 5432 } } };

describe('setValueInText', () => {
  const rows: { name: string; text: string; path: (string | number)[]; value: PlainValue | undefined; want: string }[] = [
    { name: 'adds to an empty document', text: '', path: ['replicas'], value: 3, want: 'replicas: 3\n' },
    { name: 'creates parents', text: '', path: ['postgresql', 'external', 'host'], value: 'db', want: 'postgresql:\n  external:\n    host: db\n' },
    { name: 'keeps comments and order', text: '# mine\nzeta: 1 # keep\nreplicas: 3\n', path: ['replicas'], value: 4, want: '# mine\nzeta: 1 # keep\nreplicas: 4\n' },
    { name: 'appends after existing keys', text: 'zeta: 1\n', path: ['image', 'tag'], value: 'v2', want: 'zeta: 1\nimage:\n  tag: v2\n' },
    { name: 'default value removes the override', text: 'zeta: 1\nreplicas: 3\n', path: ['replicas'], value: 2, want: 'zeta: 1\n' },
    { name: 'undefined removes the override', text: 'replicas: 3\nzeta: 1\n', path: ['replicas'], value: undefined, want: 'zeta: 1\n' },
    { name: 'prunes emptied parents', text: 'postgresql:\n  external:\n    host: db\nzeta: 1\n', path: ['postgresql', 'external', 'host'], value: '', want: 'zeta: 1\n' },
    { name: 'booleans', text: '', path: ['postgresql', 'enabled'], value: false, want: 'postgresql:\n  enabled: false\n' },
    { name: 'objects', text: '', path: ['extra'], value: { a: [1, 'b'] }, want: 'extra:\n  a:\n    - 1\n    - b\n' },
    { name: 'flow style stays flow', text: 'image: {tag: v1}\n', path: ['image', 'tag'], value: 'v2', want: 'image: { tag: v2 }\n' },
  ];
  for (const r of rows) {
    it(r.name, () => expect(setValueInText(r.text, r.path, r.value, defaults)).toBe(r.want));
  }
  it('refuses to touch text that does not parse', () => {
    expect(setValueInText('a: [1,\n', ['replicas'], 3, defaults)).toBeNull();
  });
});

describe('parseValuesText', () => {
  const rows: { name: string; text: string; ok: boolean; values?: PlainMap; line?: number }[] = [
    { name: 'empty is an empty map', text: '', ok: true, values: {} },
    { name: 'comments only', text: '# nothing\n', ok: true, values: {} },
    { name: 'a map', text: 'a:\n  b: 1\n', ok: true, values: { a: { b: 1 } } },
    { name: 'YAML 1.1 booleans as helm reads them', text: 'a: yes\nb: off\n', ok: true, values: { a: true, b: false } },
    { name: 'a list is not values', text: '- 1\n', ok: false, line: 1 },
    { name: 'bad indentation is positioned', text: 'x: 0\na: 1\n b: 2\n', ok: false, line: 2 },
    { name: 'unclosed flow', text: 'a: [1, 2\n', ok: false },
    { name: 'ordinary anchors and aliases', text: 'a: &x {b: 1}\nc: *x\n', ok: true, values: { a: { b: 1 }, c: { b: 1 } } },
    { name: 'an alias to no anchor is positioned', text: 'a: 1\nb: *nowhere\n', ok: false, line: 2 },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const got = parseValuesText(r.text);
      expect(got.ok).toBe(r.ok);
      if (got.ok) expect(got.values).toEqual(r.values);
      else if (r.line) expect(got.problems[0].line).toBe(r.line);
    });
  }
});

/** "Billion laughs": nine lines whose aliases expand to 9^9 strings. */
const ALIAS_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => {
  const prev = 'abcdefghi'[i];
  return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`;
})].join('\n') + '\n';

describe('alias bombs', () => {
  it('are a problem in the text, in helm\'s words, at the first alias', () => {
    const got = parseValuesText(ALIAS_BOMB);
    expect(got).toEqual({ ok: false, problems: [expect.objectContaining({ message: 'document contains excessive aliasing', code: 'ALIAS', line: 2, column: 8 })] });
  });
  it('pause form edits like any other broken text', () => {
    expect(setValueInText(ALIAS_BOMB, ['replicas'], 3, defaults)).toBeNull();
  });
});

describe('mergedValuesText', () => {
  it('applies overrides to the chart text, keeping its comments', () => {
    const text = '# -- Replicas.\nreplicas: 2\nimage:\n  # -- Tag.\n  tag: ""\nold: 1\n';
    expect(mergedValuesText(text, { replicas: 3, image: { tag: 'v1' }, old: null, added: true })).toBe(
      '# -- Replicas.\nreplicas: 3\nimage:\n  # -- Tag.\n  tag: "v1"\nadded: true\n',
    );
  });
});
