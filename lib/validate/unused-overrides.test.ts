import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadChartDirectory, loadChartFiles } from '../helm/chart/loader';
import { mergeUserValues } from '../helm/chartutil/merge-values';
import { templateChart } from '../helm/action/template';
import { ValuesReadRecorder } from '../helm/engine/values-reads';
import { renderReadSet, userValuePaths } from '../helm/action/values-read-set';
import { readTree } from '../cli/node-io';
import type { Chart } from '../helm/chart/chart';
import { closest, unusedOverrideFindings } from './unused-overrides';

const enc = new TextEncoder();

export function unusedMessages(chart: Chart, valueFiles: { name: string; data: string }[]): string[] {
  const values = mergeUserValues({ valueFiles });
  const reads = new ValuesReadRecorder();
  const result = templateChart(chart, { values, recordReads: reads, onMissingDependencies: () => {} });
  return unusedOverrideFindings({ set: userValuePaths(values), read: renderReadSet(reads, chart, result.chart) }).map((f) => f.message);
}

const fixture = loadChartFiles(
  Object.entries({
    'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: sub\n    version: 0.1.0\n    condition: sub.enabled\n  - name: extra\n    version: 0.1.0\n    condition: extra.enabled\n',
    'values.yaml': 'replicas: 1\nimage: {repository: r, tag: t}\na: {b: {c: {d: 1}}}\nresources: {}\nenv: {}\ntext: ""\n',
    'templates/deploy.yaml': [
      'replicas: {{ .Values.replicas }}',
      'image: {{ .Values.image.repository }}:{{ .Values.image.tag }}',
      'deep: {{ .Values.a.b.c.d }}',
      'resources: {{- toYaml .Values.resources | nindent 2 }}',
      'env:',
      '{{- range $k, $v := .Values.env }}',
      '  {{ $k }}: {{ $v | quote }}',
      '{{- end }}',
      'text: {{ tpl .Values.text . | quote }}',
    ].join('\n'),
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/values.yaml': 'port: 80\n',
    'charts/sub/templates/s.yaml': 'port: {{ .Values.port }}\nregion: {{ .Values.global.region }}\n',
    'charts/extra/Chart.yaml': 'apiVersion: v2\nname: extra\nversion: 0.1.0\n',
    'charts/extra/templates/o.yaml': 'x: {{ .Values.x }}\n',
  }).map(([name, text]) => ({ name, data: enc.encode(text) })),
);

describe('values/unused-override', () => {
  it('finds typos at every depth, with the path meant', () => {
    const msgs = unusedMessages(fixture, [
      { name: 'typos.yaml', data: 'replica: 3\nimage: {tga: v2}\na: {b: {c: {dd: 2}}}\nsub: {prot: 8080}\nglobal: {regoin: eu}\n' },
    ]);
    expect(msgs).toEqual([
      'replica is set but no template reads it; did you mean replicas?',
      'image.tga is set but no template reads it; did you mean image.tag?',
      'a.b.c.dd is set but no template reads it; did you mean a.b.c.d?',
      'sub.prot is set but no template reads it; did you mean sub.port?',
      'global.regoin is set but no template reads it; did you mean global.region?',
    ]);
  });

  it('a value under the wrong parent is found with the key it was meant for', () => {
    expect(unusedMessages(fixture, [{ name: 'v.yaml', data: 'image: {replicas: 2}\n' }])).toEqual([
      'image.replicas is set but no template reads it; did you mean replicas?',
    ]);
  });

  it('no finding for values read directly, through subcharts, globals, conditions, or read whole', () => {
    const msgs = unusedMessages(fixture, [
      {
        name: 'ok.yaml',
        data: [
          'replicas: 2',
          'image: {tag: v1}',
          'a: {b: {c: {d: 3}}}',
          'resources: {limits: {cpu: 1, memory: 1Gi}}',
          'env: {FOO: bar}',
          'text: "{{ .Release.Name }}"',
          'sub: {enabled: true, port: 81}',
          'global: {region: eu}',
          // A disabled subchart's section could only be read if it were enabled.
          'extra: {enabled: false, x: 1}',
        ].join('\n'),
      },
    ]);
    expect(msgs).toEqual([]);
  });

  it('suggests nothing when nothing read is close', () => {
    expect(closest('completely.different', ['replicas', 'image.tag'])).toBeUndefined();
    expect(closest('replica', ['replicas', 'image.tag'])).toBe('replicas');
    expect(closest('securityAgent.compliance.enabled', ['datadog.securityAgent.compliance.enabled', 'datadog.enabled'])).toBe('datadog.securityAgent.compliance.enabled');
  });
});

describe('the bundled charts report no unused values in their presets and ci/ files', () => {
  const root = resolve(__dirname, '../..');
  const cases = [
    { chart: 'aeterna', base: [] as string[], files: ['values-local.yaml', 'values-production.yaml'] },
    { chart: 'verta', base: ['ci/default-values.yaml'], files: ['values-dev.yaml', 'values-prod.yaml'] },
  ];
  for (const { chart, base, files } of cases) {
    const ci = readdirSync(join(root, 'charts', chart, 'ci')).filter((f) => f.endsWith('.yaml')).map((f) => `ci/${f}`);
    for (const f of [...files, ...ci]) {
      it(`${chart} ${f}`, () => {
        // As the page renders them: remote dependencies not in charts/ are left out.
        const dir = join(root, 'charts', chart);
        const c = loadChartDirectory(readTree(dir));
        const valueFiles = [...new Set([...base, f])].map((name) => ({ name, data: readFileSync(join(dir, name), 'utf8') }));
        expect(unusedMessages(c, valueFiles)).toEqual([]);
      });
    }
  }
});
