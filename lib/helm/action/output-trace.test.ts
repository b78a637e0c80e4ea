import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readTree } from '../../cli/node-io';
import { loadChartDirectory, loadChartFiles } from '../chart/loader';
import { mergeUserValues } from '../chartutil/merge-values';
import { removeStandins, withStandins } from '../../../tests/charts/standins';
import { templateChart, type TemplateOptions } from './template';
import { StableSession } from '../engine/stable-session';
import { setIncludeReuse } from '../engine/include-memo';
import { Template } from '../../gotemplate/template';
import type { OutputTrace, TraceOrigin } from './output-trace';

const root = resolve(__dirname, '../../..');

afterEach(() => setIncludeReuse(true));

/** Runs `render` with include results reused, then with every include executed; both traces, and how many templates each executed. */
function bothWays<T>(render: () => T): { reused: T; executed: T; runs: { reused: number; executed: number } } {
  const execute = vi.spyOn(Template.prototype, 'executeTemplate');
  try {
    const reused = render();
    const runs = { reused: execute.mock.calls.length, executed: 0 };
    execute.mockClear();
    setIncludeReuse(false);
    const executed = render();
    runs.executed = execute.mock.calls.length;
    return { reused, executed, runs };
  } finally {
    setIncludeReuse(true);
    execute.mockRestore();
  }
}

/** The production presets of the bundled charts (Verta's on top of the database settings it requires). */
const PRESETS = [
  { chart: 'aeterna', files: ['values-production.yaml'] },
  { chart: 'verta', files: ['ci/default-values.yaml', 'values-prod.yaml'] },
];

/** Source line `line` (1-based) of a template named as the render names it (`chart/templates/x.yaml`). */
function sourceLine(dir: string, template: string, line: number): string | undefined {
  const rel = template.slice(template.indexOf('/') + 1);
  return readFileSync(join(dir, rel), 'utf8').split('\n')[line - 1];
}

/** Whether column `col` of a template line is inside an action (`{{ ... }}`, which may have begun on an earlier line). */
function insideAction(dir: string, o: TraceOrigin): boolean {
  const rel = o.template.slice(o.template.indexOf('/') + 1);
  const lines = readFileSync(join(dir, rel), 'utf8').split('\n');
  const before = lines.slice(0, o.line - 1).join('\n') + (o.line > 1 ? '\n' : '') + lines[o.line - 1].slice(0, o.col - 1);
  return before.lastIndexOf('{{') > before.lastIndexOf('}}');
}

describe.each(PRESETS)('tracing the $chart production preset', ({ chart, files }) => {
  let dir: string;
  let output: string;
  let trace: OutputTrace;
  let render: (opts: TemplateOptions) => ReturnType<typeof templateChart>;
  beforeAll(() => {
    dir = withStandins(join(root, 'charts', chart));
    const values = mergeUserValues({ valueFiles: files.map((f) => ({ name: f, data: readFileSync(join(dir, f), 'utf8') })) });
    const c = loadChartDirectory(readTree(dir));
    // Generated passwords drawn the same way in both renders.
    render = (opts: TemplateOptions) => new StableSession('trace', 0).render((observer) => templateChart(c, { ...opts, values, releaseName: 'rel', observer }));
    const traced = render({ trace: true });
    expect(traced.output).toBe(render({}).output);
    output = traced.output;
    trace = traced.trace!;
  });
  afterAll(() => removeStandins(dir));

  it('has one entry per output line', () => {
    expect(trace.lines.length).toBe(output.split('\n').length - 1);
  });

  it('is the same when include results are reused as when every include runs', () => {
    const { reused, executed, runs } = bothWays(() => render({ trace: true }));
    expect(runs.reused).toBeLessThan(runs.executed);
    expect(reused.output).toBe(executed.output);
    expect(JSON.stringify(reused.trace)).toBe(JSON.stringify(executed.trace));
  });

  it('traces every line to template text containing it or to an action on that line', () => {
    const lines = output.split('\n');
    let checked = 0;
    trace.lines.forEach((entry, i) => {
      const text = lines[i];
      if ('header' in entry) {
        expect(entry.header === 'separator' ? text === '---' : text === `# Source: ${(entry as { template: string }).template}`).toBe(true);
        return;
      }
      if (text.trim() === '') return;
      // The spans cover the line, in order.
      let at = 0;
      for (const [from, to, originIndex] of entry.spans) {
        expect(from, `line ${i + 1} ${JSON.stringify(text)}`).toBe(at);
        at = to;
        const o = trace.origins[originIndex];
        const piece = text.slice(from, to);
        const src = sourceLine(dir, o.template, o.line);
        expect(src, `line ${i + 1}: ${o.template}:${o.line}`).toBeDefined();
        if (o.kind === 'text') expect(src!.slice(o.col - 1).startsWith(piece), `line ${i + 1} ${JSON.stringify(piece)} at ${o.template}:${o.line}:${o.col}`).toBe(true);
        else expect(insideAction(dir, o), `line ${i + 1} ${JSON.stringify(piece)}: action at ${o.template}:${o.line}:${o.col}`).toBe(true);
        checked++;
      }
      expect(at, `line ${i + 1} ${JSON.stringify(text)} covered`).toBe(text.length);
    });
    expect(checked).toBeGreaterThan(100);
  });
});

describe('tracing constructs', () => {
  const enc = new TextEncoder();
  function trace(files: Record<string, string>, values: string) {
    const c = loadChartFiles(
      Object.entries({ 'Chart.yaml': 'apiVersion: v2\nname: top\nversion: 0.1.0\n', ...files }).map(([name, text]) => ({ name, data: enc.encode(text) })),
    );
    const r = templateChart(c, { values: mergeUserValues({ valueFiles: [{ name: 'v.yaml', data: values }] }), trace: true });
    const lines = r.output.split('\n');
    /** The origins of the output line with this text, in span order. */
    const at = (text: string): TraceOrigin[] => {
      const i = lines.indexOf(text);
      if (i < 0) throw new Error(`no line ${JSON.stringify(text)} in\n${r.output}`);
      const entry = r.trace!.lines[i];
      if (!('spans' in entry)) throw new Error('header line');
      return entry.spans.map(([, , o]) => r.trace!.origins[o]);
    };
    return Object.assign(at, { output: r.output, trace: r.trace! });
  }
  const where = (o: TraceOrigin) => `${o.kind} ${o.template}:${o.line}:${o.col}`;
  const chain = (o: TraceOrigin) => o.chain.map((c) => `${c.kind} ${c.name} ${c.template}:${c.line}`);

  it('include chains, with the helper line that wrote the text', () => {
    const at = trace(
      {
        'templates/_h.tpl': '{{- define "labels" }}\napp: {{ include "name" . }}\n{{- end }}\n{{- define "name" }}{{ .Values.name }}{{ end }}',
        'templates/cm.yaml': 'kind: ConfigMap\nmetadata:\n  labels:\n    {{- include "labels" . | nindent 4 }}\n',
      },
      'name: web',
    );
    const [indent, text, value] = at('    app: web');
    expect(where(indent)).toBe('action top/templates/cm.yaml:4:9');
    expect(where(text)).toBe('text top/templates/_h.tpl:2:1');
    expect(chain(text)).toEqual(['include labels top/templates/cm.yaml:4']);
    expect(where(value)).toBe('action top/templates/_h.tpl:4:24');
    expect(chain(value)).toEqual(['include labels top/templates/cm.yaml:4', 'include name top/templates/_h.tpl:2']);
    expect(value.values).toEqual(['name']);
    expect(value.subtrees).toEqual([]);
  });

  it('a reused include result is traced to the call that reuses it, under its conditions', () => {
    const files = {
      'templates/_h.tpl': '{{- define "labels" }}\napp: {{ include "name" . }}\n{{- if .Values.tier }}\ntier: {{ .Values.tier }}\n{{- end }}\n{{- end }}\n{{- define "name" }}{{ .Values.name }}{{ end }}',
      'templates/a.yaml': 'a:\n  {{- include "labels" . | nindent 2 }}\n{{- if .Values.more }}\nb:\n  {{- include "labels" . | nindent 2 }}\n{{- end }}\n',
    };
    const values = 'name: web\ntier: front\nmore: true';
    const { reused, executed, runs } = bothWays(() => trace(files, values));
    expect(runs.reused).toBeLessThan(runs.executed);
    const second = reused('  app: web');
    // Both lines read the same, so the first is found; the second call's line is the last of its kind.
    const lines = reused.output.split('\n');
    const last = lines.lastIndexOf('  app: web');
    const entry = reused.trace.lines[last] as { spans: [number, number, number][] };
    const [, text, value] = entry.spans.map(([, , o]) => reused.trace.origins[o]);
    expect(where(text)).toBe('text top/templates/_h.tpl:2:1');
    expect(chain(text)).toEqual(['include labels top/templates/a.yaml:5']);
    expect(chain(value)).toEqual(['include labels top/templates/a.yaml:5', 'include name top/templates/_h.tpl:2']);
    expect(value.guards).toEqual(['more']);
    expect(chain(second[1])).toEqual(['include labels top/templates/a.yaml:2']);
    expect(JSON.stringify(reused.trace)).toBe(JSON.stringify(executed.trace));
  });

  it('{{template}} calls are in the chain', () => {
    const at = trace({ 'templates/_h.tpl': '{{ define "t" }}x: {{ .Values.x }}{{ end }}', 'templates/a.yaml': '{{ template "t" . }}\n' }, 'x: 1');
    const [text, value] = at('x: 1');
    expect(where(text)).toBe('text top/templates/_h.tpl:1:17');
    expect(chain(value)).toEqual(['template t top/templates/a.yaml:1']);
    expect(value.values).toEqual(['x']);
  });

  it('tpl output is the tpl call, with what its text read', () => {
    const at = trace({ 'templates/a.yaml': 'x: {{ tpl .Values.t . }}\n' }, 't: "{{ .Values.inner }}"\ninner: deep');
    const [text, value] = at('x: deep');
    expect(where(text)).toBe('text top/templates/a.yaml:1:1');
    expect(where(value)).toBe('action top/templates/a.yaml:1:7');
    expect(value.values).toEqual(['inner', 't']);
  });

  it('range over a map: each line from the body, the map among the guards', () => {
    const at = trace({ 'templates/a.yaml': 'data:\n{{- range $k, $v := .Values.env }}\n  {{ $k }}: {{ $v | quote }}\n{{- end }}\n' }, 'env: {A: "1", B: "2"}');
    const [, key, text, value] = at('  B: "2"');
    expect(where(key)).toBe('action top/templates/a.yaml:3:6');
    expect(where(text)).toBe('text top/templates/a.yaml:3:11');
    expect(where(value)).toBe('action top/templates/a.yaml:3:16');
    expect(value.guards).toContain('env');
    // The range walked the whole map: every key of env decides which lines there are.
    expect(value.guardSubtrees).toEqual(['env']);
  });

  it('with and if: whitespace-trimmed text keeps its line, the conditions are guards', () => {
    const at = trace(
      { 'templates/a.yaml': 'spec:\n{{- if .Values.enabled }}\n{{- with .Values.res }}\n  cpu: {{ .cpu }}\n{{- end }}\n{{- end }}\n' },
      'enabled: true\nres: {cpu: 2}',
    );
    const [text, value] = at('  cpu: 2');
    expect(where(text)).toBe('text top/templates/a.yaml:4:1');
    expect(value.values).toEqual(['res.cpu']);
    expect(value.guards).toEqual(['enabled', 'res']);
    // if and with test a value, they do not read it whole.
    expect(value.guardSubtrees).toEqual([]);
  });

  it('toYaml of a subtree: every line is the action, the subtree is read', () => {
    const at = trace({ 'templates/a.yaml': 'res:\n  {{- toYaml .Values.resources | nindent 2 }}\n' }, 'resources: {limits: {cpu: 1}}');
    const [o] = at('    cpu: 1');
    expect(where(o)).toBe('action top/templates/a.yaml:2:7');
    expect(o.values).toEqual(['resources', 'resources.limits']);
    expect(o.subtrees).toEqual(['resources', 'resources.limits']);
  });

  it('a key fetched on the way to another is a read, not a read of the whole map', () => {
    const at = trace({ 'templates/a.yaml': 'replicas: {{ .Values.app.replicas }}\nenv: {{ toJson .Values.app.env }}\n' }, 'app: {replicas: 2, env: {A: b}}');
    const [, replicas] = at('replicas: 2');
    expect(replicas.values).toEqual(['app', 'app.replicas']);
    expect(replicas.subtrees).toEqual([]);
    const [, env] = at('env: {"A":"b"}');
    expect(env.values).toEqual(expect.arrayContaining(['app', 'app.env']));
    expect(env.subtrees).toEqual(['app.env']);
  });

  it('subcharts: their files and values under their name, globals under global', () => {
    const at = trace(
      {
        'templates/a.yaml': 'a: 1\n',
        'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
        'charts/sub/values.yaml': 'port: 80\n',
        'charts/sub/templates/s.yaml': 'port: {{ .Values.port }}\nregion: {{ .Values.global.region }}\n',
      },
      'global: {region: eu}',
    );
    expect(where(at('port: 80')[1])).toBe('action top/charts/sub/templates/s.yaml:1:10');
    expect(at('port: 80')[1].values).toEqual(['sub.port']);
    expect(at('region: eu')[1].values).toEqual(['global', 'global.region']);
  });
});
