import { afterAll, describe, expect, test } from 'vitest';
import { firstDifference, removeChart, runHelm, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom, errorText } from './chartroom-cli';

const CHART_YAML = 'apiVersion: v2\nname: conformance\nversion: 0.1.0\n';

const cm = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${data}`;

/** Each row: a behaviour of helm template that service charts rely on, with the flags to use. */
const CASES: { name: string; files: ChartFiles; args?: string[] }[] = [
  {
    name: 'KubeVersion prints through its String method only when printed straight from the field',
    files: {
      'templates/cm.yaml': cm(
        '  field: "{{ .Capabilities.KubeVersion }}"\n' +
          '  var: "{{ $k := .Capabilities.KubeVersion }}{{ $k }} {{ with .Capabilities.KubeVersion }}{{ . }} {{ .GitVersion }}{{ end }}"\n' +
          '  quoted: {{ .Capabilities.KubeVersion | quote }}\n' +
          '  str: {{ toString .Capabilities.KubeVersion | quote }}\n' +
          '  printf: {{ printf "%s|%v" .Capabilities.KubeVersion .Capabilities.KubeVersion | quote }}\n' +
          '  default: "{{ default "x" .Capabilities.KubeVersion }}"\n' +
          '  print: "{{ print .Capabilities.KubeVersion }} {{ html .Capabilities.KubeVersion }}"\n',
      ),
    },
    args: ['--kube-version', '1.29.3'],
  },
  {
    name: 'a KubeVersion returned by a function has no GitVersion method',
    files: { 'templates/cm.yaml': cm('  v: "{{ (first (list .Capabilities.KubeVersion)).GitVersion }}"\n') },
  },
  {
    name: 'Capabilities printed by an action is the struct, by printf a pointer to it',
    files: {
      'templates/cm.yaml': cm('  action: "{{ .Capabilities }}"\n  printf: {{ printf "%v" .Capabilities | quote }}\n  s: {{ printf "%s" .Capabilities | quote }}\n'),
    },
    args: ['--kube-version', '1.27.1', '--api-versions', 'example.com/v1'],
  },
  {
    name: 'a semver version encodes as its text in toJson and toYaml (its MarshalJSON)',
    files: {
      'templates/cm.yaml': cm(
        '  json: {{ .Chart.Version | semver | toJson | quote }}\n' +
          '  list: {{ list (semver "v1.2.3-rc.1+b5") (semver "2.0") | toJson | quote }}\n' +
          '  nested: {{ dict "v" (semver "1.0.0") | toPrettyJson | quote }}\n' +
          '  yaml: {{ dict "v" (semver "1.0.0") "w" (list (semver "3.1")) | toYaml | quote }}\n',
      ),
    },
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeChart));

describe('service chart behaviours: chartroom vs helm 3.17.3', () => {
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
