import { afterAll, describe, expect, test } from 'vitest';
import { firstDifference, removeChart, runHelm, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom, errorText } from './chartroom-cli';

const CHART_YAML = 'apiVersion: v2\nname: conformance\nversion: 0.1.0\n';

/** Each row: a behaviour of helm template that application charts rely on, with the flags to use. */
const CASES: { name: string; files: ChartFiles; args?: string[] }[] = [
  {
    name: 'manifest heads take numbers and booleans as text where SimpleHead has strings',
    files: {
      'values.yaml': 'ann: {enabled: true, "y": y, weight: 5, ratio: 0.1, big: 1e6, huge: 18446744073709551615, off: null}\n',
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 12\n  annotations:\n' +
        '    {{- toYaml .Values.ann | nindent 4 }}\n    float: 1.0\n    exp: 2.5e-3\n',
      'templates/hook.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hooked\n  annotations:\n' +
        '    helm.sh/hook: pre-install\n    helm.sh/hook-weight: -3\n',
      'templates/hook2.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hooked2\n  annotations:\n' +
        '    helm.sh/hook: pre-install\n    helm.sh/hook-weight: 1e1\n',
    },
  },
  {
    name: 'a list where SimpleHead has an annotation string is still an error, named by the anonymous metadata struct',
    files: {
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    a: [1]\n',
    },
  },
  {
    name: 'a map where SimpleHead has the metadata name string',
    files: { 'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {a: 1}\n' },
  },
  {
    name: 'a list where SimpleHead has the annotations map',
    files: { 'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations: [a]\n' },
  },
  {
    name: 'a map where SimpleHead has the kind string',
    files: { 'templates/cm.yaml': 'apiVersion: v1\nkind: {a: b}\n' },
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeChart));

describe('application chart behaviours: chartroom vs helm 3.17.3', () => {
  test.each(CASES)('$name', async ({ files, args = [] }) => {
    const dir = writeChart({ 'Chart.yaml': CHART_YAML, ...files });
    dirs.push(dir);
    const argv = ['template', 'release-name', dir, ...args];
    const helm = await runHelm(argv);
    const ours = chartroom(argv, dir);
    expect(errorText(ours.stderr)).toBe(errorText(helm.stderr));
    expect(ours.status === 0).toBe(helm.status === 0);
    const diff = firstDifference(helm.stdout, ours.stdout);
    expect(diff, diff ?? '').toBeNull();
  });
});
