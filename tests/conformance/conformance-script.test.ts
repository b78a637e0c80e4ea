import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { removeChart, writeChart } from '../helm/reference';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const script = join(root, 'scripts/conformance.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--stack-size=4000', '--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8' });

const chart = (name: string, deps = '') => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${deps}`;
const corpus = writeChart(
  {
    'repo/charts/web/Chart.yaml': chart('web', 'dependencies:\n  - name: common\n    version: 0.1.0\n    repository: file://../common\n'),
    'repo/charts/web/values.yaml': 'replicas: 1\n',
    'repo/charts/web/ci/two-values.yaml': 'replicas: 2\n',
    'repo/charts/web/templates/deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "common.name" . }}\ndata:\n  replicas: {{ .Values.replicas | quote }}\n',
    // A generated password: two helm renders differ on this line, so it is masked.
    'repo/charts/web/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: pw\nstringData:\n  password: {{ randAlphaNum 16 | quote }}\n',
    'repo/charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 0.1.0\ntype: library\n',
    'repo/charts/common/templates/_name.tpl': '{{ define "common.name" }}{{ .Release.Name }}-web{{ end }}',
    'repo/charts/strict/Chart.yaml': chart('strict'),
    'repo/charts/strict/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ required "name is required" .Values.name }}\n',
    'repo/charts/online/Chart.yaml': chart('online', 'dependencies:\n  - name: redis\n    version: 1.x\n    repository: oci://registry.example.com/charts\n'),
    'repo/build/Chart.yaml': 'apiVersion: v2\nname: {{ .Name }}\nversion: 0.1.0\n',
  },
  'corpus',
);
afterAll(() => removeChart(corpus));

describe('npm run conformance', () => {
  test('renders each chart of a repository folder with its defaults and ci values, and tabulates the outcomes', () => {
    const r = run([join(corpus, 'repo')]);
    expect(r.stderr).not.toMatch(/DIFF/);
    expect(r.status).toBe(0);
    const row = (label: string) => r.stdout.split('\n').find((l) => l.startsWith(`${label} `))?.trim().split(/\s+/).slice(1).map(Number);
    expect(row('charts/web')).toEqual([2, 2, 0, 0, 0]);
    expect(row('charts/strict')).toEqual([1, 0, 1, 0, 0]);
    expect(row('charts/common')).toEqual([1, 0, 1, 0, 0]);
    expect(row('TOTAL')).toEqual([4, 2, 2, 0, 0]);
    expect(r.stdout).toMatch(/3 charts from 1 folders rendered; 2 lines masked as random/);
    expect(r.stdout).toContain('charts/online: remote dependency not vendored (offline): redis from oci://registry.example.com/charts');
    expect(r.stdout).toContain('build: Chart.yaml is a template (holds {{ }})');
    expect(r.stdout).toContain('charts/strict (defaults): Error: execution error at (strict/templates/cm.yaml:4:11): name is required');
  });

  test('helm template flags after -- replace the ci cases; unknown flags are refused', () => {
    const r = run([join(corpus, 'repo/charts/strict'), '--', '--set', 'name=x']);
    expect(r.stdout).toMatch(/^strict +1 +1 +0 +0 +0$/m);
    const bad = run([join(corpus, 'repo'), '--helm', '2.0.0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--helm must be one of 3.17.3, 4.1.4');
  });
});

