/**
 * Chart archives: `helm package` output (with a nested .tgz subchart) loads like the folder it
 * came from, and malformed archives fail with helm 3.17.3's messages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { helmBin, REFERENCE, removeChart, runHelm, writeChart } from '../../../tests/helm/reference';
import { toPlain } from '../../go/value';
import { archiveFileProblem, loadArchiveFiles } from './archive';
import { chartName } from './chart';
import { loadChartArchive } from './loader';

/** A tar entry for {@link makeTar}. */
interface Entry {
  name: string;
  data?: string;
  type?: string;
  /** Overrides the header's size field (to fake truncation). */
  size?: number;
}

function header(name: string, size: number, type: string): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, off: number): void => h.set(new TextEncoder().encode(s), off);
  put(name.slice(0, 100), 0);
  put('0000644\0', 100);
  put('0000000\0', 108);
  put('0000000\0', 116);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124);
  put('00000000000\0', 136);
  put('        ', 148);
  put(type, 156);
  put('ustar\x0000', 257);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function makeTar(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = new TextEncoder().encode(e.data ?? '');
    parts.push(header(e.name, e.size ?? data.length, e.type ?? '0'));
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    parts.push(padded);
  }
  parts.push(new Uint8Array(1024));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

const tgz = (entries: Entry[]): Uint8Array => gzipSync(makeTar(entries));

async function helmOnArchive(bytes: Uint8Array): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chartroom-tgz-'));
  try {
    const file = join(dir, 'chart.tgz');
    writeFileSync(file, bytes);
    const r = await runHelm(['template', 'r', file]);
    return r.status === 0 ? 'ok' : r.stderr.replace(/^Error: /, '').trimEnd();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function oursOnArchive(bytes: Uint8Array, fileName: string): string {
  const problem = archiveFileProblem(fileName, bytes);
  if (problem) return problem;
  try {
    loadChartArchive(bytes, { helmVersion: REFERENCE.setting });
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
}

const CHART = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';

const BAD_ARCHIVES: [string, Uint8Array][] = [
  ['not gzip', new TextEncoder().encode('hello')],
  ['long text', new TextEncoder().encode('a: 1\n'.repeat(200))],
  ['no files', tgz([{ name: 'c/', type: '5' }])],
  ['Chart.yaml at the top', tgz([{ name: 'Chart.yaml', data: CHART }])],
  ['parent reference', tgz([{ name: 'c/Chart.yaml', data: CHART }, { name: 'c/../../x', data: 'x' }])],
  ['absolute path', tgz([{ name: 'c/Chart.yaml', data: CHART }, { name: 'c//etc/x', data: 'x' }])],
  ['drive letter', tgz([{ name: 'c/Chart.yaml', data: CHART }, { name: 'c\\c:\\x', data: 'x' }])],
  ['content outside', tgz([{ name: 'c/Chart.yaml', data: CHART }, { name: 'c', data: 'x' }])],
  ['missing Chart.yaml', tgz([{ name: 'c/values.yaml', data: 'a: 1\n' }])],
  ['bad values', tgz([{ name: 'c/Chart.yaml', data: CHART }, { name: 'c/values.yaml', data: '- 1\n' }])],
  ['nested tgz that is not gzip', tgz([{ name: 'c/Chart.yaml', data: CHART }, { name: 'c/charts/sub-1.0.0.tgz', data: 'nope' }])],
  ['ok with BOM and folders', tgz([{ name: 'c/', type: '5' }, { name: 'c/Chart.yaml', data: `\ufeff${CHART}` }, { name: 'c/templates/', type: '5' }])],
  ['pax header', tgz([{ name: 'pax', type: 'g', data: '' }, { name: 'c/Chart.yaml', data: CHART }])],
];

describe('chart archives match helm 3.17.3', () => {
  it.each(BAD_ARCHIVES)('%s', async (_name, bytes) => {
    const want = await helmOnArchive(bytes);
    const fileName = /^file '([^']+)'/.exec(want)?.[1] ?? 'chart.tgz';
    expect(oursOnArchive(bytes, fileName)).toEqual(want);
  });

  it('loads `helm package` output with folder and archive subcharts', () => {
    const dir = writeChart({
      'Chart.yaml': 'apiVersion: v2\nname: top\nversion: 1.2.3\ndependencies:\n- {name: inner, version: 0.1.0}\n',
      'values.yaml': 'a: 1\n',
      'templates/cm.yaml': 'kind: ConfigMap\n',
      'crds/crd.yaml': 'kind: CustomResourceDefinition\n',
      'charts/inner/Chart.yaml': 'apiVersion: v2\nname: inner\nversion: 0.1.0\n',
      'charts/inner/values.yaml': 'b: 2\n',
      '.helmignore': '*.skip\n',
      'x.skip': 'ignored',
    }, 'top');
    const out = mkdtempSync(join(tmpdir(), 'chartroom-pkg-'));
    try {
      // Package the subchart too, so the parent carries it as a nested archive.
      execFileSync(helmBin(), ['package', join(dir, 'charts/inner'), '-d', join(dir, 'charts')]);
      rmSync(join(dir, 'charts/inner'), { recursive: true });
      execFileSync(helmBin(), ['package', dir, '-d', out]);
      const c = loadChartArchive(new Uint8Array(readFileSync(join(out, 'top-1.2.3.tgz'))));
      expect(chartName(c)).toBe('top');
      expect(c.templates.map((f) => f.name)).toEqual(['templates/cm.yaml']);
      expect(c.files.map((f) => f.name).sort()).toEqual(['.helmignore', 'crds/crd.yaml']);
      expect(toPlain(c.values)).toEqual({ a: 1 });
      expect(c.dependencies.map(chartName)).toEqual(['inner']);
      expect(toPlain(c.dependencies[0].values)).toEqual({ b: 2 });
      expect(c.dependencies[0].parent).toBe(c);
    } finally {
      removeChart(dir);
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('strips the top folder and keeps Windows separators apart', () => {
    const files = loadArchiveFiles(tgz([{ name: 'c/Chart.yaml', data: CHART }, { name: 'c\\templates\\x.yaml', data: 'x' }]));
    expect(files.map((f) => f.name)).toEqual(['Chart.yaml', 'templates/x.yaml']);
  });
});
