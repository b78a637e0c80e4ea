import { describe, expect, it } from 'vitest';
import type { TraceOrigin } from '../helm';
import { mainPiece, maskedValue, MASK, originSpan, readDependsOn, readValues, streamDocuments, traceLine, tracePathKeys, tracePathOf, usedBy, valueAtPath, valueText, viewLines, type TracedLine } from './line-sources';
import type { RenderedResource, RenderTrace } from './render-protocol';

const origin = (kind: TraceOrigin['kind'], line: number, col: number, values: string[] = [], guards: string[] = [], chain: TraceOrigin['chain'] = []): TraceOrigin => ({ kind, template: 'c/templates/a.yaml', line, col, chain, values, subtrees: [], objects: [], guards, guardSubtrees: [] });

const OUTPUT = ['---', '# Source: c/templates/a.yaml', 'kind: A', 'spec:', '  replicas: 3', '---', '# Source: c/templates/b.yaml', 'kind: B', 'data:', '  x: "1"', ''].join('\n');
const ORIGINS: TraceOrigin[] = [
  origin('text', 1, 1),
  origin('text', 3, 1),
  origin('action', 3, 16, ['app', 'app.replicas'], ['autoscaling', 'autoscaling.enabled']),
  origin('action', 1, 10, ['app', 'app.kind']),
  { ...origin('action', 3, 5, ['app', 'app.data'], [], [{ kind: 'include', name: 'c.data', template: 'c/templates/b.yaml', line: 2, col: 3 }]), subtrees: ['app.data'] },
];
const TRACE: RenderTrace = {
  output: OUTPUT,
  trace: {
    version: 1,
    origins: ORIGINS,
    lines: [
      { header: 'separator' },
      { header: 'source', template: 'c/templates/a.yaml' },
      { spans: [[0, 7, 0]] },
      { spans: [[0, 5, 0]] },
      { spans: [[0, 12, 1], [12, 13, 2]] },
      { header: 'separator' },
      { header: 'source', template: 'c/templates/b.yaml' },
      { spans: [[0, 6, 0], [6, 7, 3]] },
      { spans: [[0, 5, 0]] },
      { spans: [[0, 8, 4]] },
      { spans: [] },
    ],
  },
};
const resource = (kind: string, source: string): RenderedResource => ({ id: `${kind}/x@${source}#0`, kind, name: 'x', apiVersion: 'v1', source, content: '', hookEvents: [] });
const RESOURCES = [resource('A', 'c/templates/a.yaml'), resource('B', 'c/templates/b.yaml')];
const VALUES = new Map<string, unknown>([
  ['app', new Map<string, unknown>([['replicas', 3], ['kind', 'B'], ['data', new Map([['x', '1']])], ['env', [new Map([['name', 'A']])]]])],
  ['autoscaling', new Map([['enabled', false]])],
]);
const pieces = (t: TracedLine | null) => (t?.source.kind === 'written' ? t.source.pieces : []);

describe('traceLine', () => {
  const docs = streamDocuments(TRACE, RESOURCES);
  it('reads a line of the stream: its pieces and who wrote each', () => {
    const t = traceLine(TRACE, docs, null, 5)!;
    expect(t).toMatchObject({ streamLine: 5, text: '  replicas: 3' });
    expect(t.doc?.resourceId).toBe(RESOURCES[0].id);
    expect(pieces(t).map((p) => [p.from, p.to, p.origin.kind])).toEqual([
      [0, 12, 'text'],
      [12, 13, 'action'],
    ]);
    expect(mainPiece(pieces(t), t.text)).toBe(1);
  });
  it('reads a line of one resource at its place in the stream', () => {
    expect(traceLine(TRACE, docs, RESOURCES[1].id, 3)).toMatchObject({ streamLine: 10, text: '  x: "1"' });
    expect(traceLine(TRACE, docs, RESOURCES[1].id, 4)).toBeNull(); // past the resource's last line
    expect(traceLine(TRACE, docs, 'Missing/x@c/templates/z.yaml#0', 1)).toBeNull();
  });
  it('says Helm wrote the separator and source lines itself', () => {
    expect(traceLine(TRACE, docs, null, 6)?.source).toEqual({ kind: 'separator' });
    expect(traceLine(TRACE, docs, null, 7)?.source).toEqual({ kind: 'source', template: 'c/templates/b.yaml' });
  });
  it('places each piece in its template: text as long as it wrote, an action through its closing braces', () => {
    const [text, action] = pieces(traceLine(TRACE, docs, null, 5));
    expect(originSpan(text, null)).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 13 });
    const template = 'a: 1\nspec:\n  replicas: {{ .Values.app.replicas }}\n';
    expect(originSpan(action, template)).toEqual({ line: 3, column: 16, endLine: 3, endColumn: 39 });
    expect(originSpan(action, 'x\ny\n  replicas: {{ .Values.app\n  .replicas }}\n')).toEqual({ line: 3, column: 16, endLine: 4, endColumn: 15 });
  });
  it('lists the values a line read, those of its conditions marked', () => {
    expect(readValues(pieces(traceLine(TRACE, docs, null, 5)))).toEqual([
      { path: 'app', keys: ['app'], guard: false },
      { path: 'app.replicas', keys: ['app', 'replicas'], guard: false },
      { path: 'autoscaling', keys: ['autoscaling'], guard: true },
      { path: 'autoscaling.enabled', keys: ['autoscaling', 'enabled'], guard: true },
    ]);
  });
});

describe('used by', () => {
  const docs = streamDocuments(TRACE, RESOURCES);
  it('counts a read of the value, of the whole of something holding it, and of values inside it', () => {
    expect(readDependsOn('app.replicas', false, 'app.replicas')).toBe(true);
    expect(readDependsOn('app.data', true, 'app.data.x')).toBe(true);
    expect(readDependsOn('app.data', false, 'app.data.x')).toBe(false);
    expect(readDependsOn('', true, 'anything')).toBe(true);
    expect(readDependsOn('app.data.x', false, 'app')).toBe(true);
    expect(readDependsOn('app.datax', false, 'app.data')).toBe(false);
    expect(readDependsOn('a\\.b.c', false, 'a\\.b')).toBe(true);
    expect(readDependsOn('a\\.b', false, 'a')).toBe(false); // the key `a.b` is not inside `a`
  });
  it('lists the lines by document, in the stream and in each resource', () => {
    const uses = usedBy(TRACE, docs, 'app', VALUES);
    expect(uses.map((u) => [u.doc.resourceId, u.lines])).toEqual([
      [RESOURCES[0].id, [5]],
      [RESOURCES[1].id, [8, 10]],
    ]);
    expect(viewLines(uses, null)).toEqual([5, 8, 10]);
    expect(viewLines(uses, RESOURCES[1].id)).toEqual([1, 3]);
    expect(usedBy(TRACE, docs, 'other', VALUES)).toEqual([]);
  });
  it('a map fetched on the way to a key is not read whole; one read whole (toYaml, range) is', () => {
    const lines = (target: string, trace = TRACE) => usedBy(trace, docs, target, VALUES).flatMap((u) => u.lines);
    expect(lines('app.replicas')).toEqual([5]); // not line 8, which reads app.kind through `app`
    expect(lines('app.data.x')).toEqual([10]); // `toYaml .Values.app.data`
    expect(lines('autoscaling.enabled')).toEqual([5]); // the condition around the line
    // `{{ if .Values.app.data }}`: the map tested, nothing under it read, nothing under it used.
    const tested: RenderTrace = { ...TRACE, trace: { ...TRACE.trace, origins: ORIGINS.map((o, i) => (i === 4 ? { ...o, subtrees: [] } : o)) } };
    expect(lines('app.data.x', tested)).toEqual([]);
    expect(lines('app.data', tested)).toEqual([10]);
    // A range over a map around a line: every value in it decides the line.
    const ranged: RenderTrace = { ...TRACE, trace: { ...TRACE.trace, origins: ORIGINS.map((o, i) => (i === 3 ? { ...o, guards: ['autoscaling'], guardSubtrees: ['autoscaling'] } : o)) } };
    expect(lines('autoscaling.enabled', ranged)).toEqual([5, 8]);
    // All of .Values read whole (`toYaml .Values`).
    const all: RenderTrace = { ...TRACE, trace: { ...TRACE.trace, origins: ORIGINS.map((o, i) => (i === 3 ? { ...o, values: [''], subtrees: [''] } : o)) } };
    expect(lines('autoscaling.enabled', all)).toEqual([5, 8]);
  });
  it('counts a read of a list as a read of its items', () => {
    const trace: RenderTrace = { ...TRACE, trace: { ...TRACE.trace, origins: ORIGINS.map((o, i) => (i === 2 ? { ...o, values: ['app', 'app.env'] } : o)) } };
    expect(usedBy(trace, docs, 'app.env.0.name', VALUES).flatMap((u) => u.lines)).toEqual([5]);
  });
});

describe('values paths', () => {
  it('converts between the engine’s dotted paths and keys', () => {
    expect(tracePathKeys('a\\.b.c')).toEqual(['a.b', 'c']);
    expect(tracePathOf(['a.b', 'c', 0])).toBe('a\\.b.c.0');
  });
  it('reads values as the worker sends them: Maps, Go ints as {v, kind}', () => {
    const values = new Map<string, unknown>([['app', new Map<string, unknown>([['replicas', { v: 3n, kind: 'int64' }], ['list', ['a', { v: 1n, kind: 'int' }]], ['f', 1e6]])]]);
    expect(valueAtPath(values, ['app', 'replicas'])).toBe(3);
    expect(valueAtPath(values, ['app'])).toEqual({ replicas: 3, list: ['a', 1], f: 1e6 });
    expect(valueAtPath(values, ['app', 'list', '1'])).toBe(1);
    expect(valueAtPath(values, ['app', 'missing'])).toBeUndefined();
    expect(valueAtPath(values, ['app', 'replicas', 'x'])).toBeUndefined();
  });
  it('masks secrets by schema field and by key name, inside maps too', () => {
    const fields = [{ path: ['db', 'dsn'] }];
    expect(maskedValue(['db', 'dsn'], 'postgres://u:p@h/db', fields)).toBe(MASK);
    expect(maskedValue(['db'], { dsn: 'postgres://u:p@h/db', host: 'h', password: 'hunter2' }, fields)).toEqual({ dsn: MASK, host: 'h', password: MASK });
    expect(maskedValue(['replicas'], 3, fields)).toBe(3);
  });
});

describe('valueText', () => {
  it('shows values as YAML, long ones cut', () => {
    expect(valueText(3)).toBe('3');
    expect(valueText('a: b')).toBe('"a: b"');
    expect(valueText({ a: [1, 2] })).toBe('a:\n  - 1\n  - 2');
    expect(valueText(undefined)).toBe('(not set)');
    expect(valueText(Array.from({ length: 20 }, (_, i) => i)).split('\n').slice(-2)).toEqual(['- 11', '… (8 more lines)']);
  });
});

describe('mainPiece', () => {
  it('skips the blanks an nindent printed for the value the line is about', () => {
    const o = (kind: TraceOrigin['kind']) => origin(kind, 1, 1);
    const pieces = [
      { from: 0, to: 2, origin: o('action') },
      { from: 2, to: 12, origin: o('text') },
      { from: 12, to: 13, origin: o('action') },
    ];
    expect(mainPiece(pieces, '  replicas: 1')).toBe(2);
    expect(mainPiece(pieces.slice(0, 2), '  replicas: 1')).toBe(1);
    expect(mainPiece([], '')).toBe(-1);
  });
});
