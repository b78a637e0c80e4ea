import { afterAll, describe, expect, test } from 'vitest';
import { firstDifference, removeChart, runHelm, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom, errorText } from './chartroom-cli';

const CHART_YAML = 'apiVersion: v2\nname: conformance\nversion: 0.1.0\n';
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  v: {{ toJson .Values | quote }}\n';

/** Each row: a behaviour of helm template that monitoring charts rely on, with the flags to use. */
const CASES: { name: string; files: ChartFiles; args?: string[] }[] = [
  {
    name: 'a null map key is reported before an infinite value that comes earlier in the values file',
    files: { 'values.yaml': 'a:\n  inf: .inf\nz:\n  k: {null: d}\n', 'templates/cm.yaml': CM },
  },
  {
    name: 'of several non-finite values, the one first in sorted key order is reported',
    files: { 'values.yaml': 'a:\n  z: .inf\n  b: [-.inf]\n  c: .nan\n', 'templates/cm.yaml': CM },
  },
  {
    name: 'fromYaml reports the same error as values files do',
    files: {
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n' +
        '  a: {{ fromYaml "y: .nan\\nx: -.inf\\nw: {~: 1}" | toJson | quote }}\n' +
        '  b: {{ fromYaml "y: .nan\\nx: [1, -.inf]" | toJson | quote }}\n',
    },
  },
  {
    name: 'a values file given with -f reports the first non-finite value in sorted key order',
    files: { 'templates/cm.yaml': CM, 'extra.yaml': 'm:\n  q: .inf\n  p: -.inf\n' },
    args: ['-f', 'extra.yaml'],
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeChart));

describe('monitoring chart behaviours: chartroom vs helm 3.17.3', () => {
  test.each(CASES)('$name', async ({ files, args = [] }) => {
    const dir = writeChart({ 'Chart.yaml': CHART_YAML, ...files });
    dirs.push(dir);
    const argv = ['template', 'release-name', dir, ...args];
    const helm = await runHelm(argv, { cwd: dir });
    const ours = chartroom(argv, dir);
    expect(errorText(ours.stderr)).toBe(errorText(helm.stderr));
    expect(ours.status === 0).toBe(helm.status === 0);
    const diff = firstDifference(helm.stdout, ours.stdout);
    expect(diff, diff ?? '').toBeNull();
  });
});
