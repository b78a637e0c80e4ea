import { describe, expect, it } from 'vitest';
import { GoError, GoInt } from '../go/value';
import { randomFuncs } from './random';

const call = (name: string, ...args: unknown[]) => randomFuncs[name].call(...(args as never[]));
const int = (n: number) => new GoInt(n, 'int');

describe('random strings use goutils alphabets', () => {
  it.each([
    ['randAlphaNum', /^[0-9A-Za-z]*$/],
    ['randAlpha', /^[A-Za-z]*$/],
    ['randNumeric', /^[0-9]*$/],
    ['randAscii', /^[\x20-\x7e]*$/],
  ])('%s', (name, alphabet) => {
    for (const n of [0, 1, 17, 200]) {
      const s = call(name, int(n)) as string;
      expect(s).toHaveLength(n);
      expect(s).toMatch(alphabet);
    }
    expect(call(name, int(-3))).toBe('');
  });

  it('covers the whole alphabet', () => {
    const s = call('randAlphaNum', int(5000)) as string;
    expect(new Set(s).size).toBe(62);
  });
});

describe('other random functions', () => {
  it('randBytes is base64 of n bytes', () => {
    for (const n of [0, 1, 2, 3, 32]) expect(Buffer.from(call('randBytes', int(n)) as string, 'base64')).toHaveLength(n);
    expect(() => call('randBytes', int(-1))).toThrow(new GoError('runtime error: makeslice: len out of range'));
  });

  it('randInt is in [min, max) and an int', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const v = call('randInt', int(-2), int(3)) as GoInt;
      expect(v.kind).toBe('int');
      seen.add(v.toNumber());
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
    expect(() => call('randInt', int(1), int(1))).toThrow(new GoError('invalid argument to Intn'));
  });

  it('shuffle permutes runes', () => {
    const s = 'héllo wörld 😀';
    const out = call('shuffle', s) as string;
    expect([...out].sort()).toEqual([...s].sort());
  });

  it('uuidv4 is a version-4 RFC 4122 UUID', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const id = call('uuidv4') as string;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(50);
  });
});
