import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { buildValuesBundle } from '../../lib/export/bundle';
import { buildGitopsRepo } from '../../lib/export/gitops';
import { zipArchive } from '../../lib/export/zip';
import { runCli } from '../../lib/cli/main';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import { parseConfigJson } from '../../lib/share/config';
import { runHelm } from '../helm/reference';
import { standinChart } from '../charts/aeterna-render';
import { removeStandins } from '../charts/standins';
import { aeterna, leaks, plantedConfig, unzipText, PLANTED } from './fixtures';

const origins = { 'aeterna.replicas': 'preset "production"', 'qdrant.external': 'form', 'postgresql.cluster.instances': 'editor' };

const BUNDLE = await buildValuesBundle(aeterna(), plantedConfig(), { includeManifests: true, origins });

describe('values bundle', () => {
  const bundle = BUNDLE;
  const files = unzipText(bundle.zip);

  it('holds the expected files, sorted by path', () => {
    expect([...files.keys()].filter((p) => !p.startsWith('manifests/'))).toEqual([
      'README.md', 'chartroom.json', 'install.sh', 'reference/values-dev.merged.yaml', 'reference/values-prod.merged.yaml',
      'secret-values.example.yaml', 'secrets.example.yaml', 'values-dev.yaml', 'values-prod.yaml', 'values.yaml',
    ]);
    expect([...files.keys()]).toEqual([...files.keys()].sort((a, b) => (a < b ? -1 : 1)));
    expect([...files.keys()].filter((p) => p.startsWith('manifests/dev/')).length).toBeGreaterThan(10);
    expect(bundle.fileName).toBe('aeterna-values.zip');
  });

  it('contains no secret value anywhere', () => {
    expect(leaks(files)).toEqual([]);
    expect(bundle.removed).toEqual(['values: aeterna.extraEnv[0].value', 'values: qdrant.external.apiKey', 'environments.dev: secrets.openaiApiKey']);
  });

  it('wires removed secrets through the chart\'s existing-Secret options', () => {
    const values = parse(files.get('values.yaml')!);
    expect(values.qdrant.existingSecret).toBe('aeterna-qdrant');
    expect(values.qdrant.external).toBeUndefined();
    expect(values.secrets.existingSecret).toBe('aeterna-secrets');
    const secrets = files.get('secrets.example.yaml')!;
    const docs = secrets.split(/^---$/m).slice(1).map((d) => parse(d));
    expect(docs.map((d) => `${d.metadata.name}: ${Object.keys(d.stringData).join(',')}`)).toEqual([
      'aeterna-secrets: AETERNA_LOCAL_KMS_KEY,ANTHROPIC_API_KEY,OPENAI_API_KEY',
      'aeterna-qdrant: api-key',
    ]);
    expect(files.get('secret-values.example.yaml')).toContain('aeterna.extraEnv[0].value');
  });

  it('comments values with where they came from and switches the bundled operator off', () => {
    const text = files.get('values.yaml')!;
    expect(text).toMatch(/replicas: 3 # preset "production"/);
    expect(text).toMatch(/instances: 3 # editor/);
    expect(text).toMatch(/install: false # CloudNativePG operator is installed before the release/);
  });

  it('writes install.sh and README with the exact commands, operator first', () => {
    const sh = files.get('install.sh')!;
    const dir = mkdtempSync(join(tmpdir(), 'bundle-sh-'));
    writeFileSync(join(dir, 'install.sh'), sh);
    execFileSync('sh', ['-n', join(dir, 'install.sh')]);
    rmSync(dir, { recursive: true });
    const order = ['helm repo add cnpg https://cloudnative-pg.github.io/charts', 'helm repo add qdrant https://qdrant.github.io/qdrant-helm', 'helm upgrade --install cnpg cnpg/cloudnative-pg --version 0.29.0', 'helm dependency build "$CHART"', 'helm upgrade --install aeterna "$CHART"'];
    const at = order.map((s) => sh.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const readme = files.get('README.md')!;
    expect(readme).toContain('helm upgrade --install aeterna ./aeterna -n aeterna --create-namespace -f values.yaml -f values-dev.yaml -f secret-values.yaml');
    expect(readme).toContain('helm test aeterna -n aeterna');
    expect(readme).toContain('CloudNativePG operator');
  });

  it('redacts Secret data in review manifests', () => {
    for (const [path, text] of files) if (path.startsWith('manifests/') && /^kind: Secret$/m.test(text)) expect(text).toContain('<redacted>');
  });

  it('carries chartroom.json to drop back into the configurator', () => {
    const back = parseConfigJson(files.get('chartroom.json')!);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.config.environments?.map((e) => e.name)).toEqual(['dev', 'prod']);
      expect(back.config.values).not.toContain(PLANTED);
    }
  });

  it('renders with helm from its own files', async () => {
    const chart = standinChart();
    const dir = mkdtempSync(join(tmpdir(), 'bundle-files-'));
    try {
      for (const [p, text] of files) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        writeFileSync(join(dir, p), text);
      }
      writeFileSync(join(dir, 'secret-values.yaml'), '{}\n');
      const r = await runHelm(['template', 'aeterna', chart, '-n', 'aeterna', '--kube-version', '1.31.0', '-a', 'postgresql.cnpg.io/v1', '-f', 'values.yaml', '-f', 'values-prod.yaml', '-f', 'secret-values.yaml'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('kind: Cluster');
    } finally {
      rmSync(dir, { recursive: true });
      removeStandins(chart);
    }
  });
});

describe('reproducible archives', () => {
  it('are byte-identical for the same input, in any time zone', async () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const a = (await buildValuesBundle(aeterna(), plantedConfig())).zip;
      process.env.TZ = 'America/Anchorage';
      const b = (await buildValuesBundle(aeterna(), plantedConfig())).zip;
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      process.env.TZ = tz;
    }
  });

  it('GitOps zips are byte-identical for the same configuration, whatever order the files come in', async () => {
    const a = (await buildGitopsRepo(aeterna(), plantedConfig(), { tool: 'flux' })).zip;
    const b = (await buildGitopsRepo(aeterna(), plantedConfig(), { tool: 'flux' })).zip;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const files = [{ path: 'b/x.txt', content: 'x' }, { path: 'a.txt', content: new Uint8Array([1, 2, 3]) }, { path: 'B.txt', content: 'B' }];
    expect(Buffer.from(await zipArchive(files, 'r')).equals(Buffer.from(await zipArchive([...files].reverse(), 'r')))).toBe(true);
  });

  it('give every entry the same fixed date and a unix mode, install.sh executable, and no folder entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-zip-'));
    writeFileSync(join(dir, 'x.zip'), await zipArchive([{ path: 'a.sh', content: '#!/bin/sh\n', executable: true }, { path: 'd/b.txt', content: 'b' }], 'top'));
    const listing = execFileSync('unzip', ['-Z', '-T', join(dir, 'x.zip')], { encoding: 'utf8' });
    rmSync(dir, { recursive: true });
    expect(listing).toMatch(/-rwxr-xr-x.* 20000101\.000000 top\/a\.sh/);
    expect(listing).toMatch(/-rw-r--r--.* 20000101\.000000 top\/d\/b\.txt/);
    expect(listing).toMatch(/^2 files/m);
  });

  it('report progress while compressing', async () => {
    const seen: number[] = [];
    await zipArchive([{ path: 'big.bin', content: new Uint8Array(4 * 1024 * 1024).map((_, i) => (i * 7919) % 251) }], '', (p) => seen.push(p));
    expect(seen.length).toBeGreaterThan(1);
    expect(Math.max(...seen)).toBeGreaterThan(50);
  });
});

describe('the CLI writes the same bytes as the library', () => {
  it.each([
    ['bundle', (dir: string) => ['bundle', 'charts/aeterna', '-f', join(dir, 'values.yaml'), '--release', 'aeterna', '-n', 'aeterna', '--kube-version', '1.31.0', '--preset', 'production', '--env', `dev=${join(dir, 'dev.yaml')}`, '--env', `prod=${join(dir, 'prod.yaml')}`, '-o', 'out.zip']],
  ])('%s', async (_, args) => {
    const config = plantedConfig();
    const dir = mkdtempSync(join(tmpdir(), 'bundle-cli-'));
    writeFileSync(join(dir, 'values.yaml'), config.values);
    writeFileSync(join(dir, 'dev.yaml'), config.environments![0].values);
    writeFileSync(join(dir, 'prod.yaml'), config.environments![1].values);
    const written = new Map<string, Uint8Array>();
    const err: string[] = [];
    const code = await runCli(args(dir), {
      loadChart: (ref, helmVersion) => loadChartFromDisk(ref, undefined, undefined, helmVersion),
      readFile: (p) => new Uint8Array(require('node:fs').readFileSync(p)),
      writeFile: (p, d) => written.set(p, d),
      stdout: () => {},
      stderr: (t) => err.push(t),
    });
    rmSync(dir, { recursive: true });
    expect(code).toBe(0);
    expect(err.join('')).toContain('Left out because they are secrets');
    // The CLI renders as Helm 4 unless told otherwise, and records it.
    const lib = (await buildValuesBundle(aeterna(), { ...config, helmVersion: '4.1' })).zip;
    expect(Buffer.from(written.get('out.zip')!).equals(Buffer.from(lib))).toBe(true);
  });
});
