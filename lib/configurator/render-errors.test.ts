/**
 * What the page receives when a render fails: the worker's failure carries the error's code and
 * where it points (file, line, column, values path), for both helm versions, and the form's
 * errors are built from its schema problems.
 */
import { describe, expect, it } from 'vitest';
import { loadChartDirectory } from '../helm';
import type { HelmVersion } from '../helm/version';
import { valuesErrorMarkers } from './error-markers';
import { schemaErrorsByPath } from './render-errors';
import { renderConfiguration } from './render-job';
import { DEFAULT_RELEASE } from './release-options';
import type { RenderFailure } from './render-protocol';

const enc = new TextEncoder();
const chartOf = (files: Record<string, string>) =>
  loadChartDirectory([['Chart.yaml', 'apiVersion: v2\nname: t\nversion: 0.1.0\n'], ...Object.entries(files)].map(([path, text]) => ({ path, data: enc.encode(text) })));

function fail(files: Record<string, string>, valuesText: string, helmVersion: HelmVersion): RenderFailure {
  const out = renderConfiguration(chartOf(files), { valuesText, release: { ...DEFAULT_RELEASE, helmVersion }, budget: { deadlineMs: 5000, maxOutputBytes: 10_000_000 } });
  if (out.ok) throw new Error('rendered');
  return out;
}

describe.each(['3.17', '4.1'] as HelmVersion[])('render failures as fields, helm %s', (helm) => {
  it('fail in an include: the template helm names, its line and column, and the words of fail', () => {
    const out = fail({ 'templates/_validation.tpl': '{{- define "t.validate" -}}\n{{- fail "postgresql.external.host is required" -}}\n{{- end -}}\n', 'templates/a.yaml': 'a: 1\n{{ include "t.validate" . }}\n' }, '', helm);
    expect(out).toMatchObject({ kind: 'template', code: 'template-exec', where: { chart: 't', file: 't/templates/a.yaml', line: 2, column: 3 }, detail: 'postgresql.external.host is required' });
    expect(out.message).toBe('execution error at (t/templates/a.yaml:2:3): postgresql.external.host is required');
  });
  it('an execution error: file, line and column as the message gives them', () => {
    const out = fail({ 'templates/a.yaml': '{{ .Values.x.y }}\n' }, '', helm);
    expect(out).toMatchObject({ kind: 'template', code: 'template-exec', where: { file: 't/templates/a.yaml', line: 1, column: 10 } });
    expect(out.message).toContain(helm === '4.1' ? 't/templates/a.yaml:1:10\n  executing' : 'template: t/templates/a.yaml:1:10: executing');
  });
  it('a parse error: file and line', () => {
    const out = fail({ 'templates/a.yaml': 'a: 1\n\n\n\n\n\n{{ if }}\n{{ end }}\n' }, '', helm);
    expect(out).toMatchObject({ kind: 'template', code: 'template-parse', where: { file: 't/templates/a.yaml', line: 7 } });
    expect(out.message).toBe('parse error at (t/templates/a.yaml:7): missing value for if');
  });
  it('a rendered manifest that is not YAML: the line in the rendered file', () => {
    const out = fail({ 'templates/a.yaml': 'a: 1\nconfig: logLevel: debug\n' }, '', helm);
    expect(out).toMatchObject({ kind: 'template', code: 'manifest-yaml', where: { file: 't/templates/a.yaml', line: 2 } });
    expect(out.message).toContain('YAML parse error on t/templates/a.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context');
  });
  it("values helm cannot read: values.yaml's line, marked in the editor", () => {
    const valuesText = 'a: 1\nb: [1,\n';
    const out = fail({ 'templates/a.yaml': 'a: 1\n' }, valuesText, helm);
    expect(out).toMatchObject({ kind: 'values', code: 'values-yaml', where: { file: 'values.yaml', line: 3 } });
    expect(valuesErrorMarkers(out, valuesText)).toEqual([{ message: out.message, code: 'HELM', line: 3, column: 1, endLine: 3, endColumn: 2 }]);
  });
  it('an include chain: the outermost call is the place', () => {
    const out = fail({ 'templates/_h.tpl': '{{- define "x" -}}{{ .Values.a.b }}{{- end -}}\n', 'templates/a.yaml': 'a: 1\n\n{{ include "x" . }}\n' }, '', helm);
    expect(out.where).toEqual({ chart: 't', file: 't/templates/a.yaml', line: 3, column: 3 });
    if (helm === '4.1') expect(out.message.startsWith('t/templates/a.yaml:3:3\n  executing')).toBe(true);
  });
  it('schema problems: the values path, and the form errors by path', () => {
    const schema = JSON.stringify({ properties: { db: { properties: { port: { type: 'integer', maximum: 65535 } } } } });
    const out = fail({ 'values.schema.json': schema, 'templates/a.yaml': 'a: 1\n' }, 'db:\n  port: 70000\n', helm);
    expect(out).toMatchObject({ kind: 'schema', code: 'values-schema', where: { chart: 't', valuesPath: 'db.port' } });
    const message = helm === '4.1' ? 'maximum: got 70,000, want 65,535' : 'Must be less than or equal to 65535';
    expect(out.schemaProblems).toEqual([{ chart: 't', path: 'db.port', valuesPath: 'db.port', message }]);
    expect(schemaErrorsByPath(out.schemaProblems)).toEqual({ 'db.port': [message] });
  });
  it('other failures list no schema problems', () => {
    expect(fail({ 'templates/a.yaml': '{{ fail "x" }}\n' }, '', helm).schemaProblems).toEqual([]);
  });
});

describe('schemaErrorsByPath', () => {
  const problems = [
    { chart: 'aeterna', path: 'postgresql.external.port', valuesPath: 'postgresql.external.port', message: 'Must be less than or equal to 65535' },
    { chart: 'aeterna', path: '(root)', valuesPath: '', message: 'Additional property x is not allowed' },
    { chart: 'sub', path: 'a', valuesPath: 'sub.a', message: 'Invalid type' },
    { chart: 'aeterna', path: 'podAnnotations.prometheus.io/scrape', valuesPath: 'podAnnotations.prometheus\\.io/scrape', message: 'Invalid type' },
  ];
  it('maps them to values paths', () =>
    expect(schemaErrorsByPath(problems)).toEqual({
      'postgresql.external.port': ['Must be less than or equal to 65535'],
      '': ['Additional property x is not allowed'],
      'sub.a': ['Invalid type'],
      'podAnnotations.prometheus\\.io/scrape': ['Invalid type'],
    }));
});
