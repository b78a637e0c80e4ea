import { describeConformance, type ConformanceCase } from './conformance';

/** Each row: a behaviour of helm template that application charts rely on, with the flags to use. */
const CASES: ConformanceCase[] = [
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

describeConformance('application chart behaviours', CASES);
