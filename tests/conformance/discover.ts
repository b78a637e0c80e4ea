/**
 * Finds the charts under folders of real chart repositories, and what each needs before helm
 * can render it: its `file://` dependencies vendored, and no remote dependency missing.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export interface Dependency {
  name: string;
  version?: string;
  repository?: string;
}

export type Found =
  | { kind: 'chart'; dir: string; name: string; version: string; dependencies: Dependency[] }
  | { kind: 'not-a-chart'; dir: string; cause: string };

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/** Every folder holding a Chart.yaml under the given folders (a chart's own `charts/` subcharts included). */
export function findCharts(roots: string[]): Found[] {
  const out: Found[] = [];
  const walk = (dir: string) => {
    if (existsSync(join(dir, 'Chart.yaml'))) out.push(readChart(dir));
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      // lstat: corpora hold symlink loops, and a linked folder is found where it really lives.
      if (!SKIP_DIRS.has(name) && lstatSync(p).isDirectory()) walk(p);
    }
  };
  for (const r of roots) walk(resolve(r));
  return out;
}

/**
 * Reads the metadata the harness needs. A Chart.yaml that is itself a template (it is filled in
 * by a release tool) or that is not YAML describes no chart, whatever helm would say of it.
 */
function readChart(dir: string): Found {
  const text = readFileSync(join(dir, 'Chart.yaml'), 'utf8');
  if (text.includes('{{')) return { kind: 'not-a-chart', dir, cause: 'Chart.yaml is a template (holds {{ }})' };
  let meta: { name?: unknown; version?: unknown; dependencies?: unknown };
  try {
    meta = (parse(text) ?? {}) as typeof meta;
  } catch (e) {
    return { kind: 'not-a-chart', dir, cause: `Chart.yaml is not YAML: ${(e as Error).message.split('\n')[0]}` };
  }
  if (typeof meta !== 'object' || typeof meta.name !== 'string') return { kind: 'not-a-chart', dir, cause: 'Chart.yaml has no name' };
  let deps = meta.dependencies;
  // apiVersion v1 charts list their dependencies in requirements.yaml.
  if (deps === undefined && existsSync(join(dir, 'requirements.yaml'))) {
    deps = (parse(readFileSync(join(dir, 'requirements.yaml'), 'utf8')) as { dependencies?: unknown } | null)?.dependencies;
  }
  const dependencies = Array.isArray(deps) ? (deps as Dependency[]).filter((d) => d && typeof d.name === 'string') : [];
  return { kind: 'chart', dir, name: meta.name, version: String(meta.version ?? ''), dependencies };
}

/** The chart names present in a chart's `charts/` folder, as folders or archives. */
export function vendoredNames(dir: string): Set<string> {
  const names = new Set<string>();
  const charts = join(dir, 'charts');
  if (!existsSync(charts)) return names;
  for (const entry of readdirSync(charts)) {
    const p = join(charts, entry);
    if (statSync(p).isDirectory()) {
      const yaml = join(p, 'Chart.yaml');
      if (existsSync(yaml)) names.add(String((parse(readFileSync(yaml, 'utf8')) as { name?: unknown } | null)?.name ?? entry));
    } else if (entry.endsWith('.tgz')) names.add(entry.replace(/-v?\d[^-]*(-[^-]+)*\.tgz$/, '').replace(/\.tgz$/, ''));
  }
  return names;
}

/** Where a `file://` dependency lives, relative to the chart that names it. */
export function localDependencyPath(chartDir: string, repository: string): string {
  return resolve(chartDir, repository.slice('file://'.length));
}
