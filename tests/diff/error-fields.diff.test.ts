/**
 * Structured errors against helm: each case fails in one layer (template parse or execution, a
 * rendered manifest, the values schema, a values file, chart loading). Helm's own text must be
 * chartroom's message, unchanged, and the error's code and fields must point where that text does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { errorReport, type ErrorReport } from '../../lib/errors';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import { mergeUserValues, templateChart } from '../../lib/helm';
import { REFERENCE, runHelm } from '../helm/reference';
import { errorText } from './chartroom-cli';

const h4 = REFERENCE.setting === '4.1';
const root = mkdtempSync(join(tmpdir(), 'error-fields-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const chartYaml = (name: string) => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`;

interface Case {
  name: string;
  /** Files of the chart `t`, by path from its root. */
  files: Record<string, string>;
  /** A values file passed with `-f`, when the case needs one. */
  valuesFile?: string;
  /** The error's code and fields (its message is compared with helm's, not written here). */
  want: Omit<ErrorReport, 'message'>;
  /** Text helm's message holds that says the same place, when helm prints it. */
  helmSays?: string;
}

const CASES: Case[] = [
  {
    name: 'template execution: a nil pointer',
    files: { 'Chart.yaml': chartYaml('t'), 'templates/a.yaml': 'a: 1\nb: {{ .Values.x.y }}\n' },
    want: { code: 'template-exec', where: { chart: 't', file: 't/templates/a.yaml', line: 2, column: 13 }, schemaProblems: [] },
    helmSays: 't/templates/a.yaml:2:13',
  },
  {
    name: 'template execution: fail inside an include points at the outer call',
    files: {
      'Chart.yaml': chartYaml('t'),
      'templates/_h.tpl': '{{- define "t.check" -}}\n{{- fail "boom" -}}\n{{- end -}}\n',
      'templates/a.yaml': 'a: 1\n\n{{ include "t.check" . }}\n',
    },
    want: { code: 'template-exec', where: { chart: 't', file: 't/templates/a.yaml', line: 3, column: 3 }, schemaProblems: [] },
    helmSays: 'execution error at (t/templates/a.yaml:3:3): boom',
  },
  {
    name: 'template execution: in a subchart, the subchart is the chart',
    files: {
      'Chart.yaml': chartYaml('t'),
      'charts/sub/Chart.yaml': chartYaml('sub'),
      'charts/sub/templates/s.yaml': 's: {{ required "s.value is required" .Values.value }}\n',
    },
    want: { code: 'template-exec', where: { chart: 'sub', file: 't/charts/sub/templates/s.yaml', line: 1, column: 6 }, schemaProblems: [] },
    helmSays: 't/charts/sub/templates/s.yaml:1:6',
  },
  {
    name: 'template parse error: file and line',
    files: { 'Chart.yaml': chartYaml('t'), 'templates/b.yaml': 'a: 1\n{{ if }}\n{{ end }}\n' },
    want: { code: 'template-parse', where: { chart: 't', file: 't/templates/b.yaml', line: 2 }, schemaProblems: [] },
    helmSays: 't/templates/b.yaml:2',
  },
  {
    name: 'a rendered manifest that is not YAML: the line in the rendered file',
    files: { 'Chart.yaml': chartYaml('t'), 'templates/c.yaml': 'a: 1\n---\nkind: ConfigMap\nb: [unclosed\n' },
    want: { code: 'manifest-yaml', where: { chart: 't', file: 't/templates/c.yaml', line: 5, column: 1 }, schemaProblems: [] },
    helmSays: 'YAML parse error on t/templates/c.yaml',
  },
  {
    name: 'schema: the values path of a nested value',
    files: {
      'Chart.yaml': chartYaml('t'),
      'values.yaml': 'db:\n  port: 5432\n',
      'values.schema.json': JSON.stringify({ type: 'object', properties: { db: { type: 'object', properties: { port: { type: 'integer', maximum: 65535 } } } } }),
      'templates/a.yaml': 'a: 1\n',
    },
    valuesFile: 'db:\n  port: 70000\n',
    want: {
      code: 'values-schema',
      where: { chart: 't', valuesPath: 'db.port' },
      schemaProblems: [{ chart: 't', path: 'db.port', valuesPath: 'db.port', message: h4 ? 'maximum: got 70,000, want 65,535' : 'Must be less than or equal to 65535' }],
    },
  },
  {
    name: "schema: a subchart's problem is under the subchart's values",
    files: {
      'Chart.yaml': chartYaml('t'),
      'values.yaml': 'sub:\n  port: 1\n',
      'charts/sub/Chart.yaml': chartYaml('sub'),
      'charts/sub/values.schema.json': JSON.stringify({ type: 'object', properties: { port: { type: 'integer', minimum: 1 } } }),
      'charts/sub/templates/s.yaml': 's: 1\n',
    },
    valuesFile: 'sub:\n  port: 0\n',
    want: {
      code: 'values-schema',
      where: { chart: 'sub', valuesPath: 'sub.port' },
      schemaProblems: [{ chart: 'sub', path: 'port', valuesPath: 'sub.port', message: h4 ? 'minimum: got 0, want 1' : 'Must be greater than or equal to 1' }],
    },
  },
  {
    name: 'schema: a key holding dots is one key of the values path',
    files: {
      'Chart.yaml': chartYaml('t'),
      'values.yaml': 'podAnnotations: {}\n',
      'values.schema.json': JSON.stringify({ type: 'object', properties: { podAnnotations: { type: 'object', additionalProperties: { type: 'string' } } } }),
      'templates/a.yaml': 'a: 1\n',
    },
    valuesFile: 'podAnnotations:\n  prometheus.io/scrape: true\n',
    want: {
      code: 'values-schema',
      where: { chart: 't', valuesPath: 'podAnnotations.prometheus\\.io/scrape' },
      schemaProblems: [{ chart: 't', path: 'podAnnotations.prometheus.io/scrape', valuesPath: 'podAnnotations.prometheus\\.io/scrape', message: h4 ? 'got boolean, want string' : 'Invalid type. Expected: string, given: boolean' }],
    },
  },
  {
    name: 'a values file that is not YAML: its name and line',
    files: { 'Chart.yaml': chartYaml('t'), 'templates/a.yaml': 'a: 1\n' },
    valuesFile: 'a: 1\nb: [1,\n',
    want: { code: 'values-yaml', where: { file: 'VALUES', line: 3, column: 1 }, schemaProblems: [] },
  },
  {
    name: "chart loading: a subchart's Chart.yaml, named from the parent's root",
    files: { 'Chart.yaml': chartYaml('t'), 'charts/sub/Chart.yaml': 'apiVersion: v2\nname: [sub\n', 'templates/a.yaml': 'a: 1\n' },
    want: { code: 'chart-load', where: { chart: 't', file: 'charts/sub/Chart.yaml', line: 3, column: 1 }, schemaProblems: [] },
    helmSays: 'error unpacking subchart sub in t',
  },
  {
    name: "chart loading: the chart's own values.yaml",
    files: { 'Chart.yaml': chartYaml('t'), 'values.yaml': 'a: 1\n b: 2\n', 'templates/a.yaml': 'a: 1\n' },
    want: { code: 'chart-load', where: { chart: 't', file: 'values.yaml', line: 2, column: 3 }, schemaProblems: [] },
    helmSays: 'cannot load values.yaml',
  },
];

function writeCase(dir: string, c: Case): { chartDir: string; valuesPath?: string } {
  const chartDir = join(dir, 't');
  for (const [path, text] of Object.entries(c.files)) {
    mkdirSync(dirname(join(chartDir, path)), { recursive: true });
    writeFileSync(join(chartDir, path), text);
  }
  if (c.valuesFile === undefined) return { chartDir };
  const valuesPath = join(dir, 'user-values.yaml');
  writeFileSync(valuesPath, c.valuesFile);
  return { chartDir, valuesPath };
}

/** chartroom's error for the case, as the CLI's template command meets it. */
function chartroomError(chartDir: string, valuesPath: string | undefined, valuesText: string | undefined): ErrorReport {
  try {
    const chart = loadChartFromDisk(chartDir, root, undefined, REFERENCE.setting);
    const values = mergeUserValues({ helmVersion: REFERENCE.setting, valueFiles: valuesPath ? [{ name: valuesPath, data: valuesText! }] : [] });
    templateChart(chart, { helmVersion: REFERENCE.setting, releaseName: 'r', values });
  } catch (e) {
    return errorReport(e);
  }
  throw new Error('rendered without an error');
}

describe(`structured errors: helm ${REFERENCE.release}'s text, chartroom's fields`, () => {
  test.each(CASES)('$name', async (c) => {
    const dir = join(root, c.name.replace(/\W+/g, '-'));
    const { chartDir, valuesPath } = writeCase(dir, c);
    const helm = await runHelm(['template', 'r', chartDir, ...(valuesPath ? ['-f', valuesPath] : [])]);
    expect(helm.status).not.toBe(0);
    const ours = chartroomError(chartDir, valuesPath, c.valuesFile);
    // The message is helm's (the CLI adds `Error: ` and, after a render, the --debug hint).
    expect(errorText(helm.stderr).replace(/\n\nUse --debug flag to render out invalid YAML$/, '')).toBe(errorText(`Error: ${ours.message}`));
    const want = { ...c.want, where: { ...c.want.where, ...(c.want.where.file === 'VALUES' ? { file: valuesPath } : {}) } };
    expect({ code: ours.code, where: ours.where, schemaProblems: ours.schemaProblems }).toEqual(want);
    if (c.helmSays) expect(helm.stderr).toContain(c.helmSays);
  });
});
