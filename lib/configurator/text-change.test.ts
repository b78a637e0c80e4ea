import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textChange } from './text-change';

const splitsPair = (s: string, at: number): boolean => /[\ud800-\udbff]/.test(s.charAt(at - 1)) && /[\udc00-\udfff]/.test(s.charAt(at));
const apply = (before: string, c: ReturnType<typeof textChange>): string => (c ? before.slice(0, c.start) + c.text + before.slice(c.end) : before);

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
