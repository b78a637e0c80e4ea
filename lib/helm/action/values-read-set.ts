/**
 * The values a render used, as one serialisable set: what its templates read (values-reads.ts)
 * plus what Helm itself reads before rendering (dependency conditions, tags, import-values
 * sources), and the sections of subcharts that did not render (disabled, or not in charts/),
 * which no template could have read with these values and which count as used.
 */
import type { Chart } from '../chart/chart';
import type { GoMap } from '../../go';
import { joinPath } from '../strvals';
import type { ValuesReadRecorder } from '../engine/values-reads';

/**
 * Values paths read, paths whose whole subtree counts as read, and the paths of the charts' own
 * default values (leaves) (see values-reads.ts for the path form).
 */
export interface ValuesReadSet {
  values: string[];
  subtrees: string[];
  defaults: string[];
}

/**
 * The read set of a render made with `recordReads: recorder`: `source` is the chart given to
 * `templateChart`, `rendered` the result's chart (dependencies enabled by these values only).
 */
export function renderReadSet(recorder: ValuesReadRecorder, source: Chart, rendered: Chart): ValuesReadSet {
  const total = recorder.total();
  const values = new Set(total.values);
  const subtrees = new Set(total.subtrees);
  const present = new Set<string>();
  const collect = (c: Chart, prefix: string) => {
    for (const d of c.dependencies) {
      const p = joinPath(prefix, d.metadata.name);
      present.add(p);
      collect(d, p);
    }
  };
  collect(rendered, '');
  addHelmReads(source, '', values, subtrees, present);
  return { values: [...values], subtrees: [...subtrees], defaults: defaultPaths(rendered, '') };
}

/** The leaf paths of a chart's default values and its rendered subcharts', each under its section. */
function defaultPaths(c: Chart, prefix: string): string[] {
  const out = userValuePaths(c.values, prefix);
  for (const sub of c.dependencies) out.push(...defaultPaths(sub, joinPath(prefix, sub.metadata.name)));
  return out;
}

/** Conditions, tags and import-values sources of a chart's dependencies; sections of those not rendered. */
function addHelmReads(c: Chart, prefix: string, values: Set<string>, subtrees: Set<string>, present: Set<string>): void {
  for (const d of c.metadata.dependencies ?? []) {
    if (!d) continue;
    const key = joinPath(prefix, d.alias || d.name);
    for (const cond of d.condition.split(',')) if (cond.trim() !== '') values.add(prefixed(prefix, cond.trim()));
    // Tags are read from the top chart's values only.
    if (prefix === '') for (const t of d.tags ?? []) values.add(joinPath('tags', t));
    for (const iv of d.importValues ?? []) {
      const child = typeof iv === 'string' ? `exports.${iv}` : iv instanceof Map ? iv.get('child') : undefined;
      if (typeof child === 'string' && child !== '') subtrees.add(prefixed(key, child));
    }
    if (!present.has(key)) subtrees.add(key);
    const sub = c.dependencies.find((s) => s.metadata.name === d.name);
    if (sub) addHelmReads(sub, key, values, subtrees, present);
  }
}

/** A dotted Helm path (a condition, an import source) under a chart's values path. */
function prefixed(prefix: string, dotted: string): string {
  let p = prefix;
  for (const k of dotted.split('.')) p = joinPath(p, k);
  return p;
}

/** The paths of every value in a values map: leaves (scalars, lists, empty maps), in the path form of values-reads.ts. */
export function userValuePaths(values: GoMap, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of values) {
    const p = joinPath(prefix, k);
    if (v instanceof Map && v.size > 0) out.push(...userValuePaths(v, p));
    else out.push(p);
  }
  return out;
}
