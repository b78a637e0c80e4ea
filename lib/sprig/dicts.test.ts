import { describe, expect, it } from 'vitest';
import { goMap, toPlain, typeInfoOf, withType, type GoMap, type GoValue } from '../go/value';
import { dictFuncs } from './dicts';

const call = (name: string, ...args: GoValue[]): GoValue => dictFuncs[name].call(...args);

describe('dict functions', () => {
  it('set, unset and merge change and return their first argument', () => {
    const d = goMap({ a: 1 });
    expect(call('set', d, 'b', 2)).toBe(d);
    expect(call('unset', d, 'a')).toBe(d);
    expect(call('merge', d, goMap({ c: 3 }))).toBe(d);
    expect(toPlain(d)).toEqual({ b: 2, c: 3 });
  });
  it('returns keys and values in key order', () => {
    const d = goMap({ z: 1, a: 2, m: 3 });
    expect(call('keys', d)).toEqual(['a', 'm', 'z']);
    expect(call('values', d)).toEqual([2, 3, 1]);
  });
  it('deep-copies nested maps and lists, keeping their Go types', () => {
    const inner = goMap({ x: [1] });
    const vals = withType(goMap({ inner }), { name: 'chartutil.Values' });
    const copy = call('deepCopy', vals) as GoMap;
    expect(typeInfoOf(copy)?.name).toBe('chartutil.Values');
    expect(copy.get('inner')).not.toBe(inner);
    expect(toPlain(copy)).toEqual(toPlain(vals));
  });
  it.each([
    [['a', 'd', withType(goMap({}), { name: 'chartutil.Values' })], 'interface conversion: interface {} is chartutil.Values, not map[string]interface {}'],
    [['a', 'b', 'd', goMap({ a: null })], 'interface conversion: interface {} is nil, not map[string]interface {}'],
    [['a', 'd'], 'dig needs at least three arguments'],
  ] as const)('dig %#', (args, message) => {
    expect(() => call('dig', ...(args as unknown as GoValue[]))).toThrow(message);
  });
});
