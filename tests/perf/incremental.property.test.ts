/**
 * Incremental re-rendering must be invisible: random sequences of values edits (a leaf typed
 * into, put back, removed, a key added beside it), each rendered incrementally and in full, give
 * the same output (or the same error) after every edit. Charts: the bundled ones (with stand-ins
 * for their remote dependencies) and the fixture charts of tests/diff/charts; more with
 * CHARTROOM_INCREMENTAL_CHARTS=<folder>[:<folder>...] (every chart under each folder).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readTree } from '../../lib/cli/node-io';
import type { GoMap } from '../../lib/go/value';
import { loadChartDirectory } from '../../lib/helm';
import { yamlToGo } from '../../lib/yaml';
import { removeStandins, withStandins } from '../charts/standins';
import { findCharts } from '../conformance/discover';
import { checkIncremental, type Edit } from './incremental-check';

const ROOT = resolve(__dirname, '../..');
const RUNS = Number(process.env.PROPERTY_RUNS ?? 6);
const SEED = process.env.PROPERTY_SEED === 'random' ? Date.now() % 1_000_000 : Number(process.env.PROPERTY_SEED ?? 20261207);

const edit: fc.Arbitrary<Edit> = fc.record({
  leaf: fc.nat(),
  op: fc.constantFrom<Edit['op']>('type', 'type', 'type', 'restore', 'remove', 'add'),
  step: fc.integer({ min: 1, max: 3 }),
});

const copies: string[] = [];
afterAll(() => copies.forEach(removeStandins));

const cases: { label: string; dir: string; valuesFile?: string }[] = [];
for (const [name, valuesFile] of [['aeterna', undefined], ['verta', 'ci/default-values.yaml']] as const) {
  const dir = withStandins(join(ROOT, 'charts', name));
  copies.push(dir);
  cases.push({ label: name, dir, valuesFile });
}
const fixtures = join(ROOT, 'tests/diff/charts');
// Fixtures of charts helm refuses to load (an unknown apiVersion) have nothing to render.
const loads = (dir: string): boolean => {
  try {
    return loadChartDirectory(readTree(dir)) !== undefined;
  } catch {
    return false;
  }
};
for (const name of readdirSync(fixtures).sort()) if (existsSync(join(fixtures, name, 'Chart.yaml')) && loads(join(fixtures, name))) cases.push({ label: `tests/diff/charts/${name}`, dir: join(fixtures, name) });
for (const folder of (process.env.CHARTROOM_INCREMENTAL_CHARTS ?? '').split(':').filter(Boolean)) {
  for (const found of findCharts([folder])) if (found.kind === 'chart' && existsSync(join(found.dir, 'values.yaml')) && loads(found.dir)) cases.push({ label: found.dir, dir: found.dir });
}

describe.each(cases)('incremental render equals the full render: $label', ({ dir, valuesFile }) => {
  it('after every edit of random edit sequences', () => {
    const chart = loadChartDirectory(readTree(dir));
    const base = valuesFile ? (yamlToGo(readFileSync(join(dir, valuesFile), 'utf8')) as GoMap) : new Map();
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        expect(checkIncremental(chart, base, edits).differences).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
