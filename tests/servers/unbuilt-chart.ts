/**
 * A chart archive whose dependencies are not in it: `helm package` refuses to make one (it wants
 * charts/ filled), but such archives are what `helm dependency build` exists for, and what a
 * bundled chart is. Made with tar as helm lays archives out (one top folder named after the chart).
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { removeChart, runHelm, writeChart, type ChartFiles } from '../helm/reference';
import type { ChartRepositoryServer } from './chart-repository';

/** Writes `name-version.tgz` of `files` into `dir` and returns its path. */
export function packUnbuiltChart(files: ChartFiles, name: string, version: string, dir: string): string {
  const src = writeChart(files, name);
  const out = join(dir, `${name}-${version}.tgz`);
  try {
    execFileSync('tar', ['-czf', out, '-C', dirname(src), name]);
  } finally {
    removeChart(src);
  }
  return out;
}

/** Adds such a chart to a running repository and re-indexes it with the reference helm. */
export async function addUnbuiltChart(repo: ChartRepositoryServer, files: ChartFiles, name: string, version: string): Promise<string> {
  const file = packUnbuiltChart(files, name, version, join(repo.root, 'charts'));
  const r = await runHelm(['repo', 'index', join(repo.root, 'charts')]);
  if (r.status !== 0) throw new Error(`helm repo index failed: ${r.stderr}`);
  return file;
}
