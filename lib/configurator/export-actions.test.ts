import { resolve } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadChartFromDisk } from '../cli/node-io';
import * as exporters from '../export';
import { decodeShareLink } from '../share';
import { chartInfoFromChart } from './chart-info';
import { newConfiguration } from './configuration';
import { defaultDeployFrom, deployedChartSource, exportEnvironments, exportGitopsRepo, exportShareLink, exportValuesBundle, gitopsOutcome, type ExportSubject } from './export-actions';
import { DEFAULT_RELEASE } from './release-options';

const chart = loadChartFromDisk(resolve(__dirname, '../../charts/aeterna'));
const info = chartInfoFromChart(chart);
const release = { ...DEFAULT_RELEASE, releaseName: 'shop', namespace: 'apps' };
const SECRET = 'PLANTED-sk-123';
const subject = (over: Partial<ExportSubject> = {}): ExportSubject => ({
  info,
  source: { kind: 'files', files: [{ path: 'Chart.yaml', text: 'name: aeterna\n' }] },
  configuration: newConfiguration(`aeterna:\n  replicas: 3\nsecrets:\n  openaiApiKey: ${SECRET}\n`, release),
  environments: [],
  ...over,
});
const origin = { repository: 'oci://ghcr.io/example/charts', name: 'aeterna', version: info.version, digest: `sha256:${'ab'.repeat(32)}` };

async function chartroomJson(zip: Uint8Array): Promise<Record<string, unknown>> {
  const z = await JSZip.loadAsync(zip);
  const entry = Object.values(z.files).find((f) => f.name.endsWith('chartroom.json'))!;
  return JSON.parse(await entry.async('string')) as Record<string, unknown>;
}

describe('exportEnvironments', () => {
  it.each([
    ['dev, prod', ['dev', 'prod'], undefined],
    ['dev prod,dev', ['dev', 'prod'], undefined],
    ['', [], undefined],
    ['dev, Prod', ['dev', 'Prod'], 'Prod'],
    ['a_b', ['a_b'], 'a_b'],
  ])('%j → %j (invalid %s)', (text, names, invalid) => {
    const r = exportEnvironments(text, []);
    expect(r.environments.map((e) => e.name)).toEqual(names);
    expect(r.invalid).toBe(invalid);
  });

  it('keeps the values of environments that already existed', () => {
    const known = [{ name: 'prod', values: 'aeterna:\n  replicas: 5\n' }];
    expect(exportEnvironments('dev, prod', known).environments).toEqual([{ name: 'dev', values: '' }, known[0]]);
  });
});

describe('where an exported repository deploys the chart from', () => {
  it('defaults to the repository a chart was opened from', () => {
    expect(defaultDeployFrom(undefined)).toBe('vendored');
    expect(defaultDeployFrom(origin)).toBe('oci');
    expect(defaultDeployFrom({ ...origin, repository: 'https://charts.example.com' })).toBe('helm-repo');
  });

  it('needs the URL of a repository', () => {
    expect(deployedChartSource('vendored', 'ignored')).toEqual({ type: 'vendored' });
    expect(deployedChartSource('helm-repo', ' https://charts.example.com ')).toEqual({ type: 'helm-repo', url: 'https://charts.example.com' });
    expect(() => deployedChartSource('oci', '  ')).toThrow('give the OCI registry URL');
    expect(() => deployedChartSource('helm-repo', '')).toThrow('give the Helm repository URL');
  });
});

describe('exportValuesBundle', () => {
  it('builds the bundle of the configuration, secrets left out, recording the repository the chart came from', async () => {
    const out = await exportValuesBundle(subject({ origin }), chart, exporters, null);
    expect(out.file?.fileName).toBe('shop-values.zip');
    expect(out.text).toBe('Downloaded shop-values.zip.');
    expect(out.removed).toContain('values: secrets.openaiApiKey');
    const saved = await chartroomJson(out.file!.bytes);
    expect(saved.values).toContain('replicas: 3');
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(saved.chart).toEqual({ name: 'aeterna', version: info.version, repository: origin.repository, digest: origin.digest });
    expect(saved.release).toEqual({ name: 'shop', namespace: 'apps' });
  });
});

describe('exportGitopsRepo', () => {
  const choices = { tool: 'argocd' as const, repoUrl: ' https://git.example.com/deploy.git ', branch: '', deployFrom: 'vendored' as const, chartUrl: '' };

  it('holds back a repository whose output changes at every sync (a generated key), for the user to confirm', async () => {
    const r = await exportGitopsRepo(subject({ configuration: newConfiguration('aeterna:\n  replicas: 3\n', release) }), chart, exporters, choices);
    if (!('heldBack' in r)) throw new Error('expected the repository to be held back');
    expect(r.heldBack.gitops.map((f) => f.id)).toContain('gitops/nondeterministic');
    expect(gitopsOutcome(r.heldBack)).toMatchObject({ text: 'Downloaded shop-gitops-argocd.zip.', file: { fileName: 'shop-gitops-argocd.zip' } });
  });

  it('gives the repository to download when its output is stable (the secrets come from an existing Secret)', async () => {
    const r = await exportGitopsRepo(subject(), chart, exporters, { ...choices, deployFrom: 'helm-repo', chartUrl: 'https://charts.example.com' });
    if ('heldBack' in r) throw new Error(r.heldBack.gitops.map((f) => f.message).join('\n'));
    expect(r).toMatchObject({ text: 'Downloaded shop-gitops-argocd.zip.', removed: ['values: secrets.openaiApiKey'], file: { fileName: 'shop-gitops-argocd.zip' } });
    const files = Object.keys((await JSZip.loadAsync(r.file!.bytes)).files);
    expect(files.some((f) => f.startsWith('shop-gitops/charts/'))).toBe(false);
  });

  it('refuses a chart repository without its URL before building', async () => {
    await expect(exportGitopsRepo(subject(), chart, exporters, { ...choices, deployFrom: 'oci' })).rejects.toThrow('give the OCI registry URL');
  });
});

describe('exportShareLink', () => {
  it('names a chart from disk by its digest and says the link does not carry it', async () => {
    const link = await exportShareLink(subject(), 'https://chartroom.example/configure/local');
    expect(link.url.startsWith('https://chartroom.example/configure/local#cr1.')).toBe(true);
    expect(link.url).not.toContain(SECRET);
    expect(link.removed).toEqual(['values: secrets.openaiApiKey']);
    const read = decodeShareLink(link.url);
    if (!read.ok) throw new Error(read.message);
    expect(read.config.chart.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(link.warnings).toEqual([expect.stringContaining(`was opened from your disk, and the link does not contain it`)]);
    expect(link.warnings[0]).toContain(read.config.chart.digest!.slice(0, 19));
  });

  it('names the repository a chart was opened from, with no warning', async () => {
    const link = await exportShareLink(subject({ origin }), 'https://chartroom.example/configure/remote');
    const read = decodeShareLink(link.url);
    if (!read.ok) throw new Error(read.message);
    expect(read.config.chart).toEqual({ name: 'aeterna', version: info.version, repository: origin.repository, digest: origin.digest });
    expect(link.warnings).toEqual([]);
  });
});
