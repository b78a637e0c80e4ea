import { describeConformance, type ConformanceCase } from './conformance';

const cm = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${data}`;

/** Each row: a behaviour of helm template that service charts rely on, with the flags to use. */
const CASES: ConformanceCase[] = [
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

describeConformance('service chart behaviours', CASES);
