import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textChange, textChanges, type TextChange } from './text-change';

const splitsPair = (s: string, at: number): boolean => /[\ud800-\udbff]/.test(s.charAt(at - 1)) && /[\udc00-\udfff]/.test(s.charAt(at));
const apply = (before: string, c: ReturnType<typeof textChange>): string => (c ? before.slice(0, c.start) + c.text + before.slice(c.end) : before);
const applyAll = (before: string, cs: TextChange[]): string => cs.reduceRight((text, c) => apply(text, c), before);

describe('textChange', () => {
  it.each([
    ['equal texts', 'a: 1\n', 'a: 1\n', null],
    ['a changed value', 'a: 1\nb: 2\n', 'a: 1\nb: 3\n', { start: 8, end: 9, text: '3' }],
    ['an insertion', 'ab', 'axb', { start: 1, end: 1, text: 'x' }],
    ['a deletion', 'axb', 'ab', { start: 1, end: 2, text: '' }],
    ['a repeated character', 'aaa', 'aaaa', { start: 3, end: 3, text: 'a' }],
    ['from empty', '', 'k: v', { start: 0, end: 0, text: 'k: v' }],
    ['to empty', 'k: v', '', { start: 0, end: 4, text: '' }],
    ['a surrogate pair', 'x\u{1F600}y', 'x\u{1F601}y', { start: 1, end: 3, text: '\u{1F601}' }],
    // Prefix and suffix each take one half of the remaining pair; the change is the first pair only.
    ['a pair dropped before a pair sharing its high half', '\u{10400}\u{10401}', '\u{10401}', { start: 0, end: 2, text: '' }],
    ['a pair inserted before a pair sharing its high half', '\u{10401}', '\u{10400}\u{10401}', { start: 0, end: 0, text: '\u{10400}' }],
  ])('%s', (_name, before, after, expected) => {
    expect(textChange(before, after)).toEqual(expected);
  });

  it('applying the change gives the new text, splits no pair, and is no larger than needed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (head, a, b, tail) => {
        const before = head + a + tail;
        const after = head + b + tail;
        const c = textChange(before, after);
        expect(apply(before, c)).toBe(after);
        if (c) expect([c.start, c.end].some((at) => splitsPair(before, at))).toBe(false);
        if (c) expect(c.end - c.start).toBeLessThanOrEqual(a.length);
      }),
      // The case that once split a pair: the suffix took back a half the prefix had given up.
      { numRuns: 2000, examples: [['', '\u{10400}', '', '\u{10401}']] },
    );
  });
});

describe('textChanges', () => {
  const stream = (label: string, replicas = 1): string =>
    Array.from({ length: 4 }, (_, i) => `---\nkind: Deployment\nmetadata:\n  name: app-${i}\n  labels:\n    app: ${label}\nspec:\n  replicas: ${replicas}\n`).join('');

  it.each<[string, string, string, TextChange[]]>([
    ['equal texts', 'a: 1\n', 'a: 1\n', []],
    ['one changed value: its span, as textChange gives it', 'a: 1\nb: 2\n', 'a: 1\nb: 3\n', [{ start: 8, end: 9, text: '3' }]],
    ['a line added: one span', 'a: 1\nb: 2\n', 'a: 1\nx: 0\nb: 2\n', [{ start: 5, end: 5, text: 'x: 0\n' }]],
  ])('%s', (_name, before, after, expected) => {
    expect(textChanges(before, after)).toEqual(expected);
  });

  it('a value repeated in every document: one replacement per changed line, nothing between them', () => {
    const before = stream('web');
    const changes = textChanges(before, stream('api'));
    expect(changes).toHaveLength(4);
    for (const c of changes) expect(before.slice(c.start, c.end)).toBe('    app: web');
    expect(changes.map((c) => c.text)).toEqual(Array(4).fill('    app: api'));
  });

  it('adjacent changed lines are one replacement', () => {
    const before = 'a: 1\nb: 1\nc: 1\nd: 1\ne: 1\nf: 1\ng: 1\nh: 1';
    expect(textChanges(before, before.replace('a: 1\nb: 1', 'a: 2\nb: 2').replace('h: 1', 'h: 2'))).toEqual([
      { start: 0, end: 9, text: 'a: 2\nb: 2' },
      { start: 35, end: 39, text: 'h: 2' },
    ]);
  });

  it('a change at the very start after a leading newline keeps that newline', () => {
    const before = '\na: 1\na: 1\na: 1\na: 1\na: 1\na: 1\na: 1';
    const after = 'a: 1\na: 1\na: 1\na: 1\na: 1\na: 1\na: 2';
    expect(applyAll(before, textChanges(before, after))).toBe(after);
  });

  it('most lines changed: the one span', () => {
    expect(textChanges('a: 1\nb: 1\nc: 1', 'a: 2\nb: 2\nc: 2')).toEqual([textChange('a: 1\nb: 1\nc: 1', 'a: 2\nb: 2\nc: 2')]);
  });

  it('applying the changes gives the new text; they are sorted, apart, and split no pair', () => {
    const line = fc.array(fc.constantFrom('a: 1', 'a: 2', 'b: \u{10400}', 'b: \u{10401}', ''), { maxLength: 12 }).map((ls) => ls.join('\n'));
    fc.assert(
      fc.property(line, line, (before, after) => {
        const cs = textChanges(before, after);
        expect(applyAll(before, cs)).toBe(after);
        cs.forEach((c, i) => {
          expect(c.start).toBeLessThanOrEqual(c.end);
          if (i > 0) expect(c.start).toBeGreaterThan(cs[i - 1].end);
          expect([c.start, c.end].some((at) => splitsPair(before, at))).toBe(false);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
