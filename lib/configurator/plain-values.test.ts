import { describe, expect, it } from 'vitest';
import { diffFromDefaults, getIn, mergeOverDefaults, plainEqual, type PlainMap } from './plain-values';

const defaults: PlainMap = { a: 1, m: { x: 1, y: [1, 2] }, gone: 'x' };

describe('merge and diff', () => {
  const rows: { name: string; overrides: PlainMap; merged: PlainMap }[] = [
    { name: 'nothing', overrides: {}, merged: defaults },
    { name: 'leaf', overrides: { a: 2 }, merged: { ...defaults, a: 2 } },
    { name: 'nested leaf', overrides: { m: { x: 5 } }, merged: { ...defaults, m: { x: 5, y: [1, 2] } } },
    { name: 'lists replace', overrides: { m: { y: [3] } }, merged: { ...defaults, m: { x: 1, y: [3] } } },
    { name: 'null deletes', overrides: { gone: null }, merged: { a: 1, m: { x: 1, y: [1, 2] } } },
    { name: 'new keys', overrides: { n: { k: 'v' } }, merged: { ...defaults, n: { k: 'v' } } },
  ];
  for (const r of rows) {
    it(`${r.name}: merge`, () => expect(mergeOverDefaults(defaults, r.overrides)).toEqual(r.merged));
    it(`${r.name}: diff is the inverse`, () => expect(diffFromDefaults(defaults, r.merged)).toEqual(r.overrides));
  }
});

describe('helpers', () => {
  it('plainEqual ignores key order', () => expect(plainEqual({ a: 1, b: [1] }, { b: [1], a: 1 })).toBe(true));
  it('plainEqual tells lists from maps', () => expect(plainEqual([], {})).toBe(false));
  it('getIn walks maps and lists', () => expect(getIn({ a: [{ b: 3 }] }, ['a', 0, 'b'])).toBe(3));
  it('getIn of a missing path', () => expect(getIn({ a: 1 }, ['a', 'b'])).toBeUndefined());
});
