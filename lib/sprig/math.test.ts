import { describe, expect, it } from 'vitest';
import { GoInt, type GoValue } from '../go/value';
import { mathFuncs, untilStep } from './math';

const int = (n: number | bigint): GoInt => new GoInt(n, 'int');
const call = (name: string, ...args: GoValue[]): GoValue => mathFuncs[name].call(...args);
const nums = (l: GoValue): number[] => (l as GoInt[]).map((x) => x.toNumber());

describe('untilStep', () => {
  it.each([
    [0, 5, 1, [0, 1, 2, 3, 4]],
    [0, 10, 3, [0, 3, 6, 9]],
    [10, 0, -4, [10, 6, 2]],
    [0, 10, -1, []],
    [10, 0, 1, []],
    [0, 5, 0, []],
  ])('%d..%d by %d', (a, b, c, want) => expect(nums(untilStep(a, b, c))).toEqual(want));
});

describe('integer arithmetic (cast.ToInt64, int64 results)', () => {
  it.each<[string, GoValue[], bigint]>([
    ['add', [1.9, '2', true, null], 4n],
    ['add1', [int(9223372036854775807n)], -9223372036854775808n],
    ['sub', ['10', 2.5], 8n],
    ['div', [int(-7), int(2)], -3n],
    ['div', [int(-9223372036854775808n), int(-1)], -9223372036854775808n],
    ['mod', [int(-7), int(3)], -1n],
    ['mul', [int(4294967296), int(4294967296)], 0n],
    ['max', ['x', int(-1)], 0n],
    ['min', ['-5', '3'], -5n],
  ])('%s %#', (name, args, want) => {
    const r = call(name, ...args) as GoInt;
    expect([r.kind, r.v]).toEqual(['int64', want]);
  });

  it('panics on division by zero', () => {
    expect(() => call('div', int(1), int(0))).toThrow('runtime error: integer divide by zero');
    expect(() => call('mod', int(1), null)).toThrow('runtime error: integer divide by zero');
  });
});

describe('float functions', () => {
  it.each<[string, GoValue[], number]>([
    ['addf', [0.1, 0.2], 0.3],
    ['subf', [1, 0.9], 0.1],
    ['mulf', [1.1, int(3)], 3.3],
    ['divf', [int(2), int(3)], 0.6666666666666667],
    ['add1f', ['1.5'], 2.5],
    ['maxf', [int(1), 2.5], 2.5],
    ['minf', [int(1), -0.5], -0.5],
    ['floor', ['3.9'], 3],
    ['ceil', [-1.7], -1],
    ['round', [2.5, int(0)], 3],
    ['round', [-2.5, int(0)], -3],
    ['round', [1.15, int(1), 0.6], 1.1],
  ])('%s %#', (name, args, want) => expect(call(name, ...args)).toBe(want));
});

describe('seq', () => {
  it.each([
    [[5], '1 2 3 4 5'],
    [[-2], '1 0 -1 -2'],
    [[2, 5], '2 3 4 5'],
    [[0, 2, 10], '0 2 4 6 8 10'],
    [[10, 3, 1], ''],
    [[1, 2, 3, 4], ''],
  ])('%j', (args, want) => expect(call('seq', ...args.map(int))).toBe(want));
});

describe('runaway ranges', () => {
  const call = (name: string, ...args: GoValue[]) => mathFuncs[name].call(...args);
  it.each([
    ['until', [new GoInt(50_000_000)]],
    ['untilStep', [new GoInt(0), new GoInt(2_000_001), new GoInt(1)]],
    ['seq', [new GoInt(3_000_000)]],
  ] as const)('%s stops with a clear error instead of building millions of items', (name, args) => {
    expect(() => call(name, ...args)).toThrow(/more than chartroom renders \(at most 1000000\)/);
  });
  it('still builds a range at the limit', () => {
    expect((call('until', new GoInt(1_000_000)) as GoValue[]).length).toBe(1_000_000);
  });
});
