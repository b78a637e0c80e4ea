import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { chartroom } from '../diff/chartroom-cli';
import { removeChart, runHelm, writeChart } from '../helm/reference';
import { findCharts } from './discover';
import { prepareChart } from './vendor';

const chart = (name: string, deps = '') => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${deps}`;
const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  files: "{{ range $path, $_ := .Files }}{{ $path }} {{ end }}"\n`;

const corpus = writeChart({
  'app/Chart.yaml': chart('app', 'dependencies:\n  - name: lib\n    version: 0.1.0\n    repository: file://../lib\n'),
  'app/templates/cm.yaml': cm('app'),
  'lib/Chart.yaml': chart('lib', 'dependencies:\n  - name: leaf\n    version: 0.1.0\n    repository: "file://../leaf"\n'),
  'lib/.helmignore': 'notes.txt\n',
  'lib/notes.txt': 'left out of the archive\n',
  'lib/kept.txt': 'kept\n',
  'lib/templates/cm.yaml': cm('lib'),
  'leaf/Chart.yaml': chart('leaf'),
  'leaf/templates/cm.yaml': cm('leaf'),
  'online/Chart.yaml': chart('online', 'dependencies:\n  - name: redis\n    version: 1.x\n    repository: https://charts.example.com\n'),
  'pinned/Chart.yaml': chart('pinned', 'dependencies:\n  - name: leaf\n    version: ~0.2.0\n    repository: file://../leaf\n'),
  'template/Chart.yaml': 'apiVersion: v2\nname: {{ .Name }}\nversion: 0.1.0\n',
}, 'corpus');
const workDir = mkdtempSync(join(tmpdir(), 'chartroom-vendor-test-'));
afterAll(() => {
  removeChart(corpus);
  rmSync(workDir, { recursive: true, force: true });
});

describe('the conformance harness prepares charts as helm dependency build would', () => {
  const found = findCharts([corpus]);
  const byName = (n: string) => found.find((f) => f.dir.endsWith(`/${n}`))!;

  test('a Chart.yaml that is a template is reported as not a chart', () => {
    expect(byName('template')).toMatchObject({ kind: 'not-a-chart', cause: 'Chart.yaml is a template (holds {{ }})' });
  });

  test('file:// dependencies are packaged into a copy, each with its own .helmignore and dependencies', async () => {
    const app = byName('app');
    if (app.kind !== 'chart') throw new Error('app is a chart');
    const prepared = await prepareChart(app.dir, app.dependencies, { helmVersion: '3.17.3', workDir });
    if (!prepared.ok) throw new Error(prepared.cause);
    expect(prepared.dir).not.toBe(app.dir);
    expect(existsSync(join(app.dir, 'charts'))).toBe(false);
    expect(readdirSync(join(prepared.dir, 'charts'))).toEqual(['lib-0.1.0.tgz']);
    expect(prepared.vendored).toEqual(['lib', 'lib/leaf']);
    const argv = ['template', 'release-name', prepared.dir];
    const helm = await runHelm(argv);
    expect(helm.stderr).toBe('');
    expect(helm.stdout).toContain('files: ".helmignore kept.txt "');
    expect(helm.stdout).toContain('name: leaf');
    expect(chartroom(argv, prepared.dir).stdout).toBe(helm.stdout);
  });

  test('a file:// dependency whose version misses the constraint skips the chart, as helm dependency build refuses it', async () => {
    const pinned = byName('pinned');
    if (pinned.kind !== 'chart') throw new Error('pinned is a chart');
    expect(await prepareChart(pinned.dir, pinned.dependencies, { helmVersion: '3.17.3', workDir })).toEqual({
      ok: false,
      cause: "can't get a valid version for dependency leaf (file://../leaf is 0.1.0, wanted ~0.2.0)",
    });
  });

  test('a remote dependency that is not vendored skips the chart with its cause', async () => {
    const online = byName('online');
    if (online.kind !== 'chart') throw new Error('online is a chart');
    expect(await prepareChart(online.dir, online.dependencies, { helmVersion: '3.17.3', workDir })).toEqual({
      ok: false,
      cause: 'remote dependency not vendored (offline): redis from https://charts.example.com',
    });
  });
});
