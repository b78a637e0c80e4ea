/**
 * `template --debug`: after a failure that happens once the release exists, helm prints the
 * release's manifest on stdout (the invalid YAML, or an empty line when rendering itself failed),
 * narrowed by --show-only, and leaves out its "Use --debug flag" hint; the exit code stays 1.
 * helm's own debug log lines (timestamps, Go stack traces) are not part of the comparison.
 */
import { describe, expect, test } from 'vitest';
import { cachedHelmTemplate, removeChart, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom, errorText } from './chartroom-cli';

const CHART = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';
const OK = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n';

const CASES: [string, ChartFiles, string[]][] = [
  ['a manifest that is not YAML', { 'Chart.yaml': CHART, 'values.yaml': 'a: 1\n', 'templates/bad.yaml': 'kind: ConfigMap\ndata:\n  x: {{ .Values.a }}\n   y: : :\n' }, []],
  ['a manifest that is not YAML, next to partials and a blank file', { 'Chart.yaml': CHART, 'templates/_h.tpl': '{{ define "x" }}v{{ end }}', 'templates/blank.yaml': '{{/* nothing */}}\n', 'templates/bad.yaml': 'a: {{ include "x" . }}\n b: [\n' }, []],
  ['--show-only of the invalid file', { 'Chart.yaml': CHART, 'templates/bad.yaml': 'a: b: c\n' }, ['--show-only', 'templates/bad.yaml']],
  ['--show-only of a file that is not there', { 'Chart.yaml': CHART, 'templates/bad.yaml': 'a: b: c\n' }, ['--show-only', 'templates/none.yaml']],
  ['a failing template', { 'Chart.yaml': CHART, 'templates/ok.yaml': OK, 'templates/bad.yaml': '{{ fail "boom" }}\n' }, []],
  ['an incompatible kubeVersion', { 'Chart.yaml': `${CHART}kubeVersion: "<1.0.0"\n`, 'templates/ok.yaml': OK }, []],
  ['a chart that renders', { 'Chart.yaml': CHART, 'templates/ok.yaml': OK }, []],
  ['an error before rendering (no release yet)', { 'Chart.yaml': `${CHART}dependencies:\n  - name: sub\n    version: 1.0.0\n`, 'templates/ok.yaml': OK }, []],
];

/** Helm 3 follows its error with a debug log line and the Go stack trace: the error is what comes before. */
const withoutDebugLog = (error: string) => error.replace(/\nhelm\.go:\d+: [^]*$/, '');

describe.each(['3.17.3', '4.1.4'])('template --debug: helm %s', (version) => {
  test.each(CASES)('%s', async (_name, files, args) => {
    const helm = await cachedHelmTemplate(files, [...args, '--debug'], { version });
    const dir = writeChart(files);
    try {
      const ours = chartroom(['template', 'release-name', dir, ...args, '--debug', '--helm-version', version.split('.').slice(0, 2).join('.')]);
      expect(ours.status).toBe(helm.status);
      expect(ours.stdout).toBe(helm.stdout);
      expect(errorText(ours.stderr)).toBe(withoutDebugLog(errorText(helm.stderr)));
    } finally {
      removeChart(dir);
    }
  });
});

test('without --debug the hint stays and nothing is printed', () => {
  const dir = writeChart({ 'Chart.yaml': CHART, 'templates/bad.yaml': 'a: b: c\n' });
  try {
    const r = chartroom(['template', 'release-name', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\n\nUse --debug flag to render out invalid YAML\n$/);
  } finally {
    removeChart(dir);
  }
});
