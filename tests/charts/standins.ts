/**
 * Local stand-ins for third-party dependency charts.
 *
 * This machine can't download charts and third-party charts are never committed, so tests copy a
 * bundled chart to a temporary folder and put a minimal chart with the dependency's exact name
 * and version under its `charts/`. That is enough for helm to resolve the dependency (lint,
 * template, condition handling, values scoping); what the real chart renders is the real chart's
 * business at deploy time. Each stand-in says what it is in its Chart.yaml description.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

interface Dependency {
  name: string;
  version: string;
  repository?: string;
  alias?: string;
}

export interface StandinOptions {
  /** Extra templates per dependency name, e.g. a Service the parent's NetworkPolicy refers to. */
  templates?: Record<string, Record<string, string>>;
  /** values.yaml per dependency name. */
  values?: Record<string, string>;
}

/** Copies `chartDir` to a temporary folder with stand-ins for every dependency; returns the copy's path. */
export function withStandins(chartDir: string, opts: StandinOptions = {}): string {
  const target = join(mkdtempSync(join(tmpdir(), 'chartroom-standins-')), basename(chartDir));
  cpSync(chartDir, target, { recursive: true });
  const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as { dependencies?: Dependency[] };
  for (const dep of chart.dependencies ?? []) {
    const dir = join(target, 'charts', dep.name);
    // A dependency without a repository is vendored in charts/ already: nothing to stand in for.
    if (!dep.repository && existsSync(join(dir, 'Chart.yaml'))) continue;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'templates'), { recursive: true });
    const version = exactVersion(dep.version);
    writeFileSync(
      join(dir, 'Chart.yaml'),
      [
        'apiVersion: v2',
        `name: ${dep.name}`,
        `version: ${version}`,
        `description: Local stand-in for ${dep.name} ${version} from ${dep.repository ?? 'its repository'}, used only by tests that cannot download charts.`,
        'type: application',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'values.yaml'), opts.values?.[dep.name] ?? '{}\n');
    for (const [file, text] of Object.entries(opts.templates?.[dep.name] ?? {})) {
      writeFileSync(join(dir, 'templates', file), text);
    }
  }
  return target;
}

/** Removes a copy made by {@link withStandins}. */
export function removeStandins(copy: string): void {
  rmSync(join(copy, '..'), { recursive: true, force: true });
}

function exactVersion(constraint: string): string {
  const m = /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/.exec(constraint);
  if (!m || m[0] !== constraint.replace(/^[=v]/, '')) {
    throw new Error(`dependency version ${JSON.stringify(constraint)} is not pinned to an exact version`);
  }
  return m[0];
}
