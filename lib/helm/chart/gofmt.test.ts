/** Go's number and %v printing as Helm's messages use them (expected texts are Go's). */
import { describe, expect, it } from 'vitest';
import { GoInt, stringSlice } from '../../go/value';
import { formatFloatG, formatV } from './gofmt';

describe('strconv.FormatFloat(f, g, -1, 64)', () => {
  const ROWS: [number, string][] = [
    [0, '0'],
    [-0, '-0'],
    [1, '1'],
    [1.5, '1.5'],
    [100000, '100000'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [-2.5e-7, '-2.5e-07'],
    [1e21, '1e+21'],
    [123456789012, '1.23456789012e+11'],
    [0.1 + 0.2, '0.30000000000000004'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ];
  it.each(ROWS)('%d → %s', (f, want) => expect(formatFloatG(f, 64)).toBe(want));
});

describe('strconv.FormatFloat(f, g, -1, 32)', () => {
  const ROWS: [number, string][] = [
    [1.1, '1.1'],
    [1.10, '1.1'],
    [0.1, '0.1'],
    [3.14159265358979, '3.1415927'],
    [16777217, '1.6777216e+07'],
    [1000, '1000'],
  ];
  it.each(ROWS)('%d → %s', (f, want) => expect(formatFloatG(f, 32)).toBe(want));
});

describe('%v', () => {
  it('prints maps sorted, slices spaced, nil as <nil>', () => {
    const m = new Map<string, never>([
      ['b', 2 as never],
      ['a', new Map([['x', null]]) as never],
    ]);
    expect(formatV(m)).toBe('map[a:map[x:<nil>] b:2]');
    expect(formatV(stringSlice(['a', 'b']))).toBe('[a b]');
    expect(formatV([new GoInt(3n, 'int64'), true, 'x', 1e6])).toBe('[3 true x 1e+06]');
    expect(formatV(null)).toBe('<nil>');
  });
});
