import { afterAll, describe, expect, test } from 'vitest';
import { firstDifference, removeChart, runHelm, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom, errorText } from './chartroom-cli';

const CHART_YAML = 'apiVersion: v2\nname: conformance\nversion: 0.1.0\n';

/** Each row: a behaviour of helm template that platform charts rely on, with the flags to use. */
const CASES: { name: string; files: ChartFiles; args?: string[] }[] = [
  {
    name: 'toYaml escapes every character of a string that begins with a byte order mark',
    files: {
      'values.yaml':
        'm:\n  lead: "\\ufeffab c\\"d\\\\e\\tf"\n  mid: "a\\ufeffb"\n  nl: "\\ufeffx\\ny"\n  "\\ufeffkey": v\n  wide: "\\ufeffé日😀"\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  {{- toYaml .Values.m | nindent 2 }}\n',
    },
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeChart));

describe('platform chart behaviours: chartroom vs helm 3.17.3', () => {
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
