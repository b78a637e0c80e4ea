import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textChange } from './text-change';

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
  ])('%s', (_name, before, after, expected) => {
    expect(textChange(before, after)).toEqual(expected);
  });

  it('applying the change gives the new text, and the change is no larger than needed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (head, a, b, tail) => {
        const before = head + a + tail;
        const after = head + b + tail;
        const c = textChange(before, after);
        expect(apply(before, c)).toBe(after);
        if (c) expect(c.end - c.start).toBeLessThanOrEqual(a.length + 1);
      }),
    );
  });
});
