import { describe, expect, test } from 'vitest';
import { readTree } from '../../cli/node-io';
import { loadChartDirectory } from '../chart';
import { removeChart, writeChart } from '../../../tests/helm/reference';
import { goToYaml } from '../../yaml';
import { templateChart } from './template';

describe('renders share the loaded chart without changing it', () => {
  test('templates that modify .Values leave the chart defaults as loaded', () => {
    const dir = writeChart({
      'Chart.yaml': 'apiVersion: v2\nname: shared\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: 0.1.0\n  import-values:\n  - child: exported\n    parent: imported\n',
      'values.yaml': 'nested:\n  keep: 1\n  drop: 2\nlist: [a]\n',
      'templates/a.yaml':
        '{{- $_ := set .Values.nested "added" 3 }}{{ $_ := unset .Values.nested "drop" }}{{ $_ := merge .Values.nested (dict "merged" 4) }}' +
        'values: {{ toJson .Values }}\n',
      'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
      'charts/sub/values.yaml': 'exported:\n  x: 1\n',
      'charts/sub/templates/b.yaml': '{{- $_ := set .Values.exported "y" 2 }}sub: {{ toJson .Values }}\n',
    });
    try {
      const chart = loadChartDirectory(readTree(dir));
      const before = [goToYaml(chart.values), goToYaml(chart.dependencies[0].values)];
      const first = templateChart(chart).output;
      const second = templateChart(chart).output;
      expect(second).toBe(first);
      expect([goToYaml(chart.values), goToYaml(chart.dependencies[0].values)]).toEqual(before);
    } finally {
      removeChart(dir);
    }
  });
});
