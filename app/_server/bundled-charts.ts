/**
 * The charts bundled in `charts/`, read from disk. Server-only: the browser gets summaries as
 * props and files as static JSON.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadChartDirectory } from '@/lib/helm';
import { chartInfoFromChart, encodeChartFiles, type ChartFileEntry, type ChartInfo, type EncodedChartFile } from '@/lib/configurator';

const CHARTS_DIR = join(process.cwd(), 'charts');
// A production server reads the charts once; development reads them at each request, so an edited chart shows on reload.
const READ_ONCE = process.env.NODE_ENV === 'production';
let keptNames: string[] | undefined;
// Tests and scratch files that ship beside a chart but are not part of it.
const SKIP = /(^|\/)(node_modules|\.git)(\/|$)|\.test\.ts$/;

function walk(root: string, dir = root): ChartFileEntry[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const rel = relative(root, path).split(sep).join('/');
    if (SKIP.test(rel)) return [];
    return statSync(path).isDirectory() ? walk(root, path) : [{ path: rel, data: new Uint8Array(readFileSync(path)) }];
  });
}

/** Names of the bundled charts (folders of `charts/` holding a Chart.yaml), sorted. */
export function bundledChartNames(): string[] {
  if (READ_ONCE) return (keptNames ??= chartFolders());
  return chartFolders();
}

/** Whether a name (from an address) is one of the bundled charts. */
export function isBundledChart(name: string): boolean {
  return bundledChartNames().includes(name);
}

function chartFolders(): string[] {
  return readdirSync(CHARTS_DIR)
    .filter((n) => {
      try {
        return statSync(join(CHARTS_DIR, n, 'Chart.yaml')).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** A bundled chart's files, as the render worker loads them. */
export function bundledChartFiles(name: string): EncodedChartFile[] {
  return encodeChartFiles(walk(join(CHARTS_DIR, name)));
}

// Pages are rendered per request (each carries its own CSP nonce), and a summary takes a whole
// chart load plus schema inference: a production server computes each one once. Development reads
// the folder each time, so an edited chart shows on reload.
const summaries = new Map<string, ChartInfo>();

/** A bundled chart's summary (metadata, defaults, schema, presets). */
export function bundledChartInfo(name: string): ChartInfo {
  const kept = summaries.get(name);
  if (kept) return kept;
  const info = chartInfoFromChart(loadChartDirectory(walk(join(CHARTS_DIR, name))));
  if (READ_ONCE) summaries.set(name, info);
  return info;
}
