/** loader.LoadFiles / LoadDir behaviours that templates can't show directly: one row each. */
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../go/value';
import { chartFullPath, chartName, chartPath, crdObjects, isRoot, type ChartFile } from './chart';
import { loadChartDirectory, loadChartFiles } from './loader';

const enc = new TextEncoder();
const f = (name: string, text: string): ChartFile => ({ name, data: enc.encode(text) });
const CHART = 'apiVersion: v2\nname: top\nversion: 1.0.0\n';
const sub = (n: string): string => `apiVersion: v2\nname: ${n}\nversion: 0.1.0\n`;

describe('loadChartFiles', () => {
  it('sorts files into templates, files, values, schema and lock', () => {
    const c = loadChartFiles([
      f('templates/a.yaml', 'a'),
      f('Chart.yaml', CHART),
      f('values.yaml', 'x: 1\n'),
      f('values.schema.json', '{}'),
      f('Chart.lock', 'generated: "2024-01-01T00:00:00Z"\ndigest: sha256:abc\ndependencies: [{name: d, version: 1.0.0, repository: r}]\n'),
      f('README.md', 'r'),
      f('crds/c.yaml', 'c'),
      f('charts/x-1.0.0.tgz.prov', 'p'),
    ]);
    expect(c.templates.map((t) => t.name)).toEqual(['templates/a.yaml']);
    expect(c.files.map((t) => t.name)).toEqual(['README.md', 'crds/c.yaml', 'charts/x-1.0.0.tgz.prov']);
    expect(c.raw.map((t) => t.name)).toHaveLength(8);
    expect(toPlain(c.values)).toEqual({ x: 1 });
    expect(new TextDecoder().decode(c.schema)).toBe('{}');
    expect(c.lock?.digest).toBe('sha256:abc');
    expect(c.lock?.dependencies?.[0]?.name).toBe('d');
    expect(crdObjects(c).map((x) => x.filename)).toEqual(['top/crds/c.yaml']);
  });

  it('builds subcharts from folders, skipping _ and . names', () => {
    const c = loadChartFiles([
      f('Chart.yaml', CHART),
      f('charts/b/Chart.yaml', sub('b')),
      f('charts/a/Chart.yaml', sub('a')),
      f('charts/a/charts/deep/Chart.yaml', sub('deep')),
      f('charts/_skip/Chart.yaml', sub('skip')),
      f('charts/.hidden/Chart.yaml', sub('hidden')),
    ]);
    expect(c.dependencies.map(chartName)).toEqual(['a', 'b']);
    const deep = c.dependencies[0].dependencies[0];
    expect(chartPath(deep)).toBe('top.a.deep');
    expect(chartFullPath(deep)).toBe('top/charts/a/charts/deep');
    expect(isRoot(c)).toBe(true);
    expect(isRoot(deep)).toBe(false);
  });

  it('a loose file under charts/ that is not a folder fails like Helm (no Chart.yaml)', () => {
    expect(() => loadChartFiles([f('Chart.yaml', CHART), f('charts/notes.txt', 'x')])).toThrow(
      'error unpacking subchart notes.txt in top: Chart.yaml file is missing',
    );
  });

  it('defaults apiVersion to v1 and keeps v1 requirements files', () => {
    const c = loadChartFiles([f('Chart.yaml', 'name: old\nversion: 1.0.0\n'), f('requirements.yaml', 'dependencies: [{name: d, version: 1.0.0}]\n'), f('requirements.lock', 'digest: x\n')]);
    expect(c.metadata.apiVersion).toBe('v1');
    expect(c.metadata.dependencies?.map((d) => d?.name)).toEqual(['d']);
    expect(c.files.map((x) => x.name)).toEqual(['requirements.yaml', 'requirements.lock']);
  });

  it('warns about requirements.yaml in a v2 chart', () => {
    const warnings: string[] = [];
    loadChartFiles([f('Chart.yaml', CHART), f('requirements.yaml', 'dependencies: []\n')], { warn: (m) => warnings.push(m) });
    expect(warnings).toEqual(['Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.']);
  });

  it('fails without Chart.yaml', () => {
    expect(() => loadChartFiles([f('values.yaml', 'a: 1\n')])).toThrow('Chart.yaml file is missing');
  });

  it('sanitizes metadata strings during validation', () => {
    const c = loadChartFiles([f('Chart.yaml', 'apiVersion: v2\nname: top\nversion: 1.0.0\ndescription: "a\\tb\\u0000c"\n')]);
    expect(c.metadata.description).toBe('a bc');
  });

  it('null values.yaml gives empty values', () => {
    expect(loadChartFiles([f('Chart.yaml', CHART), f('values.yaml', '~\n')]).values.size).toBe(0);
  });
});

describe('loadChartDirectory', () => {
  it('walks in filepath.Walk order and strips BOMs', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('x: 1\n')]);
    const c = loadChartDirectory([
      { path: 'a-c', data: enc.encode('1') },
      { path: 'a/b', data: enc.encode('2') },
      { path: 'Chart.yaml', data: enc.encode(CHART) },
      { path: 'values.yaml', data: bom },
    ]);
    expect(c.files.map((x) => x.name)).toEqual(['a/b', 'a-c']);
    expect(toPlain(c.values)).toEqual({ x: 1 });
  });

  it("takes the metadata from the Chart.yaml it keeps, when Helm 4's first read of it (to choose the loader) saw other text", () => {
    const reads = [sub('first'), sub('second')];
    const c = loadChartDirectory([{ path: 'Chart.yaml', size: 40, read: () => enc.encode(reads.shift() ?? '') }]);
    expect(c.metadata.name).toBe('second');
    expect(new TextDecoder().decode(c.raw.find((x) => x.name === 'Chart.yaml')!.data)).toBe(sub('second'));
    const same = loadChartDirectory([{ path: 'Chart.yaml', size: 40, read: () => enc.encode(sub('same')) }]);
    expect(same.metadata.name).toBe('same');
  });

  it('refuses files over 5 MiB', () => {
    expect(() =>
      loadChartDirectory([
        { path: 'Chart.yaml', data: enc.encode(CHART) },
        { path: 'big/blob.bin', data: new Uint8Array(5 * 1024 * 1024 + 1) },
      ]),
    ).toThrow('chart file "blob.bin" is larger than the maximum file size 5242880');
  });

  it('reports a bad .helmignore', () => {
    expect(() => loadChartDirectory([{ path: '.helmignore', data: enc.encode('a/**\n') }, { path: 'Chart.yaml', data: enc.encode(CHART) }])).toThrow(
      'double-star (**) syntax is not supported',
    );
  });
});
