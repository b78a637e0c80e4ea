import { describeConformance, type ConformanceCase } from './conformance';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  v: {{ toJson .Values | quote }}\n';

/** Each row: a behaviour of helm template that monitoring charts rely on, with the flags to use. */
const CASES: ConformanceCase[] = [
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

describeConformance('monitoring chart behaviours', CASES);
