import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firstDifference, runHelm } from '../helm/reference';
import { chartroom, errorText } from './chartroom-cli';

/** Charts as helm packages them: a whole chart as .tgz, and a subchart vendored as .tgz. */
const CHARTS = resolve(__dirname, 'charts');
let work = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'chartroom-archives-'));
  const pkg = await runHelm(['package', join(CHARTS, 'basic'), '-d', work]);
  expect(pkg.status, pkg.stderr).toBe(0);
  cpSync(join(CHARTS, 'umbrella'), join(work, 'umbrella'), { recursive: true });
  const sub = await runHelm(['package', join(work, 'umbrella/charts/cache'), '-d', join(work, 'umbrella/charts')]);
  expect(sub.status, sub.stderr).toBe(0);
  rmSync(join(work, 'umbrella/charts/cache'), { recursive: true });
  cpSync(join(CHARTS, 'legacy'), join(work, 'legacy'), { recursive: true });
});
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

describe('packaged charts: chartroom vs helm 3.17.3', () => {
  test.each([
    ['a chart archive', ['template', 'r', 'basic-1.2.3.tgz', '--set', 'replicaCount=4']],
    ['a subchart vendored as .tgz, used twice through aliases', ['template', 'r', 'umbrella']],
    ['an apiVersion v1 chart with requirements.yaml', ['template', 'r', 'legacy']],
    ['a v1 requirement disabled by its condition', ['template', 'r', 'legacy', '--set', 'dep.enabled=false']],
    ['a chart name that is not on disk', ['template', 'r', 'missing-0.1.0.tgz']],
    ['a relative path that does not exist', ['template', 'r', './missing']],
  ])('%s', async (_name, args) => {
    const [helm, ours] = [await runHelm(args, { cwd: work }), chartroom(args, work)];
    expect(ours.status !== 0).toBe(helm.status !== 0);
    if (helm.status !== 0) return expect(errorText(ours.stderr)).toBe(errorText(helm.stderr));
    const diff = firstDifference(helm.stdout, ours.stdout);
    expect(diff, diff ?? '').toBeNull();
  });
});
