/**
 * `template --trace FILE`: stdout stays exactly what helm prints, and FILE maps every line of it
 * to where it came from (lib/helm/action/output-trace.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cachedHelmTemplate, removeChart, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom } from '../repo/cli-helpers';
import type { OutputTrace } from '../../lib/helm/action/output-trace';

const CHART = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';

const CHARTS: [string, ChartFiles, string[]][] = [
  [
    'includes, ranges, a hook, a crd, a subchart, <no value>',
    {
      'Chart.yaml': CHART,
      'values.yaml': 'name: web\nenv: {A: "1", B: "2"}\n',
      'crds/crd.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: xs.example.com\n',
      'templates/_h.tpl': '{{- define "labels" }}\napp: {{ .Values.name }}\nmissing: {{ .Values.nothing }}\n{{- end }}',
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n    {{- include "labels" . | nindent 4 }}\ndata:\n{{- range $k, $v := .Values.env }}\n  {{ $k }}: {{ $v | quote }}\n{{- end }}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n',
      'templates/hook.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hook\n  annotations:\n    "helm.sh/hook": pre-install\n',
      'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
      'charts/sub/templates/s.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Values.global.prefix | default "s" }}\n',
    },
    ['--include-crds'],
  ],
  ['--show-only', { 'Chart.yaml': CHART, 'templates/a.yaml': 'kind: A\nx: 1\n', 'templates/b.yaml': 'kind: B\ny: {{ 1 | add 1 }}\n' }, ['--show-only', 'templates/b.yaml']],
];

describe.each(['3.17.3', '4.1.4'])('template --trace: helm %s', (version) => {
  test.each(CHARTS)('%s', async (_name, files, args) => {
    const helm = await cachedHelmTemplate(files, args, { version });
    const dir = writeChart(files);
    const out = mkdtempSync(join(tmpdir(), 'chartroom-trace-'));
    try {
      const traceFile = join(out, 'trace.json');
      const ours = await chartroom(['template', 'release-name', dir, ...args, '--helm-version', version.split('.').slice(0, 2).join('.'), '--trace', traceFile]);
      expect(ours.status).toBe(helm.status);
      expect(ours.stdout).toBe(helm.stdout);
      const trace = JSON.parse(readFileSync(traceFile, 'utf8')) as OutputTrace;
      const lines = ours.stdout.split('\n').slice(0, -1);
      expect(trace.lines.length).toBe(lines.length);
      lines.forEach((text, i) => {
        const entry = trace.lines[i];
        if ('header' in entry) return expect(['---', '# Source: ']).toContain(text.startsWith('# Source: ') ? '# Source: ' : text);
        // Every character of a line is accounted for.
        expect(entry.spans.reduce((n, [from, to]) => n + (to - from), 0), `line ${i + 1}: ${text}`).toBe(text.length);
      });
    } finally {
      removeChart(dir);
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('a trace file that cannot be written is an error before anything is printed', async () => {
    const dir = writeChart(CHARTS[1][1]);
    try {
      const r = await chartroom(['template', dir, '--trace', join(dir, 'no', 'such', 'folder', 't.json')]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^Error: .*no such file or directory.*t\.json/);
    } finally {
      removeChart(dir);
    }
  });
});
