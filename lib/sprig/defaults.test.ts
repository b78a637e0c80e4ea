import { describe, expect, it } from 'vitest';
import { GoInt, GoStruct, GoTime, goMap, type GoValue } from '../go/value';
import { isEmpty } from './defaults';
import { deepEqual } from './reflect';

describe('empty', () => {
  it.each<[string, GoValue, boolean]>([
    ['nil', null, true],
    ['missing', undefined, true],
    ['""', '', true],
    ['"0"', '0', false],
    ['0.0', 0, true],
    ['-0.0', -0, true],
    ['NaN', NaN, false],
    ['int 0', new GoInt(0, 'int'), true],
    ['uint8 1', new GoInt(1, 'uint8'), false],
    ['[]', [], true],
    ['[]byte{}', new Uint8Array(), true],
    ['{}', goMap(), true],
    ['false', false, true],
    ['struct', new GoStruct({ name: 'x.T' }, [], false), false],
    ['time', new GoTime(0), false],
  ])('%s', (_, v, want) => expect(isEmpty(v)).toBe(want));
});

describe('deepEqual (reflect.DeepEqual)', () => {
  it.each<[string, GoValue, GoValue, boolean]>([
    ['int vs int64', new GoInt(1, 'int'), new GoInt(1, 'int64'), false],
    ['float vs int', 1, new GoInt(1, 'int'), false],
    ['NaN', NaN, NaN, false],
    ['nested maps', goMap({ a: [1, goMap({ b: 'x' })] }), goMap({ a: [1, goMap({ b: 'x' })] }), true],
    ['map sizes', goMap({ a: 1 }), goMap({ a: 1, b: 2 }), false],
    ['nil and missing', null, undefined, true],
    ['bytes', new Uint8Array([1]), new Uint8Array([1]), true],
  ])('%s', (_, a, b, want) => expect(deepEqual(a, b)).toBe(want));
});
