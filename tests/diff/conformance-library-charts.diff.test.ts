import { describeConformance, type ConformanceCase } from './conformance';

/** Each row: a behaviour of helm template that charts built on shared library helpers rely on. */
const CASES: ConformanceCase[] = [
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

describeConformance('library chart behaviours', CASES);
