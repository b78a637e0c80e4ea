import { describe, expect, it } from 'vitest';
import { loadChartFiles } from '../chart/loader';
import { templateChart } from '../action/template';
import { prepareRelease } from '../action/install';
import { renderChart } from './engine';
import { escapeKey, pathKeys } from '../strvals';
import { isPathRead, ValuesReadRecorder, type TemplateReads } from './values-reads';
import { yamlToGo } from '../../yaml';
import type { GoMap } from '../../go/value';

const enc = new TextEncoder();

function chart(files: Record<string, string>) {
  return loadChartFiles(Object.entries(files).map(([name, text]) => ({ name, data: enc.encode(text) })));
}

const CHART_YAML = 'apiVersion: v2\nname: top\nversion: 0.1.0\n';

/** Renders the templates (their output need not be YAML) with and without recording; the outputs must agree. */
function record(files: Record<string, string>, values = ''): { reads: Map<string, TemplateReads>; recorder: ValuesReadRecorder } {
  const recorder = new ValuesReadRecorder();
  const c = chart({ 'Chart.yaml': CHART_YAML, ...files });
  const render = (recordReads?: ValuesReadRecorder) => {
    const release = prepareRelease(c, { values: values ? (yamlToGo(values) as GoMap) : new Map() });
    return renderChart(release.chart, release.top, { recordReads });
  };
  expect(render(recorder)).toEqual(render());
  return { reads: recorder.byTemplate(), recorder };
}

function readsOf(files: Record<string, string>, values = ''): TemplateReads {
  return record({ 'templates/t.yaml': files.t, ...files }, values).reads.get('top/templates/t.yaml')!;
}

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('values read recording', () => {
  const cases: { name: string; values: string; t: string; read: string[]; subtrees?: string[] }[] = [
    { name: 'a field chain reads each step', values: 'a: {b: 1}', t: 'x: {{ .Values.a.b }}', read: ['a', 'a.b'] },
    { name: 'a missing key is still a read', values: '', t: 'x: {{ .Values.nope }}', read: ['nope'] },
    { name: 'through $ inside with', values: 'a: {b: 1}\nc: 2', t: '{{ with .Values.a }}x: {{ .b }} {{ $.Values.c }}{{ end }}', read: ['a', 'a.b', 'c'] },
    { name: 'index', values: 'a: {b: {c: 1}}', t: '{{ index .Values "a" "b" "c" }}', read: ['a', 'a.b', 'a.b.c'] },
    { name: 'dig', values: 't: {a: {b: 1}}', t: '{{ dig "a" "b" 0 .Values.t }}', read: ['t', 't.a', 't.a.b'] },
    { name: 'get', values: 'a: {b: 1}', t: '{{ get .Values.a "b" }}', read: ['a', 'a.b'] },
    { name: 'hasKey', values: 'a: {b: 1}', t: '{{ hasKey .Values.a "z" }}', read: ['a', 'a.z'] },
    { name: 'default', values: 'a: {}', t: '{{ default 3 .Values.a.n }}', read: ['a', 'a.n'] },
    { name: 'toYaml of a subtree', values: 'a: {b: {c: 1}}', t: '{{ toYaml .Values.a }}', read: ['a'], subtrees: ['a', 'a.b'] },
    { name: 'range over a map', values: 'm: {a: 1, b: 2}', t: '{{ range $k, $v := .Values.m }}{{ $k }}{{ end }}', read: ['m', 'm.a', 'm.b'], subtrees: ['m'] },
    { name: 'range over a list reads the list', values: 'l: [1, 2]', t: '{{ range .Values.l }}{{ . }}{{ end }}', read: ['l'] },
    { name: 'a key with a dot', values: 'ann: {"a.b/c": 1}', t: '{{ index .Values.ann "a.b/c" }}', read: ['ann', 'ann.a\\.b/c'] },
    { name: 'keys of a map', values: 'm: {x: 1}', t: '{{ keys .Values.m | join "," }}', read: ['m'], subtrees: ['m'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = readsOf({ t: c.t }, c.values);
      expect(sorted(r.values)).toEqual(c.read.sort());
      expect(sorted(r.subtrees)).toEqual((c.subtrees ?? []).sort());
    });
  }

  it('reads of included helpers count for the including file, with the helpers named', () => {
    const { reads } = record(
      {
        'templates/_h.tpl': '{{ define "name" }}{{ .Values.name }}{{ template "inner" . }}{{ end }}{{ define "inner" }}{{ .Values.inner }}{{ end }}',
        'templates/a.yaml': 'a: {{ include "name" . }}',
        'templates/b.yaml': 'b: {{ include "name" . }} {{ .Values.own }}',
      },
      'name: n',
    );
    for (const f of ['top/templates/a.yaml', 'top/templates/b.yaml']) {
      const r = reads.get(f)!;
      expect(r.values.has('name')).toBe(true);
      expect(r.values.has('inner')).toBe(true);
      expect(sorted(r.templates)).toEqual(['inner', 'name']);
    }
    expect(reads.get('top/templates/a.yaml')!.values.has('own')).toBe(false);
    expect(reads.get('top/templates/b.yaml')!.values.has('own')).toBe(true);
  });

  it('subchart reads are under the subchart, globals under global', () => {
    const { reads } = record(
      {
        'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
        'charts/sub/values.yaml': 'port: 80\n',
        'charts/sub/templates/s.yaml': 's: {{ .Values.port }} {{ .Values.global.region }} {{ .Values.global.db.host }}',
      },
      'global: {region: eu, db: {host: h}}',
    );
    const r = reads.get('top/charts/sub/templates/s.yaml')!;
    expect(sorted(r.values)).toEqual(['global', 'global.db', 'global.db.host', 'global.region', 'sub.port']);
  });

  it('other top-level objects, tpl and writes', () => {
    const r = readsOf(
      { t: '{{ .Release.Name }} {{ .Capabilities.KubeVersion.Major }} {{ .Chart.Name }} {{ .Files.Get "x" }} {{ tpl .Values.text . }}{{ $_ := set .Values "added" 1 }}' },
      'text: "{{ .Values.fromTpl }}"',
    );
    expect(sorted(r.objects)).toEqual(expect.arrayContaining(['Release', 'Release.Name', 'Capabilities', 'Chart', 'Files']));
    expect(r.tpl).toBe(true);
    expect(r.values.has('fromTpl')).toBe(true);
    expect(sorted(r.writes)).toEqual(['added']);
  });

  it('leaves the values plain after the render', () => {
    const recorder = new ValuesReadRecorder();
    const c = chart({ 'Chart.yaml': CHART_YAML, 'templates/t.yaml': 'x: {{ .Values.a.b }}' });
    const result = templateChart(c, { values: yamlToGo('a: {b: 1}') as GoMap, recordReads: recorder });
    expect(Object.getPrototypeOf(result.values)).toBe(Map.prototype);
    expect(Object.getPrototypeOf(result.values.get('a'))).toBe(Map.prototype);
    const before = recorder.length;
    (result.values.get('a') as GoMap).get('b');
    expect(recorder.length).toBe(before);
  });

  it('isPathRead: exact paths and subtrees holding them', () => {
    const reads: TemplateReads = {
      values: new Set(['a.b']),
      subtrees: new Set(['m', 'ann.x\\.y']),
      writes: new Set(),
      objects: new Set(),
      templates: new Set(),
      tpl: false,
    };
    expect(isPathRead(reads, 'a.b')).toBe(true);
    expect(isPathRead(reads, 'a.c')).toBe(false);
    expect(isPathRead(reads, 'm.deep.er')).toBe(true);
    expect(isPathRead(reads, 'mm')).toBe(false);
    expect(isPathRead(reads, 'ann.x\\.y.z')).toBe(true);
    expect(isPathRead(reads, 'ann.x')).toBe(false);
    // A key ending in a backslash: its `\\` is escaped, and the `.` after it separates keys.
    const backslash = { ...reads, subtrees: new Set([escapeKey('k\\')]) };
    expect(isPathRead(backslash, `${escapeKey('k\\')}.v`)).toBe(true);
    expect(isPathRead(backslash, 'k.v')).toBe(false);
  });

  it('paths split back into keys', () => {
    expect(pathKeys(`a.${escapeKey('b.c\\d')}.e`)).toEqual(['a', 'b.c\\d', 'e']);
    expect(pathKeys('')).toEqual([]);
  });
});
