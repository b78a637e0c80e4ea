import { describe, expect, it } from 'vitest';
import { referenceExecute } from '../../../tests/helm/reference';
import { byteAt, byteLength, decodeRune, runeCount, runeLen, runes, sliceBytes, utf8Decode, utf8Encode } from './utf8';

describe('byte semantics', () => {
  it.each([
    ['', 0, 0],
    ['abc', 3, 3],
    ['é', 2, 1],
    ['世界', 6, 2],
    ['😀', 4, 1],
    ['a😀b', 6, 3],
    ['\ud800', 3, 1],
  ])('len(%j) = %i, runes = %i', (s, bytes, count) => {
    expect(byteLength(s)).toBe(bytes);
    expect(utf8Encode(s).length).toBe(bytes);
    expect(runeCount(s)).toBe(count);
  });

  it.each([
    [[0x41], 0x41, 1],
    [[0xc3, 0xa9], 0xe9, 2],
    [[0xc3], 0xfffd, 1],
    [[0xc0, 0x80], 0xfffd, 1],
    [[0xe0, 0x80, 0x80], 0xfffd, 1],
    [[0xed, 0xa0, 0x80], 0xfffd, 1],
    [[0xf0, 0x9f, 0x98, 0x80], 0x1f600, 4],
    [[0xf4, 0x90, 0x80, 0x80], 0xfffd, 1],
    [[0xff], 0xfffd, 1],
  ])('DecodeRune(%j) = %i width %i', (bytes, r, w) => {
    expect(decodeRune(Uint8Array.from(bytes))).toEqual([r, w]);
  });

  it('decodes each invalid byte to one U+FFFD, like ranging over a Go string', () => {
    expect(utf8Decode(Uint8Array.from([0xe4, 0xb8, 0x41, 0xff, 0xc3, 0xa9]))).toBe('\ufffd\ufffdA\ufffdé');
  });

  it.each([
    ['abc', 1, 2, 'b'],
    ['héllo', 0, 2, 'h\ufffd'],
    ['héllo', 1, 3, 'é'],
    ['héllo', 2, undefined, '\ufffdllo'],
  ])('%j[%i:%s] = %j', (s, a, b, want) => expect(sliceBytes(s, a, b)).toBe(want));

  it('panics on out-of-range slices as Go does', () => {
    expect(() => sliceBytes('abc', 0, 5)).toThrow('slice bounds out of range [:5] with length 3');
    expect(() => sliceBytes('abc', 2, 1)).toThrow('slice bounds out of range [2:1]');
  });

  it('indexes bytes and runes', () => {
    expect(byteAt('é', 1)).toBe(0xa9);
    expect(byteAt('é', 2)).toBeUndefined();
    expect(runes('a😀\ud800')).toEqual([0x61, 0x1f600, 0xfffd]);
    expect([runeLen(0x41), runeLen(0xe9), runeLen(0x4e16), runeLen(0x1f600), runeLen(0xd800), runeLen(-1)]).toEqual([1, 2, 3, 4, -1, -1]);
  });
});

describe('a lone surrogate against helm', async () => {
  // Go decodes a JSON escape of a lone surrogate as U+FFFD; a JavaScript string that still holds
  // one (a high surrogate before anything but a low one) must measure the same: 3 bytes, 1 rune.
  const cases: Array<[template: string, s: string]> = [
    ['{{ (fromJson "{\\"x\\":\\"\\\\udbff\\\\ud800x\\"}").x | len }}', '\udbff\ud800x'],
    ['{{ (fromJson "{\\"x\\":\\"\\\\ud800\\\\udc01\\\\ud800\\"}").x | len }}', '\ud800\udc01\ud800'],
    ['{{ (fromJson "{\\"x\\":\\"\\\\udc00\\"}").x | len }}', '\udc00'],
  ];
  const reference = await referenceExecute(cases.map(([template]) => ({ template })));
  it.each(cases.map((c, i) => [...c, i] as const))('%s', (_t, s, i) => {
    const ref = reference[i];
    if (!ref.ok) throw new Error(ref.error);
    expect(String(byteLength(s))).toBe(ref.output);
    expect(utf8Encode(s).length).toBe(byteLength(s));
  });
});

describe('byte slicing against helm (trunc/substr cut bytes, toJson shows U+FFFD per bad byte)', async () => {
  const cases: Array<[template: string, s: string, a: number, b: number]> = [
    ['{{ "é" | trunc 1 }}', 'é', 0, 1],
    ['{{ "世界" | trunc 2 }}', '世界', 0, 2],
    ['{{ "世界" | trunc 4 }}', '世界', 0, 4],
    ['{{ "a😀" | trunc 3 }}', 'a😀', 0, 3],
    ['{{ "héllo" | substr 2 4 }}', 'héllo', 2, 4],
    ['{{ "😀x" | substr 1 5 }}', '😀x', 1, 5],
  ];
  const reference = await referenceExecute(cases.map(([template]) => ({ template })));
  it.each(cases.map((c, i) => [...c, i] as const))('%s', (_t, s, a, b, i) => {
    const ref = reference[i];
    if (!ref.ok) throw new Error(ref.error);
    expect(sliceBytes(s, a, b)).toBe(ref.output);
  });
});
