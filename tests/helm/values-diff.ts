/**
 * Differential harness for the values pipeline: runs a chart through real helm (`helm template`
 * printing `.Values` as JSON and the Go types of chosen paths) and through ours
 * (loadChartDirectory → mergeUserValues → processDependenciesWithMerge → toRenderValues).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeChart, runHelm, writeChart, REFERENCE, type ChartFiles } from './reference';
import { toPlain, typeName, type GoMap, type GoValue } from '../../lib/go/value';
import { loadChartDirectory } from '../../lib/helm/chart/loader';
import { processDependenciesWithMerge } from '../../lib/helm/chartutil/dependencies';
import { mergeUserValues, type ValueOptions } from '../../lib/helm/chartutil/merge-values';
import { templateCapabilities } from '../../lib/helm/chartutil/capabilities';
import { toRenderValues } from '../../lib/helm/chartutil/values';

export interface ValuesCase {
  name: string;
  /** The chart folder (Chart.yaml, values.yaml, charts/..., .helmignore...). */
  chart: ChartFiles;
  /** helm template flags; `-f NAME` refers to {@link extraFiles}. */
  args?: string[];
  /** Files written beside the chart folder (values files for -f, files for --set-file). */
  extraFiles?: Record<string, string>;
  /** Dotted paths under .Values whose Go type (`%T`) must match. */
  types?: string[];
}

export interface ValuesOutcome {
  ok: boolean;
  /** `.Values` as JSON-like data, when ok. */
  values?: unknown;
  /** `%T` of each requested path. */
  types?: string[];
  /** The error text (without `Error: `), when not ok. */
  error?: string;
  /** Log lines (warnings), without Go's `file.go:NNN: ` prefix. */
  warnings: string[];
  /** helm's stderr log lines as printed (helm side only). */
  rawWarnings?: string[];
}

const PROBE = 'templates/zz-values-probe.yaml';

function probeTemplate(types: string[]): string {
  const lines = ['# VALUES {{ toJson .Values }}'];
  for (const p of types) {
    const keys = p.split('.').map((k) => (/^\d+$/.test(k) ? k : JSON.stringify(k)));
    lines.push(`# TYPE {{ printf "%T" (index .Values ${keys.join(' ')}) }}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What helm 3.17.3 makes of the case. */
export async function helmValues(c: ValuesCase): Promise<ValuesOutcome> {
  const dir = writeChart({ ...c.chart, [PROBE]: probeTemplate(c.types ?? []) }, 'fixture');
  const parent = join(dir, '..');
  for (const [name, text] of Object.entries(c.extraFiles ?? {})) {
    mkdirSync(join(parent, name, '..'), { recursive: true });
    writeFileSync(join(parent, name), text);
  }
  try {
    const r = await runHelm(['template', 'release-name', dir, '--show-only', PROBE, ...(c.args ?? [])], { cwd: parent });
    const errAt = r.stderr.indexOf('Error: ');
    const logText = errAt < 0 ? r.stderr : r.stderr.slice(0, errAt);
    const warnings = logText
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.replace(/^[a-z_]+\.go:\d+: /, ''));
    const rawWarnings = logText.split('\n').filter((l) => l !== '');
    if (r.status !== 0) {
      const err = r.stderr.slice(r.stderr.indexOf('Error: ') + 7).trimEnd();
      return { ok: false, error: err, warnings, rawWarnings };
    }
    const values = JSON.parse(/^# VALUES (.*)$/m.exec(r.stdout)![1]);
    const types = [...r.stdout.matchAll(/^# TYPE (.*)$/gm)].map((m) => m[1]);
    return { ok: true, values, types, warnings, rawWarnings };
  } finally {
    removeChart(dir);
  }
}

function flagValues(args: string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === flag) out.push(args[i + 1]);
  return out;
}

function lookup(m: GoMap, path: string): GoValue {
  let cur: GoValue = m;
  for (const p of path.split('.')) cur = cur instanceof Map ? cur.get(p) : Array.isArray(cur) ? cur[Number(p)] : undefined;
  return cur;
}

/** What our pipeline makes of the case. */
export function ourValues(c: ValuesCase): ValuesOutcome {
  const warnings: string[] = [];
  const warn = (m: string): void => void warnings.push(m);
  const args = c.args ?? [];
  const enc = new TextEncoder();
  const read = (name: string): string => {
    if (!(name in (c.extraFiles ?? {}))) throw new Error(`open ${name}: no such file or directory`);
    return c.extraFiles![name];
  };
  try {
    const opts: ValueOptions = {
      helmVersion: REFERENCE.setting,
      valueFiles: flagValues(args, '-f').map((name) => ({ name, data: read(name) })),
      jsonValues: flagValues(args, '--set-json'),
      values: flagValues(args, '--set'),
      stringValues: flagValues(args, '--set-string'),
      fileValues: flagValues(args, '--set-file'),
      literalValues: flagValues(args, '--set-literal'),
      readFile: read,
    };
    const vals = mergeUserValues(opts);
    const entries = Object.entries(c.chart).map(([path, data]) => ({ path, data: typeof data === 'string' ? enc.encode(data) : data }));
    const chart = loadChartDirectory(entries, { warn, helmVersion: REFERENCE.setting });
    const caps = templateCapabilities({ kubeVersion: flagValues(args, '--kube-version')[0], apiVersions: flagValues(args, '--api-versions'), helmVersion: REFERENCE.setting });
    processDependenciesWithMerge(chart, vals, warn, REFERENCE.setting);
    const top = toRenderValues(chart, vals, { name: 'release-name', namespace: 'default', revision: 1, isInstall: true, isUpgrade: false }, caps, { warn });
    const values = top.get('Values') as GoMap;
    return {
      ok: true,
      values: JSON.parse(JSON.stringify(toPlain(values))),
      types: (c.types ?? []).map((p) => typeName(lookup(values, p))),
      warnings,
    };
  } catch (e) {
    return { ok: false, error: (e as Error).message.trimEnd(), warnings };
  }
}

