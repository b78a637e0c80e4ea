/**
 * Small charts of our own that the test repository and registry serve: two charts in several
 * versions (a prerelease among them, for helm's version choice), each rendering one ConfigMap
 * that shows which chart and version rendered it.
 */
import type { ChartFiles } from '../helm/reference';

/** A fixture chart `name` at `version`, its ConfigMap labelled `chart: NAME-VERSION`. */
export function chart(name: string, version: string, extra: ChartFiles = {}): ChartFiles {
  return {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: ${version}\nappVersion: "${version}"\ndescription: ${name} fixture\n`,
    'values.yaml': `greeting: hello from ${name}\n`,
    'templates/configmap.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-{{ .Chart.Name }}\n  labels:\n    chart: {{ .Chart.Name }}-{{ .Chart.Version }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
    ...extra,
  };
}

/** The charts served, by `name-version`. */
export const FIXTURE_CHARTS: Record<string, ChartFiles> = {
  'greeter-0.1.0': chart('greeter', '0.1.0'),
  'greeter-0.2.0': chart('greeter', '0.2.0'),
  'greeter-0.3.0-rc.1': chart('greeter', '0.3.0-rc.1'),
  'greeter-1.0.0': chart('greeter', '1.0.0', { 'templates/NOTES.txt': 'greeter {{ .Chart.Version }}\n' }),
  'counter-1.0.0': chart('counter', '1.0.0'),
  'counter-1.1.0': chart('counter', '1.1.0', { 'templates/_helpers.tpl': '{{- define "counter.n" -}}{{ .Values.n | default 3 }}{{- end -}}\n', 'templates/count.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-count\ndata:\n  n: {{ include "counter.n" . | quote }}\n' }),
};

/** A chart that depends on fixture charts (the caller supplies the dependency list). */
export function parentChart(dependencies: string, extra: ChartFiles = {}): ChartFiles {
  return {
    'Chart.yaml': `apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n${dependencies}`,
    'values.yaml': 'greeter:\n  greeting: hello from the parent\n',
    'templates/parent.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-parent\n',
    ...extra,
  };
}
