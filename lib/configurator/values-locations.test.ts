import { describe, expect, it } from 'vitest';
import { spanText, valueLocation, valuesPathAt } from './values-locations';

const TEXT = [
  '# overrides', // 1
  'aeterna:', // 2
  '  replicas: 3', // 3
  '  image: {repository: app, tag: v1}', // 4
  '  env:', // 5
  '    - name: A', // 6
  '      value: "1"', // 7
  '    - name: B', // 8
  'empty:', // 9
  '"dotted.key": x', // 10
  'aeterna:', // 11: a duplicate key; the last one wins, as in Helm
  '  replicas: 4', // 12
  '',
].join('\n');

describe('valueLocation', () => {
  const rows: { path: (string | number)[]; key: [number, number, number, number]; value: [number, number, number, number] }[] = [
    { path: ['aeterna', 'replicas'], key: [12, 3, 12, 11], value: [12, 13, 12, 14] },
    { path: ['aeterna'], key: [11, 1, 11, 8], value: [12, 3, 13, 1] },
    { path: ['empty'], key: [9, 1, 9, 6], value: [9, 7, 9, 7] },
    { path: ['dotted.key'], key: [10, 1, 10, 13], value: [10, 15, 10, 16] },
  ];
  for (const r of rows) {
    it(`finds ${r.path.join(' › ')}`, () => {
      const loc = valueLocation(TEXT, r.path);
      expect(loc && [loc.key.line, loc.key.column, loc.key.endLine, loc.key.endColumn]).toEqual(r.key);
      expect(loc && [loc.value.line, loc.value.column, loc.value.endLine, loc.value.endColumn]).toEqual(r.value);
    });
  }
  it('finds keys in flow maps and items of lists (by number or digit string)', () => {
    const dup = 'a:\n  image: {repository: app, tag: v1}\n  env:\n    - name: A\n    - name: B\n';
    expect(valueLocation(dup, ['a', 'image', 'tag'])?.key).toEqual({ line: 2, column: 28, endLine: 2, endColumn: 31 });
    expect(valueLocation(dup, ['a', 'env', 1])?.key.line).toBe(5);
    expect(valueLocation(dup, ['a', 'env', '1', 'name'])?.value).toEqual({ line: 5, column: 13, endLine: 5, endColumn: 14 });
  });
  it('is null where the text does not set the path, or does not parse', () => {
    expect(valueLocation(TEXT, ['aeterna', 'image'])).toBeNull(); // only the first `aeterna:` has it
    expect(valueLocation(TEXT, ['missing'])).toBeNull();
    expect(valueLocation(TEXT, ['aeterna', 'replicas', 'x'])).toBeNull();
    expect(valueLocation('a: [1,\n', ['a'])).toBeNull();
    expect(valueLocation(TEXT, [])).toBeNull();
  });
});

describe('valuesPathAt', () => {
  const text = 'aeterna:\n  replicas: 3\n  image: {repository: app, tag: v1}\n  env:\n    - name: A\n      value: "1"\n    - name: B\nempty:\n';
  const rows: { at: [number, number]; want: (string | number)[] | null }[] = [
    { at: [1, 1], want: ['aeterna'] },
    { at: [1, 9], want: ['aeterna'] }, // after the key, its value starts on the next line
    { at: [2, 1], want: ['aeterna', 'replicas'] }, // in the indentation
    { at: [2, 5], want: ['aeterna', 'replicas'] },
    { at: [2, 14], want: ['aeterna', 'replicas'] },
    { at: [3, 12], want: ['aeterna', 'image', 'repository'] },
    { at: [3, 33], want: ['aeterna', 'image', 'tag'] },
    { at: [5, 9], want: ['aeterna', 'env', 0, 'name'] },
    { at: [6, 14], want: ['aeterna', 'env', 0, 'value'] },
    { at: [7, 5], want: ['aeterna', 'env', 1, 'name'] }, // on the dash of a one-key item
    { at: [8, 3], want: ['empty'] },
    { at: [9, 1], want: null },
  ];
  for (const r of rows) it(`line ${r.at[0]}, column ${r.at[1]}`, () => expect(valuesPathAt(text, ...r.at)).toEqual(r.want));
  it('is null in a text that does not parse', () => expect(valuesPathAt('a: [1,\n', 1, 1)).toBeNull());
});

describe('spanText', () => {
  it('reads a span on one line and across lines', () => {
    const text = 'ab\ncdef\ngh\n';
    expect(spanText(text, { line: 2, column: 2, endLine: 2, endColumn: 4 })).toBe('de');
    expect(spanText(text, { line: 1, column: 2, endLine: 3, endColumn: 2 })).toBe('b\ncdef\ng');
  });
});
