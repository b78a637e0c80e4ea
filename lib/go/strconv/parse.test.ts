import { describe, expect, it } from 'vitest';
import { atoi, NumError, parseFloat, parseInt } from './parse';

type Outcome<T> = { value: T; err: 'syntax' | 'range' | null };

/** The parse as Go callers see it: the value, and which error came with it. */
function outcome<T extends bigint | number>(parse: () => T, zero: T): Outcome<T> {
  try {
    return { value: parse(), err: null };
  } catch (e) {
    if (!(e instanceof NumError)) throw e;
    if (e.isRange) return { value: (typeof zero === 'bigint' ? BigInt(e.value) : Number(e.value)) as T, err: 'range' };
    return { value: zero, err: 'syntax' };
  }
}
const parseInt64 = (s: string, base: number) => outcome(() => parseInt(s, base, 64), 0n);
const parseFloat64 = (s: string) => outcome(() => parseFloat(s), 0);
const atoiOutcome = (s: string) => outcome(() => atoi(s), 0n);

describe('parseInt64 (strconv.ParseInt)', () => {
  it.each([
    ['42', 0, 42n, null],
    ['-0x1F', 0, -31n, null],
    ['0o17', 0, 15n, null],
    ['017', 0, 15n, null],
    ['0b101', 0, 5n, null],
    ['0', 0, 0n, null],
    ['1_000', 0, 1000n, null],
    ['0x_1f', 0, 31n, null],
    ['1__0', 0, 0n, 'syntax'],
    ['_1', 0, 0n, 'syntax'],
    ['1_', 0, 0n, 'syntax'],
    ['1_000', 10, 0n, 'syntax'],
    ['08', 0, 0n, 'syntax'],
    ['0x', 0, 0n, 'syntax'],
    ['', 0, 0n, 'syntax'],
    [' 1', 0, 0n, 'syntax'],
    ['9223372036854775807', 0, 9223372036854775807n, null],
    ['9223372036854775808', 0, 9223372036854775807n, 'range'],
    ['-9223372036854775808', 0, -9223372036854775808n, null],
    ['755', 8, 493n, null],
    ['8', 8, 0n, 'syntax'],
  ] as const)('%s base %d', (s, base, value, err) => {
    expect(parseInt64(s, base)).toEqual({ value, err });
  });
});

describe('atoi (strconv.Atoi)', () => {
  it.each([
    ['42', 42n, null],
    ['+5', 5n, null],
    ['-007', -7n, null],
    ['4.2', 0n, 'syntax'],
    ['0x10', 0n, 'syntax'],
    ['99999999999999999999', 9223372036854775807n, 'range'],
    ['-99999999999999999999', -9223372036854775808n, 'range'],
  ] as const)('%s', (s, value, err) => {
    expect(atoiOutcome(s)).toEqual({ value, err });
  });
});

describe('parseFloat64 (strconv.ParseFloat)', () => {
  it.each([
    ['1.5', 1.5, null],
    ['.5', 0.5, null],
    ['5.', 5, null],
    ['1e3', 1000, null],
    ['1_0.5', 10.5, null],
    ['0x1p-2', 0.25, null],
    ['0x1.8p1', 3, null],
    ['inf', Infinity, null],
    ['-Infinity', -Infinity, null],
    ['NaN', NaN, null],
    ['1e400', Infinity, 'range'],
    ['0x10', 0, 'syntax'],
    ['abc', 0, 'syntax'],
    ['', 0, 'syntax'],
    ['.', 0, 'syntax'],
    ['e5', 0, 'syntax'],
    [' 1', 0, 'syntax'],
  ] as const)('%s', (s, value, err) => {
    expect(parseFloat64(s)).toEqual({ value, err });
  });
});
