import { describe, expect, it } from 'vitest';
import { maskGenerated } from './generated';

describe('maskGenerated', () => {
  it.each([
    ['identical renders stay as they are', 'a: 1\nb: 2', 'a: 1\nb: 2', 'a: 1\nb: 2'],
    ['a random password keeps its key and quotes', 'password: "QWxhZGRpbjpvcGVu"\nx: 1', 'password: "c2VjcmV0c2VjcmV0"\nx: 1', 'password: "(generated)"\nx: 1'],
    // Two random strings starting with the same letter by chance: the shared letter is masked too.
    ['a prefix shared by chance is masked', 'token: abcdef', 'token: axyzuv', 'token: (generated)'],
    ['a key with as many lines masks each line', 'k: |\n  AAAA\n  BBBB\nz: 1', 'k: |\n  CCCC\n  DDDD\nz: 1', 'k: |\n  (generated)\n  (generated)\nz: 1'],
    ['a key whose line count differs becomes one line', 'k: |\n  AAAA\n  BBBB\n  CC\nz: 1', 'k: |\n  DDDD\n  EE\nz: 1', 'k: |\n  (generated)\nz: 1'],
    ['a timestamp is masked to its value', "at: '2026-01-01T00:00:00Z'", "at: '2026-01-02T00:00:00Z'", "at: '(generated)'"],
  ])('%s', (_name, a, b, masked) => {
    expect(maskGenerated(a, b)).toBe(masked);
  });

  it('masks the same way whichever render it starts from, so two charts compare equal', () => {
    const one = 'p: "abc"\n';
    const two = 'p: "xyz"\n';
    const three = 'p: "qrs"\n';
    expect(maskGenerated(one, two)).toBe(maskGenerated(three, two));
  });
});
