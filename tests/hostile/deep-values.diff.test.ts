/**
 * Values nested thousands of levels deep, in a values file and through --set-json: below helm's
 * limits they render exactly as helm renders them (the copy, merge and JSON walks must not run
 * out of stack), at the limits they fail with helm's messages, and an encoder that cannot
 * finish fails the render instead of printing nothing.
 */
import { describe, expect, test } from 'vitest';
import { referenceTemplateFiles, removeChart, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom, errorText } from '../diff/chartroom-cli';

const CHART_YAML = 'apiVersion: v2\nname: deep\nversion: 0.1.0\n';
const list = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const map = (depth: number) => `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
const TEMPLATE = 'json: {{ toJson .Values | len }}\nkind: {{ kindOf .Values.a }}\n';

const CASES: [string, string, string[]][] = [
  ['a values file nested 9,999 lists deep', `a: ${list(9999)}\n`, []],
  ['a values file nested 9,999 maps deep', `a: ${map(9999)}\n`, []],
  ['a values file past encoding/json\'s 10,000 levels', `a: ${list(10000)}\n`, []],
  ['a values file past go-yaml\'s 10,000 levels', `a: ${list(10001)}\n`, []],
  ['--set-json nested 9,000 deep', '', ['--set-json', `a=${list(9000)}`]],
  ['--set-json nested 10,000 deep', '', ['--set-json', `a=${list(10000)}`]],
  ['--set-json past 10,000 levels', '', ['--set-json', `a=${list(10001)}`]],
];

/** Renders with the Helm version whose helm release (`4.1.4`) it is compared with. */
function ours(files: ChartFiles, args: string[], release: string) {
  const dir = writeChart(files);
  try {
    return chartroom(['template', 'release-name', dir, ...args, '--helm-version', release]);
  } finally {
    removeChart(dir);
  }
}

describe.each(['3.17.3', '4.1.4'])('deeply nested values: helm %s', (version) => {
  test.each(CASES)('%s', async (_name, values, args) => {
    const files = { 'Chart.yaml': CHART_YAML, 'values.yaml': values, 'templates/t.yaml': TEMPLATE };
    const helm = await referenceTemplateFiles(files, args, version);
    const r = ours(files, args, version);
    expect(r.status === 0).toBe(helm.ok);
    if (helm.ok) return expect(r.stdout).toBe(helm.output);
    expect(errorText(r.stderr)).toBe(`Error: ${helm.error}`);
  });
});

// toYaml and toToml walk as deep as helm's encoders: 9,999 nested lists (within go-yaml's limit),
// and maps as deep as keeps the text small (a map level indents every line below it).
const ENCODERS = [
  'yaml: {{ toYaml .Values.a | len }}\ntoml: {{ toToml (dict "a" .Values.a) | len }}\n',
  'yamlMaps: {{ toYaml .Values.m | len }}\ntomlMaps: {{ toToml .Values.m | len }}\nyamlSum: {{ toYaml .Values | sha256sum }}\ntomlSum: {{ toToml .Values | sha256sum }}\n',
].join('');

describe.each(['3.17.3', '4.1.4'])('encoders of deeply nested values: helm %s', (version) => {
  test('toYaml and toToml of 9,999 nested lists and 1,000 nested maps', async () => {
    const files = { 'Chart.yaml': CHART_YAML, 'values.yaml': `a: ${list(9999)}\nm: ${map(1000)}\n`, 'templates/t.yaml': ENCODERS };
    const helm = await referenceTemplateFiles(files, [], version);
    expect(helm.ok).toBe(true);
    expect(ours(files, [], version).stdout).toBe(helm.ok ? helm.output : '');
  });
});
