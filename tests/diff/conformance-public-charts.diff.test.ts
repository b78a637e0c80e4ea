import { describeConformance, type ConformanceCase } from './conformance';

/**
 * Behaviours that public charts rely on and chartroom once got wrong, each found by
 * `npm run conformance` over unpacked chart repositories and pinned here by a chart of our own.
 */
const CASES: ConformanceCase[] = [
  {
    // Labels merged from optional values: a missing key passes a nil map to merge.
    name: 'merge and mergeOverwrite take a nil map as nothing to merge, and merge into a fresh map for a nil destination',
    files: {
      'values.yaml': 'labels: {}\n',
      'templates/cm.yaml':
        '{{- $none := index .Values.labels "missing" }}\n' +
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: merged\ndata:\n' +
        '  src: {{ merge (dict "a" 1) $none | toJson | quote }}\n' +
        '  dst: {{ merge $none (dict "a" 1) | toJson | quote }}\n' +
        '  both: {{ mergeOverwrite $none $none | toJson | quote }}\n' +
        '  middle: {{ mustMergeOverwrite (dict "a" 1) $none (dict "b" (dict "c" 2)) | toJson | quote }}\n' +
        '  empty: {{ mustMerge $none (dict) | toJson | quote }}\n',
    },
  },
  {
    // A store's optional config block, looked up with hasKey before use.
    name: 'the dict functions read a nil map as an empty one',
    files: {
      'values.yaml': 'stores: {}\n',
      'templates/cm.yaml':
        '{{- $none := index .Values.stores "missing" }}\n' +
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: reads\ndata:\n' +
        '  get: {{ get $none "k" | toJson | quote }}\n' +
        '  hasKey: {{ hasKey $none "k" | quote }}\n' +
        '  pluck: {{ pluck "k" $none (dict "k" 1) | toJson | quote }}\n' +
        '  keys: {{ keys $none (dict "z" 1) | toJson | quote }}\n' +
        '  values: {{ values $none | toJson | quote }}\n' +
        '  pick: {{ pick $none "k" | toJson | quote }}\n' +
        '  omit: {{ omit $none "k" | toJson | quote }}\n' +
        '  unset: {{ unset $none "k" | toJson | quote }}\n',
    },
  },
  {
    name: 'set on a nil map fails with the panic Go recovers from it',
    files: { 'values.yaml': 'stores: {}\n', 'templates/cm.yaml': '{{ $none := index .Values.stores "missing" }}{{ $_ := set $none "k" 1 }}\n' },
  },
];

describeConformance('public chart behaviours', CASES);
