import { afterAll, describe, expect, test } from 'vitest';
import { firstDifference, removeChart, runHelm, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom, errorText } from './chartroom-cli';

const CHART_YAML = 'apiVersion: v2\nname: conformance\nversion: 0.1.0\n';

/** Each row: a behaviour of helm template that charts built on shared library helpers rely on. */
const CASES: { name: string; files: ChartFiles; args?: string[] }[] = [
  {
    name: 'fail with a message spanning lines, called from a helper, reads as an execution error',
    files: {
      'templates/_h.tpl': '{{- define "check" -}}{{ printf "\\nCHECKS:\\n%s\\n  hint" .Values.what | fail }}{{- end -}}',
      'templates/a.yaml': '{{- include "check" . }}\n',
    },
    args: ['--set', 'what=bad'],
  },
  {
    name: 'required with a message spanning lines',
    files: {
      'templates/a.yaml': 'a: {{ required "first line\\nsecond line" .Values.missing }}\n',
    },
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeChart));

describe('library chart behaviours: chartroom vs helm 3.17.3', () => {
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
