import { describe, expect, it } from 'vitest';
import { loadChartDirectory } from '../helm/chart/loader';
import { mergeUserValues, templateChart } from '../helm';
import { gitopsCallRecorder, gitopsFindings, manifestDocs, type Finding } from './index';

const enc = new TextEncoder();

/** A chart `demo` from template texts (plus Chart.yaml and an optional values.yaml). */
function chart(templates: Record<string, string>, values = '') {
  const files = { 'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 1.0.0\n', 'values.yaml': values, ...Object.fromEntries(Object.entries(templates).map(([k, v]) => [`templates/${k}`, v])) };
  return loadChartDirectory(Object.entries(files).map(([path, text]) => ({ path, data: enc.encode(text) })));
}

function findings(templates: Record<string, string>, values = '', userValues = '', disable: string[] = []): Finding[] {
  const c = chart(templates, values);
  const rec = gitopsCallRecorder();
  const r = templateChart(c, { releaseName: 'rel', namespace: 'ns', values: mergeUserValues({ valueFiles: [{ name: 'u.yaml', data: userValues }] }), observer: rec.observer });
  return gitopsFindings(c, rec.calls, r.values, manifestDocs(r), disable);
}

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
{{- if .Values.password }}
  password: {{ .Values.password | b64enc }}
{{- else }}
  password: {{ randAlphaNum 16 | b64enc }}
{{- end }}
`;

describe('gitops/nondeterministic', () => {
  it('names the template line, the object and the values that decide', () => {
    const [f, ...rest] = findings({ 'secret.yaml': SECRET }, 'password: ""\n');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'gitops/nondeterministic', severity: 'warning', resource: { kind: 'Secret', name: 'creds', template: 'demo/templates/secret.yaml' }, source: { template: 'demo/templates/secret.yaml', line: 9 }, valuesPath: 'password' });
    expect(f.message).toContain('templates/secret.yaml:9 calls randAlphaNum');
    expect(f.message).toContain('`password`');
  });

  it('is gone once the deciding value is set', () => {
    expect(findings({ 'secret.yaml': SECRET }, 'password: ""\n', 'password: s3cret\n')).toEqual([]);
  });

  it('follows a helper back to the values its callers pass', () => {
    const helpers = '{{- define "demo.token" -}}{{- if .given }}{{ .given }}{{ else }}{{ uuidv4 }}{{ end }}{{- end }}';
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  token: {{ include "demo.token" (dict "given" .Values.api.token) | quote }}\n';
    const [f] = findings({ '_helpers.tpl': helpers, 'cm.yaml': cm }, 'api:\n  token: ""\n');
    expect(f).toMatchObject({ id: 'gitops/nondeterministic', resource: { kind: 'ConfigMap', name: 'cm' }, source: { template: 'demo/templates/_helpers.tpl', line: 1 }, valuesPath: 'api.token' });
  });

  it('does not fire for dates formatted from a given time, or for deterministic functions', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  d: {{ toDate "2006-01-02" "2024-05-06" | date "2006" | quote }}\n  s: {{ sha256sum "x" | quote }}\n';
    expect(findings({ 'cm.yaml': cm })).toEqual([]);
  });

  it('a random fallback of default counts only while the given value is empty', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: {{ .Values.a | default (randAlphaNum 8) | quote }}\n  b: {{ default (uuidv4) .Values.b | quote }}\n';
    expect(findings({ 'cm.yaml': cm }, 'a: ""\nb: ""\n').map((f) => `${f.source?.line} ${f.valuesPath}`)).toEqual(['6 a', '7 b']);
    expect(findings({ 'cm.yaml': cm }, 'a: ""\nb: ""\n', 'a: x\n').map((f) => `${f.source?.line} ${f.valuesPath}`)).toEqual(['7 b']);
    expect(findings({ 'cm.yaml': cm }, 'a: ""\nb: ""\n', 'a: x\nb: y\n')).toEqual([]);
  });

  it('can be disabled like any rule', () => {
    expect(findings({ 'secret.yaml': SECRET }, '', '', ['gitops/'])).toEqual([]);
  });
});

describe('gitops/lookup', () => {
  it('names the lookup line and the values around it', () => {
    const t = `{{- if not .Values.existingSecret }}
{{- $s := lookup "v1" "Secret" .Release.Namespace "keep" }}
apiVersion: v1
kind: Secret
metadata:
  name: keep
{{- end }}
`;
    const [f, ...rest] = findings({ 'keep.yaml': t }, 'existingSecret: ""\n');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'gitops/lookup', resource: { kind: 'Secret', name: 'keep' }, source: { line: 2 }, valuesPath: 'existingSecret' });
    expect(f.message).toContain('templates/keep.yaml:2 calls lookup');
  });
});
