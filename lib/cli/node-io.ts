/**
 * The CLI's Node side: reads charts and files from disk. The engine itself never touches the
 * file system (it also runs in the browser); this is the only place that does for the CLI.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadChartArchive, loadChartDirectory } from '../helm/chart/loader';
import type { Chart } from '../helm/chart/chart';
import type { CliIO } from './io';

/** The project root, where the bundled charts live in `charts/` (found upward: this module may run bundled). */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'charts'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '../..');
  }
}

/** Reads every file under a directory as `{path, data}` with '/'-separated relative paths. */
export function readTree(dir: string): { path: string; data: Uint8Array }[] {
  const out: { path: string; data: Uint8Array }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push({ path: relative(dir, p).split(sep).join('/'), data: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

/** Resolves a chart reference: a path to a directory or .tgz, else a bundled chart's name. */
export function loadChartFromDisk(ref: string, cwd = process.cwd()): Chart {
  let path = resolve(cwd, ref);
  if (!existsSync(path)) {
    const bundled = join(PACKAGE_ROOT, 'charts', ref);
    if (/^[a-z0-9-]+$/.test(ref) && existsSync(join(bundled, 'Chart.yaml'))) path = bundled;
    else throw new Error(missingChartMessage(ref.trim()));
  }
  if (statSync(path).isDirectory()) return loadChartDirectory(readTree(path));
  return loadChartArchive(readFileSync(path));
}

/** What helm's LocateChart says for a reference that is not on disk. */
function missingChartMessage(ref: string): string {
  if (isAbsolute(ref) || ref.startsWith('.')) return `path "${ref}" not found`;
  if (!ref.includes('/')) return `non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`;
  // helm would download it from a configured repository; chartroom reads only local charts.
  return `chart "${ref}" is not a local path: chartroom does not download charts; fetch it with \`helm pull ${ref}\` and pass the .tgz`;
}

export function nodeIO(): CliIO {
  return {
    loadChart: loadChartFromDisk,
    readFile: (p) => (p === '-' ? readFileSync(0) : readFileSync(p)),
    writeFile: (p, data) => writeFileSync(p, data),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  };
}
