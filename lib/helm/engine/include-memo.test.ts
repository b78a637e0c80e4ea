import { afterEach, describe, expect, test, vi } from 'vitest';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { readTree } from '../../cli/node-io';
import { loadChartDirectory } from '../chart';
import { templateChart } from '../action/template';
import { yamlToGo } from '../../yaml';
import { goToYaml } from '../../yaml';
import { emitterMemoSizes } from '../../yaml/emit';
import { semverMemoSizes } from '../../deps/semver';
import { semverFuncs } from '../../sprig/semver';
import { Tree } from '../../gotemplate/parse/parse';
import { Template } from '../../gotemplate/template';
import { GoInt, type GoMap, type GoValue } from '../../go/value';
import { firstDifference, referenceTemplate, removeChart, writeChart, REFERENCE, type ChartFiles } from '../../../tests/helm/reference';
import { removeStandins, withStandins } from '../../../tests/charts/standins';
import { helmFuncMap } from './funcs';
import { IncludeMemo, setIncludeReuse } from './include-memo';
import { MUTATING, NON_DETERMINISTIC } from '../../sprig/functions';

afterEach(() => setIncludeReuse(true));

const CHART_YAML = 'apiVersion: v2\nname: memo\nversion: 0.1.0\n';

/** Each row: templates whose include results must not be reused across what changes between calls. */
const CASES: [string, ChartFiles][] = [
  [
    '.Template read by a helper in two files',
    {
      'templates/_h.tpl': '{{- define "where" }}{{ .Template.Name }} in {{ .Template.BasePath }}{{ end }}',
      'templates/a.yaml': 'a: {{ include "where" . | quote }}\nb: {{ include "where" . | quote }}\n',
      'templates/b.yaml': 'c: {{ include "where" . | quote }}\n',
    },
  ],
  [
    '.Template read two helpers deep, and by walking the top-level object',
    {
      'templates/_h.tpl':
        '{{- define "inner" }}{{ $.Template.Name }}{{ end }}{{ define "outer" }}[{{ include "inner" . }}]{{ end }}' +
        '{{ define "walk" }}{{ range $k, $v := . }}{{ if eq $k "Template" }}{{ $v.Name }}{{ end }}{{ end }}{{ end }}' +
        '{{ define "dump" }}{{ toJson .Template }}{{ end }}',
      'templates/a.yaml': 'a: {{ include "outer" . | quote }}\nw: {{ include "walk" . | quote }}\nd: {{ include "dump" . | quote }}\n',
      'templates/b.yaml': 'b: {{ include "outer" . | quote }}\nw: {{ include "walk" . | quote }}\nd: {{ include "dump" . | quote }}\n',
    },
  ],
  [
    'values changed by set and unset between includes',
    {
      'values.yaml': 'name: first\nextra: x\n',
      'templates/_h.tpl': '{{- define "name" }}{{ .Values.name }}-{{ .Values.extra | default "none" }}{{ end }}',
      'templates/a.yaml':
        'a: {{ include "name" . }}\n{{- $_ := set .Values "name" "second" }}\nb: {{ include "name" . }}\n' +
        '{{- $_ := unset .Values "extra" }}\nc: {{ include "name" . }}\n',
      'templates/b.yaml': 'd: {{ include "name" . }}\n',
    },
  ],
  [
    'a helper that mutates what it is given',
    {
      'values.yaml': 'count: 0\nlist: {}\n',
      'templates/_h.tpl':
        '{{- define "bump" }}{{ $_ := set .Values "count" (add1 .Values.count) }}{{ .Values.count }}{{ end }}' +
        '{{ define "mergeIn" }}{{ $_ := merge .Values.list (dict (printf "k%d" (len .Values.list)) 1) }}{{ len .Values.list }}{{ end }}',
      'templates/a.yaml': 'a: {{ include "bump" . }}{{ include "bump" . }}{{ include "bump" . }}\nm: {{ include "mergeIn" . }}{{ include "mergeIn" . }}\n',
    },
  ],
  [
    'include from tpl, and tpl redefining a helper',
    {
      'values.yaml': 'text: \'{{ include "h" . }}/{{ .Template.Name }}\'\nredefine: \'{{ define "h" }}redefined{{ end }}{{ include "h" . }}\'\n',
      'templates/_h.tpl': '{{- define "h" }}original {{ .Release.Name }}{{ end }}',
      'templates/a.yaml': 'a: {{ tpl .Values.text . | quote }}\nb: {{ tpl .Values.redefine . | quote }}\nc: {{ include "h" . | quote }}\nd: {{ tpl .Values.text . | quote }}\n',
      'templates/b.yaml': 'e: {{ tpl .Values.text . | quote }}\n',
    },
  ],
  [
    'a []string sorted in place between includes',
    {
      'templates/_h.tpl': '{{- define "show" }}{{ join "," .list }}{{ end }}',
      'templates/a.yaml':
        '{{- $d := dict "list" (splitList " " "b c a") }}\na: {{ include "show" $d }}\n{{- $_ := sortAlpha $d.list }}\nb: {{ include "show" $d }}\n',
    },
  ],
  [
    'includes with other data, in ranges and with variables',
    {
      'values.yaml': 'items: [a, b, a]\n',
      'templates/_h.tpl': '{{- define "item" }}{{ . | upper }}{{ end }}{{ define "pair" }}{{ .a }}={{ .b }}{{ end }}',
      'templates/a.yaml':
        'items:\n{{- range .Values.items }}\n- {{ include "item" . }}\n- {{ include "pair" (dict "a" . "b" $.Release.Name) }}\n{{- end }}\n',
    },
  ],
  [
    'fresh dicts whose values differ only in type, or hold different maps with equal contents',
    {
      'values.yaml': 'a: {x: 1}\nb: {x: 1}\nf: 1.0\n',
      'templates/_h.tpl': '{{- define "show" }}{{ printf "%T %v" .v .v }} {{ kindOf .v }} {{ .ctx.Release.Name }}{{ end }}',
      'templates/a.yaml':
        'a: {{ include "show" (dict "ctx" $ "v" 1) | quote }}\nb: {{ include "show" (dict "ctx" $ "v" "1") | quote }}\n' +
        'c: {{ include "show" (dict "ctx" $ "v" (int 1)) | quote }}\nd: {{ include "show" (dict "ctx" $ "v" .Values.f) | quote }}\n' +
        'e: {{ include "show" (dict "ctx" $ "v" (int64 1)) | quote }}\nf: {{ include "show" (dict "v" 1 "ctx" $) | quote }}\n' +
        'g: {{ include "show" (dict "ctx" $ "v" .Values.a) | quote }}\n{{- $_ := set .Values.b "x" 2 }}\nh: {{ include "show" (dict "ctx" $ "v" .Values.b) | quote }}\n' +
        'i: {{ include "show" (dict "ctx" $ "v" 1) | quote }}\n',
    },
  ],
];

describe('include results reused within a render match helm', () => {
  test.each(CASES)('%s', async (_name, files) => {
    const dir = writeChart({ 'Chart.yaml': CHART_YAML, ...files }, 'memo');
    try {
      const helm = await referenceTemplate(dir);
      expect(helm.ok, helm.ok ? '' : helm.error).toBe(true);
      if (!helm.ok) return;
      const chart = loadChartDirectory(readTree(dir));
      for (let i = 0; i < 2; i++) {
        const out = templateChart(chart, { helmVersion: REFERENCE.setting }).output;
        const diff = firstDifference(helm.output, out);
        expect(diff, diff ?? '').toBeNull();
      }
    } finally {
      removeChart(dir);
    }
  });

  test('helpers with random values are not reused', () => {
    const dir = writeChart({
      'Chart.yaml': CHART_YAML,
      'templates/_h.tpl': '{{- define "secret" }}{{ randAlphaNum 24 }}{{ end }}{{ define "wrap" }}<{{ include "secret" . }}>{{ end }}',
      'templates/a.yaml': 'a: {{ include "wrap" . }}\nb: {{ include "wrap" . }}\nc: {{ include "secret" . }}\nd: {{ include "secret" . }}\n',
    });
    try {
      const out = templateChart(loadChartDirectory(readTree(dir))).output;
      const values = [...out.matchAll(/^[abcd]: <?([A-Za-z0-9]{24})>?$/gm)].map((m) => m[1]);
      expect(values).toHaveLength(4);
      expect(new Set(values).size).toBe(4);
    } finally {
      removeChart(dir);
    }
  });

  test('every Helm function is known to be pure, impure or mutating', () => {
    // A new function with effects must declare it where it is defined (defineFunc's effect); this list
    // of the rest makes adding one a conscious decision.
    const classified = new Set([...NON_DETERMINISTIC, ...MUTATING]);
    const pure = Object.keys(helmFuncMap()).filter((n) => !classified.has(n));
    expect(pure.filter((n) => /rand|uuid|now|gen|crypt|date|shuffle|set|merge|sort/i.test(n)).sort()).toEqual(
      ['decryptAES', 'dateModify', 'date_modify', 'mustDateModify', 'mustToDate', 'must_date_modify', 'toDate'].sort(),
    );
  });
});

describe('warm re-renders of the bundled charts', () => {
  const root = resolve(__dirname, '../../..');
  const charts: [string, string?][] = [['aeterna'], ['verta', 'ci/default-values.yaml']];

  test.each(charts)('%s: no template parsing, reused includes, same output as without reuse', (name, valuesFile) => {
    const dir = withStandins(join(root, 'charts', name));
    try {
      const base = valuesFile ? (yamlToGo(readFileSync(join(dir, valuesFile), 'utf8')) as GoMap) : new Map();
      const chart = loadChartDirectory(readTree(dir));
      const values = (i: number): GoMap => new Map([...base, ['nameOverride', `warm-${i}`]]);
      templateChart(chart, { values: values(0) });

      const parse = vi.spyOn(Tree.prototype, 'parse');
      const execute = vi.spyOn(Template.prototype, 'executeTemplate');
      const warm = templateChart(chart, { values: values(1) });
      expect(parse).not.toHaveBeenCalled();
      const withReuse = execute.mock.calls.length;

      setIncludeReuse(false);
      execute.mockClear();
      const plain = templateChart(chart, { values: values(1) });
      expect(withReuse).toBeLessThan(execute.mock.calls.length);
      parse.mockRestore();
      execute.mockRestore();

      // Random secrets differ between renders; everything else must be the same.
      const stable = (s: string) => s.replace(/(: |")[A-Za-z0-9+/=]{20,}"?$/gm, '$1<random>');
      expect(stable(warm.output)).toBe(stable(plain.output));
    } finally {
      removeStandins(dir);
    }
  });
});

describe('include data compared by contents', () => {
  test('a fresh small dict with the same entries reuses the result; other types or objects do not', () => {
    const memo = new IncludeMemo();
    const table = memo.table();
    memo.beginRender();
    const shared = new Map([['k', 'v']]);
    const run = (data: GoMap, out: string) => memo.run(table, 'h', data, () => out);
    expect(run(new Map<string, GoValue>([['ctx', shared], ['n', 1]]), 'first')).toBe('first');
    expect(run(new Map<string, GoValue>([['ctx', shared], ['n', 1]]), 'again')).toBe('first');
    expect(run(new Map<string, GoValue>([['ctx', shared], ['n', '1']]), 'string')).toBe('string');
    expect(run(new Map<string, GoValue>([['ctx', shared], ['n', new GoInt(1)]]), 'int')).toBe('int');
    expect(run(new Map<string, GoValue>([['ctx', new Map([['k', 'v']])], ['n', 1]]), 'other map')).toBe('other map');
    expect(memo.hits).toBe(1);
  });
});

describe('memo tables stay bounded', () => {
  test('YAML emitter tables', () => {
    for (let i = 0; i < 10000; i++) goToYaml(new Map([[`key-${i}`, `value ${i}`], ['other', i % 2 ? 'yes' : `x${i}`]]));
    for (const size of emitterMemoSizes()) expect(size).toBeLessThanOrEqual(4096);
  });

  test('semver parses', () => {
    for (let i = 0; i < 3000; i++) semverFuncs().semverCompare.call(`>= 1.${i}.0`, `1.${i % 50}.0`);
    const [constraints, versions] = semverMemoSizes();
    expect(constraints).toBeLessThanOrEqual(1024);
    expect(versions).toBeLessThanOrEqual(1024);
  });

  test('include results', () => {
    const memo = new IncludeMemo();
    const table = memo.table();
    memo.beginRender();
    for (let i = 0; i < 10000; i++) memo.run(table, 'h', `data-${i}`, () => 'x');
    expect(table.size).toBeLessThanOrEqual(4096);
    expect(memo.run(table, 'h', 'data-9999', () => 'recomputed')).toBe('x');
    memo.beginRender();
    expect(memo.run(table, 'h', 'data-9999', () => 'recomputed')).toBe('recomputed');
  });
});
