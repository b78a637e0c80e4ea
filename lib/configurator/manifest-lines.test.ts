import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeChartFiles } from './chart-files';
import { documentAtLine, documentBody, manifestDocuments, manifestFoldRanges, streamLine, textLines, type ManifestDocument } from './manifest-lines';
import { DEFAULT_RELEASE } from './release-options';
import { loadChartSource, renderConfiguration } from './render-job';
import type { RenderedResource } from './render-protocol';

const STREAM = [
  '---', //                                   1
  '# Source: c/templates/sa.yaml', //         2
  'apiVersion: v1', //                        3
  'kind: ServiceAccount', //                  4
  'metadata:', //                             5
  '  name: a', //                             6
  '---', //                                   7
  '# Source: c/templates/deploy.yaml', //     8
  'apiVersion: apps/v1', //                   9
  'kind: Deployment', //                      10
  'spec:', //                                 11
  '  template:', //                           12
  '    spec:', //                             13
  '      containers:', //                     14
  '      - name: app', //                     15
  '        image: x', //                      16
  '      - name: sidecar', //                 17
  '        env:', //                          18
  '          - name: A', //                   19
  '            value: "1"', //                20
  '      volumes: []', //                     21
  '', //                                      22 (the final newline)
].join('\n');

const resource = (id: string, source: string): RenderedResource => ({ id, kind: '', name: '', apiVersion: '', source, content: '', hookEvents: [] });

describe('manifestDocuments', () => {
  const lines = textLines(STREAM);
  const docs = manifestDocuments(lines, [resource('ServiceAccount/a@c/templates/sa.yaml#0', 'c/templates/sa.yaml'), resource('Deployment/d@c/templates/deploy.yaml#0', 'c/templates/deploy.yaml')]);

  it('locates each document: separator, body, last line, source, resource', () => {
    expect(docs).toEqual<ManifestDocument[]>([
      { index: 0, startLine: 1, bodyStartLine: 3, endLine: 6, source: 'c/templates/sa.yaml', resourceId: 'ServiceAccount/a@c/templates/sa.yaml#0' },
      { index: 1, startLine: 7, bodyStartLine: 9, endLine: 21, source: 'c/templates/deploy.yaml', resourceId: 'Deployment/d@c/templates/deploy.yaml#0' },
    ]);
  });

  it.each([
    [1, 0],
    [2, 0],
    [6, 0],
    [7, 1],
    [21, 1],
    [22, null], // the empty line after the final newline
    [0, null],
  ])('line %i is in document %s', (line, index) => {
    expect(documentAtLine(docs, line)?.index ?? null).toBe(index);
  });

  it('a document body is the object without its separator and source comment', () => {
    expect(documentBody(lines, docs[0])).toBe('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a');
  });

  it('maps a line of a resource shown alone to the stream', () => {
    expect(lines[streamLine(docs[1], 2) - 1]).toBe('kind: Deployment');
  });

  it.each([
    ['no separator at all', 'a: 1\nb: 2\n', [{ index: 0, startLine: 1, bodyStartLine: 1, endLine: 2, source: null, resourceId: null }]],
    ['text before the first separator', 'a: 1\n---\nb: 2', [
      { index: 0, startLine: 1, bodyStartLine: 1, endLine: 1, source: null, resourceId: null },
      { index: 1, startLine: 2, bodyStartLine: 3, endLine: 3, source: null, resourceId: null },
    ]],
    ['an empty document', '---\n# Source: x.yaml\n---\n# Source: y.yaml\nk: v\n', [
      { index: 0, startLine: 1, bodyStartLine: 3, endLine: 2, source: 'x.yaml', resourceId: null },
      { index: 1, startLine: 3, bodyStartLine: 5, endLine: 5, source: 'y.yaml', resourceId: null },
    ]],
    ['an indented --- inside a block scalar', '---\nk: |\n  ---\n  text\n', [{ index: 0, startLine: 1, bodyStartLine: 2, endLine: 4, source: null, resourceId: null }]],
    ['nothing', '', []],
  ])('%s', (_name, text, expected) => {
    expect(manifestDocuments(textLines(text))).toEqual(expected);
  });

  it('a resource is matched only to a document from its template', () => {
    const [doc] = manifestDocuments(textLines('---\n# Source: c/templates/a.yaml\nk: v\n'), [resource('X/x@c/templates/b.yaml#0', 'c/templates/b.yaml')]);
    expect(doc.resourceId).toBeNull();
  });
});

describe('manifestFoldRanges', () => {
  const lines = textLines(STREAM);
  const folds = manifestFoldRanges(lines, manifestDocuments(lines));

  it('folds each document under its source line and each block under its key', () => {
    expect(folds).toEqual([
      { start: 2, end: 6 }, // document 1
      { start: 5, end: 6 }, // metadata
      { start: 8, end: 21 }, // document 2
      { start: 11, end: 21 }, // spec
      { start: 12, end: 21 }, // template
      { start: 13, end: 21 }, // spec
      { start: 14, end: 20 }, // containers, whose items sit at its own indentation
      { start: 15, end: 16 }, // - name: app
      { start: 17, end: 20 }, // - name: sidecar
      { start: 18, end: 20 }, // env
      { start: 19, end: 20 }, // - name: A
    ]);
  });

  it('a block scalar folds under its key, across blank lines, ending at its last text line', () => {
    const text = '---\n# Source: c/cm.yaml\ndata:\n  a.txt: |\n    one\n\n    two\n\n  b: 1\n';
    const l = textLines(text);
    expect(manifestFoldRanges(l, manifestDocuments(l))).toEqual([
      { start: 2, end: 9 },
      { start: 3, end: 9 },
      { start: 4, end: 7 },
    ]);
  });

  it('a resource shown alone has block folds but no document fold', () => {
    const l = textLines('metadata:\n  name: a\nspec: {}');
    expect(manifestFoldRanges(l, manifestDocuments(l))).toEqual([{ start: 1, end: 2 }]);
  });
});

/** The bundled chart's files, as the configurator receives them. */
function chartFiles(name: string) {
  const root = join(__dirname, '../../charts', name);
  const walk = (dir: string): { path: string; data: Uint8Array }[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [{ path: relative(root, p), data: new Uint8Array(readFileSync(p)) }];
    });
  return encodeChartFiles(walk(root));
}

describe('on real renders', () => {
  const charts = {
    aeterna: { chart: loadChartSource({ kind: 'files', files: chartFiles('aeterna') }), values: ['', 'postgresql:\n  enabled: false\n  external:\n    host: db.example\n    port: 6432\n    database: mem\n    username: app\n', 'aeterna:\n  replicas: 3\n'] },
    verta: {
      chart: loadChartSource({ kind: 'files', files: chartFiles('verta') }),
      values: ['secrets:\n  databaseUrl: mysql://u:p@db:3306/v\n  discordToken: t\nfrontend:\n  tenantSlug: demo\nglobal:\n  domain: example.org\n'],
    },
  };
  for (const [name, { chart, values }] of Object.entries(charts)) {
    it.each(values)(`${name}: every document is one rendered resource, hooks included, in order (values %j)`, (valuesText) => {
      const out = renderConfiguration(chart, { valuesText, release: DEFAULT_RELEASE, budget: { deadlineMs: 10_000, maxOutputBytes: 20_000_000 } });
      if (!out.ok) throw new Error(out.message);
      const lines = textLines(out.output);
      const docs = manifestDocuments(lines, out.resources);
      expect(docs.map((d) => d.resourceId)).toEqual(out.resources.map((r) => r.id));
      expect(docs.map((d) => documentBody(lines, d))).toEqual(out.resources.map((r) => r.content));
      // Folds never cross a document boundary.
      for (const f of manifestFoldRanges(lines, docs)) expect(documentAtLine(docs, f.start)).toBe(documentAtLine(docs, f.end));
    });
  }
});
