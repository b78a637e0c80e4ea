import { describe, expect, it } from 'vitest';
import { GoInt, stringSlice, typeInfoOf, type GoValue } from '../go/value';
import { listFuncs } from './lists';

const call = (name: string, ...args: GoValue[]): GoValue => listFuncs[name].call(...args);

describe('list functions on Go slice types', () => {
  it('reads []byte items as uint8', () => {
    expect(call('first', new Uint8Array([7, 8]))).toEqual(new GoInt(7, 'uint8'));
    expect(call('reverse', new Uint8Array([1, 2]))).toEqual([new GoInt(2, 'uint8'), new GoInt(1, 'uint8')]);
  });
  it('returns []interface{} from any list', () => {
    const out = call('append', stringSlice(['a']), 'b') as GoValue[];
    expect(out).toEqual(['a', 'b']);
    expect(typeInfoOf(out)).toBeUndefined();
  });
  it('keeps the list type through slice', () => {
    const out = call('slice', stringSlice(['a', 'b', 'c']), new GoInt(1, 'int')) as GoValue[];
    expect(out).toEqual(['b', 'c']);
    expect(typeInfoOf(out)?.name).toBe('[]string');
  });
  it('does not change its input', () => {
    const input = [3, 1, 2];
    call('reverse', input);
    call('without', input, 1);
    expect(input).toEqual([3, 1, 2]);
  });
  it.each([
    ['first', ['x'], 'Cannot find first on type string'],
    ['mustLast', [1.5], 'Cannot find last on type float64'],
    ['rest', [new Map()], 'Cannot find rest on type map'],
    ['first', [null], 'runtime error: invalid memory address or nil pointer dereference'],
    ['chunk', [new GoInt(0, 'int'), [1]], 'runtime error: makeslice: len out of range'],
    ['slice', [[1, 2], new GoInt(3, 'int')], 'reflect.Value.Slice: slice index out of bounds'],
  ] as const)('%s fails like Go', (name, args, message) => {
    expect(() => call(name, ...(args as unknown as GoValue[]))).toThrow(message);
  });
  it('marks the must* variants as returning errors', () => {
    for (const [name, fn] of Object.entries(listFuncs)) expect(fn.returnsError ?? false).toBe(name.startsWith('must'));
  });
});
