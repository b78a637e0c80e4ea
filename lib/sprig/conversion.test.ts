import { describe, expect, it } from 'vitest';
import { GoInt, stringSlice, typeInfoOf, type GoValue } from '../go/value';
import { castToFloat64, castToInt64, float64ToInt64, strslice, strval } from './conversion';

describe('cast.ToInt64', () => {
  it.each<[GoValue, bigint]>([
    [null, 0n],
    [undefined, 0n],
    [true, 1n],
    [false, 0n],
    [1.9, 1n],
    [-1.9, -1n],
    [1e20, -9223372036854775808n],
    [NaN, -9223372036854775808n],
    ['42', 42n],
    ['1.000', 1n],
    ['1.', 0n],
    ['1.5', 0n],
    ['0x10', 16n],
    ['010', 8n],
    ['', 0n],
    [new GoInt(7, 'uint8'), 7n],
    [new GoInt(-1n, 'uint64'), -1n],
    [[1], 0n],
    [new Map(), 0n],
  ])('case %#', (v, want) => expect(castToInt64(v)).toBe(want));
});

describe('cast.ToFloat64', () => {
  it.each<[GoValue, number]>([
    [null, 0],
    [true, 1],
    [2.5, 2.5],
    ['1e3', 1000],
    ['0x10', 0],
    ['1e400', 0],
    ['NaN', NaN],
    [new GoInt(3, 'int'), 3],
    [[1], 0],
  ])('case %#', (v, want) => expect(castToFloat64(v)).toBe(want));
});

describe('float64ToInt64', () => {
  it('truncates toward zero and saturates like amd64', () => {
    expect(float64ToInt64(-0.5)).toBe(0n);
    expect(float64ToInt64(9007199254740993)).toBe(9007199254740992n);
    expect(float64ToInt64(-Infinity)).toBe(-9223372036854775808n);
  });
});

describe('strval and strslice', () => {
  it('prints bytes as text and other values with %v', () => {
    expect(strval(new TextEncoder().encode('hé'))).toBe('hé');
    expect(strval(1e6)).toBe('1e+06');
    expect(strval(null)).toBe('<nil>');
  });
  it('drops nils from lists, keeps []string as is, and types the result []string', () => {
    const s = stringSlice(['a']);
    expect(strslice(s)).toBe(s);
    const out = strslice([1, null, 'x']);
    expect(out).toEqual(['1', 'x']);
    expect(typeInfoOf(out)?.name).toBe('[]string');
    expect(strslice(new Uint8Array([104, 105]))).toEqual(['104', '105']);
    expect(strslice(null)).toEqual([]);
  });
});
