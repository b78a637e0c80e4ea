/** CoalesceTables / MergeTables and CoalesceValues on hand-built charts: one row per rule. */
import { describe, expect, it } from 'vitest';
import { fromPlain, toPlain, type GoMap } from '../../go/value';
import { addDependency, emptyMetadata, newChart, type Chart } from '../chart/chart';
import { coalesceTables, coalesceValues, mergeTables, mergeValues } from './coalesce';
import { isCompatibleRange } from './compatible';

const m = (o: object): GoMap => fromPlain(o) as GoMap;

function chart(name: string, values: object, ...subs: Chart[]): Chart {
  const c = newChart({ ...emptyMetadata(), name, version: '0.1.0', apiVersion: 'v2' });
  c.values = m(values);
  addDependency(c, ...subs);
  return c;
}

describe('coalesceTables / mergeTables', () => {
  const ROWS: [string, object, object, object, object, string[]][] = [
    // name, dst, src, coalesced, merged, warnings
    ['dst wins on scalars', { a: 1 }, { a: 2, b: 3 }, { a: 1, b: 3 }, { a: 1, b: 3 }, []],
    ['tables merge deeply', { t: { a: 1 } }, { t: { b: 2 } }, { t: { a: 1, b: 2 } }, { t: { a: 1, b: 2 } }, []],
    ['null in dst deletes only when coalescing', { a: null }, { a: 1 }, {}, { a: null }, []],
    ['null in dst without src key stays', { a: null }, {}, { a: null }, { a: null }, []],
    ['scalar over table warns', { t: 1 }, { t: { x: 1 } }, { t: 1 }, { t: 1 }, ['warning: cannot overwrite table with non table for t (map[x:1])']],
    ['table over scalar warns', { t: { x: 1 } }, { t: 5 }, { t: { x: 1 } }, { t: { x: 1 } }, ['warning: destination for t is a table. Ignoring non-table value (5)']],
    ['table over null src is quiet', { t: { x: 1 } }, { t: null }, { t: { x: 1 } }, { t: { x: 1 } }, []],
  ];
  it.each(ROWS)('%s', (_n, dst, src, coalesced, merged, warnings) => {
    const w: string[] = [];
    expect(toPlain(coalesceTables(m(dst), m(src), (x) => w.push(x)))).toEqual(coalesced);
    expect(toPlain(mergeTables(m(dst), m(src)))).toEqual(merged);
    expect(w).toEqual(warnings);
  });
  it('nil sides', () => {
    expect(coalesceTables(null, m({ a: 1 }))).toEqual(m({ a: 1 }));
    expect(coalesceTables(m({ a: 1 }), null)).toEqual(m({ a: 1 }));
  });
});

describe('coalesceValues', () => {
  it('does not modify the chart or the user values', () => {
    const c = chart('top', { a: { b: 1 } });
    const user = m({ a: { c: 2 } });
    const out = coalesceValues(c, user);
    expect(toPlain(out)).toEqual({ a: { b: 1, c: 2 } });
    expect(toPlain(c.values)).toEqual({ a: { b: 1 } });
    expect(toPlain(user)).toEqual({ a: { c: 2 } });
  });
  it('gives every subchart a section and the globals', () => {
    const c = chart('top', { global: { g: 1 } }, chart('sub', { v: 1 }));
    expect(toPlain(coalesceValues(c, null))).toEqual({ global: { g: 1 }, sub: { v: 1, global: { g: 1 } } });
  });
  it('merge keeps nulls that coalescing drops', () => {
    const c = chart('top', { a: 1 });
    expect(toPlain(coalesceValues(c, m({ a: null })))).toEqual({});
    expect(toPlain(mergeValues(c, m({ a: null })))).toEqual({ a: null });
  });
  it('names the chart path in warnings', () => {
    const w: string[] = [];
    coalesceValues(chart('top', {}, chart('sub', { t: 1 })), m({ sub: { t: { x: 1 } } }), (x) => w.push(x));
    expect(w).toEqual(['warning: skipped value for top.sub.t: Not a table.']);
  });
  it('a non-map subchart section is an error with %t formatting', () => {
    expect(() => coalesceValues(chart('top', {}, chart('sub', {})), m({ sub: 'x' }))).toThrow('type mismatch on sub: %!t(string=x)');
  });
});

describe('isCompatibleRange', () => {
  const ROWS: [string, string, boolean][] = [
    ['0.1.0', '0.1.0', true],
    ['^1.2.0', '1.9.9', true],
    ['~1.2', '1.3.0', false],
    ['>=1.0.0, <2.0.0', '1.5.0', true],
    ['>= 1.0.0 < 2.0.0', '2.0.0', false],
    ['1.x || 3.x', '3.1.0', true],
    ['>=1.0.0', '1.1.0-beta', false],
    ['>=1.0.0-0', '1.1.0-beta', true],
    ['', '1.0.0', false],
    ['1.0.0', 'not-a-version', false],
  ];
  it.each(ROWS)('%s ∋ %s', (c, v, want) => expect(isCompatibleRange(c, v, '3.17')).toBe(want));
  // Helm 4's semver lets a prerelease through an AND group when any comparator of it names one.
  it.each([
    ['>=1.0.0-0 <2.0.0', '1.5.0-rc.1', false, true],
    ['>=1.0.0 <2.0.0', '1.5.0-rc.1', false, false],
  ] as const)('%s ∋ %s: Helm 3 %s, Helm 4 %s', (c, v, helm3, helm4) => {
    expect(isCompatibleRange(c, v, '3.17')).toBe(helm3);
    expect(isCompatibleRange(c, v, '4.1')).toBe(helm4);
  });
});
