import { describe, expect, it } from 'vitest';
import { GoInt, goMap, toPlain, type GoMap, type GoValue } from '../go/value';
import { mergeMaps } from './merge';

const m = (o: Record<string, GoValue>): GoMap => goMap(o);

describe('mergeMaps (mergo.Merge / MergeWithOverwrite)', () => {
  it.each([
    ['fills empty values only', false, { a: 1, b: '', c: 0, d: false, e: null }, { a: 2, b: 'x', c: 3, d: true, e: 4, f: 5 }, { a: 1, b: 'x', c: 3, d: true, e: 4, f: 5 }],
    ['skips nil sources', false, { a: 1 }, { a: null, b: null }, { a: 1 }],
    ['overwrite sets nil', true, { a: 1 }, { a: null, b: null }, { a: null, b: null }],
    ['overwrite takes empty scalars', true, { a: 1, b: true }, { a: 0, b: false }, { a: 0, b: false }],
    ['keeps non-empty lists', false, { l: [1] }, { l: [2] }, { l: [1] }],
    ['fills empty lists', false, { l: [] }, { l: [2] }, { l: [2] }],
    ['overwrite replaces lists', true, { l: [1, 2] }, { l: [] }, { l: [] }],
    ['keeps a scalar over a map', false, { s: 'x' }, { s: m({ a: 1 }) }, { s: 'x' }],
    ['overwrite replaces a scalar with a map', true, { s: 'x' }, { s: m({ a: 1 }) }, { s: { a: 1 } }],
    ['overwrite replaces a map with a scalar', true, { s: m({ a: 1 }) }, { s: 'x' }, { s: 'x' }],
  ] as const)('%s', (_, overwrite, dst, src, want) => {
    const d = m(structuredClone(dst) as Record<string, GoValue>);
    mergeMaps(d, m(src as Record<string, GoValue>), overwrite);
    expect(toPlain(d)).toEqual(want);
  });

  it('merges nested maps in place', () => {
    const inner = m({ x: 1, y: new GoInt(0, 'int') });
    const dst = m({ n: inner });
    mergeMaps(dst, m({ n: m({ y: 2, z: 3 }) }), false);
    expect(dst.get('n')).toBe(inner);
    expect(toPlain(inner)).toEqual({ x: 1, y: 2, z: 3 });
  });

  it('recurses into an empty destination map before replacing it', () => {
    const empty = m({});
    const dst = m({ a: empty });
    mergeMaps(dst, m({ a: m({ k: 1 }) }), false);
    expect(toPlain(empty)).toEqual({ k: 1 });
  });
});
