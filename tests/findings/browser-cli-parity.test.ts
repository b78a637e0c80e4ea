/**
 * The Findings tab and `chartroom lint` check a configuration the same way: the page's path
 * (render worker → structured clone to the page and on to the findings worker → findings) and
 * the CLI's give the same findings for the same chart, values and release.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import { computeFindings } from '../../lib/configurator/findings-job';
import { DEFAULT_RELEASE, type ReleaseOptions } from '../../lib/configurator/release-options';
import { renderConfiguration } from '../../lib/configurator/render-job';
import type { Finding, Preset } from '../../lib/validate';
import { chartroom } from '../repo/cli-helpers';
import { removeStandins, withStandins } from '../charts/standins';

const ROOT = resolve(__dirname, '../..');

const CASES: { chart: string; values?: string; preset: Preset }[] = [
  { chart: 'aeterna', preset: 'production' },
  { chart: 'aeterna', values: 'ci/hybrid-values.yaml', preset: 'development' },
  { chart: 'aeterna', values: 'ci/existing-secrets-values.yaml', preset: 'production' },
  { chart: 'verta', values: 'ci/default-values.yaml', preset: 'production' },
  { chart: 'verta', values: 'ci/network-policy-values.yaml', preset: 'development' },
];

const RELEASE: ReleaseOptions = { ...DEFAULT_RELEASE, helmVersion: '4.1', releaseName: 'parity', namespace: 'apps', kubeVersion: '1.31.0' };

async function pageFindings(dir: string, valuesText: string, preset: Preset): Promise<Finding[]> {
  const chart = await loadChartFromDisk(dir);
  const out = renderConfiguration(chart, { valuesText, release: RELEASE, budget: { deadlineMs: 20_000, maxOutputBytes: 50_000_000 } });
  if (!out.ok) throw new Error(out.message);
  // What crosses from the render worker to the page, and from the page to the findings worker.
  const shown = structuredClone(structuredClone(out));
  const res = await computeFindings({ id: 1, resources: shown.resources, gitopsCalls: shown.gitopsCalls, kubeVersion: RELEASE.kubeVersion, preset, values: shown.values, valuesUse: shown.valuesUse });
  if (!res.ok) throw new Error(res.message);
  return res.findings;
}

async function cliFindings(dir: string, valuesFile: string | undefined, preset: Preset): Promise<Finding[]> {
  const args = ['lint', RELEASE.releaseName, dir, '--namespace', RELEASE.namespace, '--kube-version', RELEASE.kubeVersion, '--helm-version', RELEASE.helmVersion, '--preset', preset, '--format', 'json'];
  if (valuesFile) args.push('-f', join(dir, valuesFile));
  const r = await chartroom(args);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}

describe('findings: the page and chartroom lint agree', () => {
  test.each(CASES)('$chart $values ($preset)', async ({ chart, values, preset }) => {
    const dir = withStandins(join(ROOT, 'charts', chart));
    try {
      const valuesText = values ? readFileSync(join(dir, values), 'utf8') : '';
      const cli = await cliFindings(dir, values, preset);
      expect(cli.length).toBeGreaterThan(0);
      expect(await pageFindings(dir, valuesText, preset)).toEqual(cli);
    } finally {
      removeStandins(dir);
    }
  }, 60_000);
});

describe('values/unused-override: the page and chartroom lint report a misspelt value with the path meant', () => {
  const TYPO = 'aeterna:\n  replica: 3\n';
  const MESSAGE = 'aeterna.replica is set but no template reads it; did you mean aeterna.replicas?';
  test('json and the page', async () => {
    const dir = withStandins(join(ROOT, 'charts', 'aeterna'));
    try {
      writeFileSync(join(dir, 'typo-values.yaml'), TYPO);
      const cli = await cliFindings(dir, 'typo-values.yaml', 'development');
      expect(cli.filter((f) => f.id === 'values/unused-override').map((f) => [f.message, f.valuesPath])).toEqual([[MESSAGE, 'aeterna.replica']]);
      expect(await pageFindings(dir, TYPO, 'development')).toEqual(cli);
    } finally {
      removeStandins(dir);
    }
  }, 60_000);

  test('text', async () => {
    const dir = withStandins(join(ROOT, 'charts', 'aeterna'));
    try {
      writeFileSync(join(dir, 'typo-values.yaml'), TYPO);
      const r = await chartroom(['lint', dir, '-f', join(dir, 'typo-values.yaml')]);
      expect(r.stdout).toContain(`WARNING [values/unused-override] values.yaml Values/aeterna.replica: ${MESSAGE}`);
    } finally {
      removeStandins(dir);
    }
  }, 60_000);
});
