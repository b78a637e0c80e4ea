import { describe, expect, it } from 'vitest';
import { loadChartFiles } from '../chart/loader';
import { templateChart } from '../action/template';
import { reusedInLastRender } from './engine';
import { combineObservers, StableSession } from './stable-session';
import type { CallObserver } from '../../gotemplate';
import { yamlToGo } from '../../yaml';
import type { GoMap } from '../../go/value';

const enc = new TextEncoder();
const CHART_YAML = 'apiVersion: v2\nname: top\nversion: 0.1.0\n';

/** A chart of ConfigMaps, one per template text, each named after its file. */
function chart(templates: Record<string, string>) {
  const files = { 'Chart.yaml': CHART_YAML, 'values.yaml': 'a: 1\nb: x\nlist: [1, 2]\nm: {k: v}\n', ...Object.fromEntries(Object.entries(templates).map(([f, t]) => [`templates/${f}`, `kind: ConfigMap\nmetadata: {name: ${f.replace('.yaml', '')}}\ndata:\n  v: ${t}\n`])) };
  return loadChartFiles(Object.entries(files).map(([name, text]) => ({ name, data: enc.encode(text) })));
}

/** Renders incrementally after each values text and checks each output against a full render; returns what was reused each time. */
function reuseAfter(c: ReturnType<typeof chart>, ...valuesTexts: string[]): string[][] {
  return valuesTexts.map((text) => {
    const values = yamlToGo(text) as GoMap;
    const incremental = templateChart(c, { values, incremental: true }).output;
    const reused = [...reusedInLastRender()].map((f) => f.replace('top/templates/', '')).sort();
    expect(incremental).toBe(templateChart(c, { values }).output);
    return reused;
  });
}

describe('incremental renders reuse a file only while what it read is unchanged', () => {
  it.each([
    ['a scalar', { 'a.yaml': '{{ .Values.a | quote }}', 'b.yaml': '{{ .Values.b | quote }}' }, ['a: 2', 'a: 2', 'a: 2\nb: y'], [['b.yaml'], ['a.yaml', 'b.yaml'], ['a.yaml']]],
    ['a walked subtree', { 'm.yaml': '{{ toJson .Values.m | quote }}', 'b.yaml': '{{ .Values.b | quote }}' }, ['m: {k: w}', 'm: {k: w, j: 1}', 'm: {k: w, j: 1}\nb: y'], [['b.yaml'], ['b.yaml'], ['m.yaml']]],
    // Each copy keeps the parts of the last one that are still equal: a leaf changed and put back deep inside.
    ['a walked subtree, one nested leaf changing', { 'm.yaml': '{{ toJson .Values.m | quote }}', 'b.yaml': '{{ .Values.b | quote }}' }, ['m: {n: {x: 1, y: [1]}}', 'm: {n: {x: 2, y: [1]}}', 'm: {n: {x: 2, y: [1]}}', 'm: {n: {x: 1, y: [1]}}', 'm: {n: {x: 1, y: [2]}}', 'm: {n: {x: 1, y: [2]}, k: v}'], [['b.yaml'], ['b.yaml'], ['b.yaml', 'm.yaml'], ['b.yaml'], ['b.yaml'], ['b.yaml', 'm.yaml']]],
    ['a list, compared entry by entry', { 'l.yaml': '{{ index .Values.list 1 | quote }}', 'b.yaml': '{{ .Values.b | quote }}' }, ['list: [1, 3]', 'list: [1, 3]'], [['b.yaml'], ['b.yaml', 'l.yaml']]],
    ['a fetched map by its size', { 'm.yaml': '{{ len .Values.m }}', 'b.yaml': '{{ .Values.b | quote }}' }, ['m: {k: w}', 'm: {k: w, j: 1}'], [['b.yaml', 'm.yaml'], ['b.yaml']]],
    // Any edit changes all the values: a file reading them whole is not kept to be compared.
    ['all the values read whole', { 'r.yaml': '{{ toYaml .Values | len }}', 'b.yaml': '{{ .Values.b | quote }}' }, ['a: 2', 'a: 2'], [['b.yaml'], ['b.yaml']]],
    // Whether a file looked at its chart's `.Values` as a whole is not recorded: a new top-level key re-executes them all.
    ['the values root by its size', { 'r.yaml': '{{ len .Values }}', 'b.yaml': '{{ .Values.b | quote }}' }, ['a: 1', 'extra: 1'], [['b.yaml', 'r.yaml'], []]],
  ] as const)('%s', (_name, templates, edits, reused) => {
    const c = chart(templates);
    reuseAfter(c, '');
    expect(reuseAfter(c, ...edits)).toEqual(reused);
  });

  it('never reuses a file with random values, the clock or a mutating call on values', () => {
    const c = chart({ 'r.yaml': '{{ randAlphaNum 4 | len }}', 'n.yaml': '{{ now | date "2006" | len }}', 's.yaml': '{{ sortAlpha .Values.list | len }}', 'b.yaml': '{{ .Values.a }}' });
    expect(reuseAfter(c, '', 'a: 1', 'a: 1')).toEqual([[], ['b.yaml'], ['b.yaml']]);
  });

  it('reuses a file whose mutating calls changed only maps it made, while what it read is unchanged', () => {
    const c = chart({ 'z.yaml': '{{ $d := merge (dict) (dict "k" .Values.a) }}{{ $_ := set $d "j" .Values.b }}{{ $d.k }}{{ $d.j }}', 'a.yaml': '{{ .Values.b | quote }}' });
    expect(reuseAfter(c, '', 'a: 2', 'a: 2', 'a: 2\nb: y')).toEqual([[], ['a.yaml'], ['a.yaml', 'z.yaml'], []]);
  });

  it('never reuses a file whose merge into a map it made changed values maps held there', () => {
    // The second source merges into the first one's map, which is `.Values.m` itself.
    const c = chart({ 'z.yaml': '{{ $_ := merge (dict) (dict "m" .Values.m) (dict "m" (dict "z" .Values.b)) }}x', 'a.yaml': '{{ .Values.m.z | quote }}' });
    expect(reuseAfter(c, '', 'a: 2', 'a: 2', 'a: 2\nb: y')).toEqual([[], ['a.yaml'], ['a.yaml'], []]);
    // A map it made that holds a values map is not its own: merging into it is a change of values.
    const held = chart({ 'z.yaml': '{{ $d := dict "m" .Values.m }}{{ $_ := merge $d (dict "m" (dict "z" .Values.b)) }}x', 'a.yaml': '{{ .Values.m.z | quote }}' });
    expect(reuseAfter(held, '', 'a: 2', 'a: 2\nb: y')).toEqual([[], ['a.yaml'], []]);
  });

  it('after a file changes values in place, the files after it are reused while what they read at their turn is unchanged', () => {
    // Files render deepest path first, then in reverse order: z.yaml before m.yaml before a.yaml.
    const c = chart({ 'z.yaml': '{{ $_ := set .Values "b" (printf "%v-set" .Values.a) }}{{ .Values.a }}', 'a.yaml': '{{ .Values.b | quote }}' });
    expect(reuseAfter(c, '', 'a: 2', 'a: 2', 'a: 2\nb: other')).toEqual([[], [], ['a.yaml'], ['a.yaml']]);
    // As vcluster's statefulset does: merge into a values map, give it a map if it has none, set a list in it.
    const inPlace = chart({
      'z.yaml': '{{ $s := merge .Values.m dict }}{{ $_ := set $s "c" ($s.c | default dict) }}{{ $_ := set $s.c "add" (list .Values.b) }}{{ $_ := unset .Values "a" }}x',
      'm.yaml': '{{ toJson .Values.m | quote }}',
      'a.yaml': '{{ .Values.a | quote }}{{ .Values.list | toJson | quote }}',
    });
    expect(reuseAfter(inPlace, '', 'b: y', 'b: y', 'b: y\na: 3', 'b: y\nm: {c: {add: [z]}}', 'b: y\nm: {c: {add: [z]}}', 'b: y\nm: {c: {j: 1}}')).toEqual([
      [],
      ['a.yaml'],
      ['a.yaml', 'm.yaml'],
      ['a.yaml', 'm.yaml'],
      // What z.yaml sets anyway: m.yaml sees the same map at its turn.
      ['a.yaml', 'm.yaml'],
      ['a.yaml', 'm.yaml'],
      ['a.yaml'],
    ]);
  });

  it('after a file moves values maps or changes a top-level object, no file after it is reused', () => {
    // A values map placed under another path: reads through the new path would be recorded by the old one.
    const placed = chart({ 'z.yaml': '{{ $_ := set .Values "n" .Values.m }}x', 'a.yaml': '{{ .Values.n.k | quote }}', 'b.yaml': '{{ .Values.b | quote }}' });
    expect(reuseAfter(placed, '', 'm: {k: w}', 'm: {k: w}')).toEqual([[], [], []]);
    const merged = chart({ 'z.yaml': '{{ $_ := merge .Values (dict "n" .Values.m) }}x', 'a.yaml': '{{ .Values.n.k | quote }}' });
    expect(reuseAfter(merged, '', 'm: {k: w}', 'm: {k: w}')).toEqual([[], [], []]);
    // As istio's profiles do: a section taken out of the values becomes `.Values` for the files after.
    const moved = chart({
      'z.yaml': '{{ $d := .Values.m }}{{ $_ := unset .Values "m" }}{{ $_ := set $ "Values" (mergeOverwrite $d .Values) }}x',
      'm.yaml': '{{ .Values.k | quote }}',
      'a.yaml': '{{ $_ := dict "x" 1 | merge (dict) }}{{ .Values.b | quote }}',
    });
    expect(reuseAfter(moved, '', 'm: {k: w}', 'm: {k: w}')).toEqual([[], [], []]);
  });

  it('after a render that kept no file it could reuse, a few run in full, then reuse resumes', () => {
    const c = chart({ 'z.yaml': '{{ if .Values.move }}{{ $_ := set .Values "n" .Values.m }}{{ end }}x', 'a.yaml': '{{ .Values.b | quote }}' });
    const moving = Array<string>(3).fill('move: true');
    const still = Array<string>(7).fill('move: false');
    const both = ['a.yaml', 'z.yaml'];
    // Four renders in full after the first; the next one records, and the ones after it reuse.
    expect(reuseAfter(c, ...moving, ...still)).toEqual([[], [], [], [], [], [], both, both, both, both]);
    // A render moving values again keeps nothing: the next four run in full.
    expect(reuseAfter(c, 'move: true', ...still)).toEqual([[], [], [], [], [], [], both, both]);
  });

  it('a file reading all the values whole records nothing after that, and later files do not reuse the include results it made', () => {
    // z.yaml runs first (files go in reverse order) and makes "h" unrecorded; a.yaml makes it again, reading a.
    const c = chart({ '_h.tpl': '{{ define "h" }}{{ .Values.a }}{{ end }}', 'z.yaml': '{{ toYaml .Values | len }}-{{ include "h" . }}', 'a.yaml': '{{ include "h" . }}' });
    expect(reuseAfter(c, '', 'a: 2', 'a: 2', 'b: y', 'b: y')).toEqual([[], [], ['a.yaml'], [], ['a.yaml']]);
  });

  it('a file changing only a dict it made does not stop the files after it from being reused', () => {
    const c = chart({ 'z.yaml': '{{ $d := dict }}{{ $_ := set $d "k" .Values.a }}{{ $d.k }}', 'a.yaml': '{{ .Values.b | quote }}' });
    expect(reuseAfter(c, '', 'a: 2')).toEqual([[], ['a.yaml']]);
  });

  /**
   * Renders incrementally under a pinned session after each values text, checking output and the
   * calls an observer beside the session is told of against a full render under the same session.
   */
  function pinnedReuseAfter(c: ReturnType<typeof chart>, seed: string, ...valuesTexts: string[]): string[][] {
    return valuesTexts.map((text) => {
      const values = yamlToGo(text) as GoMap;
      const told: string[] = [];
      const watcher: CallObserver = { names: new Set(['randAlphaNum', 'genCA', 'genSignedCert', 'now']), call: (name, site) => void told.push(`${name}@${site.template}:${site.pos}`) };
      const render = (incremental: boolean) => new StableSession(seed, 0).render((o) => templateChart(c, { values, incremental, observer: combineObservers<CallObserver>(o, watcher) }).output);
      const incremental = render(true);
      const reused = [...reusedInLastRender()].map((f) => f.replace('top/templates/', '')).sort();
      const toldIncremental = told.splice(0);
      expect(incremental).toBe(render(false));
      expect(toldIncremental).toEqual(told);
      return reused;
    });
  }

  it('under a pinned session, reuses a file with random values while its reads and the calls before it are the same', () => {
    const helper = (name: string, t: string) => ({ name: `templates/${name}`, data: enc.encode(t) });
    const files = [
      ['z.yaml', '{{ if .Values.a }}{{ include "h" . }}{{ end }}'],
      ['y.yaml', '{{ include "h" . }}{{ .Values.b }}'],
      ['r.yaml', '{{ randAlphaNum 8 }}{{ now | date "2006" }}{{ .Values.list | len }}'],
      ['k.yaml', '{{ $ca := genCA "ca" 3650 }}{{ $c := genSignedCert "x" nil nil 365 $ca }}{{ $c.Cert | b64enc | trunc 40 }}'],
      ['a.yaml', '{{ .Values.b | quote }}'],
    ];
    const c = loadChartFiles([
      { name: 'Chart.yaml', data: enc.encode(CHART_YAML) },
      { name: 'values.yaml', data: enc.encode('a: 1\nb: x\nlist: [1, 2]\n') },
      helper('_h.tpl', '{{ define "h" }}{{ randAlphaNum 8 }}{{ end }}'),
      ...files.map(([f, t]) => helper(f, `kind: ConfigMap\nmetadata: {name: ${f.replace('.yaml', '')}}\ndata:\n  v: |\n    ${t}\n`)),
    ]);
    expect(pinnedReuseAfter(c, 's1', '', 'b: y', 'b: y', 'a: 0\nb: y', 'a: 0\nb: y', 'a: 0\nb: y\nlist: [1]')).toEqual([
      [],
      // b changed: y.yaml and a.yaml read it.
      ['k.yaml', 'r.yaml', 'z.yaml'],
      ['a.yaml', 'k.yaml', 'r.yaml', 'y.yaml', 'z.yaml'],
      // z.yaml no longer calls the helper: y.yaml's call of it is the first of its kind now, with another result.
      ['a.yaml', 'k.yaml', 'r.yaml'],
      ['a.yaml', 'k.yaml', 'r.yaml', 'y.yaml', 'z.yaml'],
      ['a.yaml', 'k.yaml', 'y.yaml', 'z.yaml'],
    ]);
    // Another session pins other results: no file with pinned calls is kept from the last one.
    expect(pinnedReuseAfter(c, 's2', 'a: 0\nb: y\nlist: [1]', 'a: 0\nb: y\nlist: [1]')).toEqual([['a.yaml', 'z.yaml'], ['a.yaml', 'k.yaml', 'r.yaml', 'y.yaml', 'z.yaml']]);
    // Without a session, results vary at each render: such files run every time.
    const values = yamlToGo('a: 0\nb: y\nlist: [1]') as GoMap;
    templateChart(c, { values, incremental: true });
    templateChart(c, { values, incremental: true });
    expect([...reusedInLastRender()].map((f) => f.replace('top/templates/', ''))).toEqual(['z.yaml', 'a.yaml']);
  });

  it('a file changing a deepCopy of its top-level object does not stop the files after it from being reused', () => {
    // As linkerd's charts do: the copy is typed as `.` is, yet no other file can see it.
    const c = chart({ 'z.yaml': '{{ $t := deepCopy . }}{{ $_ := set $t "component" "web" }}{{ $_ := set $t.Values "b" "z" }}{{ $t.component }}', 'a.yaml': '{{ .Values.b | quote }}' });
    expect(reuseAfter(c, '', 'a: 2', 'a: 2\nb: y')).toEqual([[], ['a.yaml'], []]);
  });

  it('a release setting re-executes every file', () => {
    const c = chart({ 'a.yaml': '{{ .Values.a }}', 'n.yaml': '{{ .Release.Name }}' });
    const values = new Map() as GoMap;
    templateChart(c, { values, incremental: true });
    templateChart(c, { values, incremental: true, releaseName: 'other' });
    expect(reusedInLastRender()).toEqual([]);
    templateChart(c, { values, incremental: true, releaseName: 'other' });
    expect(reusedInLastRender()).toHaveLength(2);
    // .Capabilities too: an API version more.
    templateChart(c, { values, incremental: true, releaseName: 'other', apiVersions: ['example.com/v1'] });
    expect(reusedInLastRender()).toEqual([]);
    templateChart(c, { values, incremental: true, releaseName: 'other', apiVersions: ['example.com/v1'] });
    expect(reusedInLastRender()).toHaveLength(2);
    templateChart(c, { values, incremental: true, releaseName: 'other', apiVersions: ['example.com/v2'] });
    expect(reusedInLastRender()).toEqual([]);
  });
});
