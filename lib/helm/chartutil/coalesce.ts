/**
 * chartutil's CoalesceValues / MergeValues: a chart's defaults under the user's
 * values, subchart sections scoped by name, `global` handed down to every subchart.
 *
 * Coalescing deletes keys set to null (so `--set x=null` removes a default); merging keeps the
 * nulls for a later coalesce. Values under a subchart's key are always merged, so a null meant
 * for a subchart's default survives until that subchart's own coalesce removes it.
 * Go's maps are references and Helm copies only some of them (globals shallowly); the same
 * sharing is kept here so that the results match key for key.
 */
import { GoInt, type GoMap, type GoValue, formatValue, formatFloat, deepCopy } from '../../go';
import { chartName, type Chart } from '../chart/chart';
import { isHelm4, type HelmVersion } from '../version';

/** Receives Helm's log lines (warnings), without the `coalesce.go:NNN: ` prefix. */
export type Warn = (message: string) => void;

/** What a coalesce reports to and which helm's null rule it follows. */
interface Rules {
  warn: Warn;
  helm4: boolean;
}
const rules = (warn: Warn, helmVersion: HelmVersion | undefined): Rules => ({ warn, helm4: isHelm4(helmVersion) });

const GLOBAL = 'global';
const noop: Warn = () => {};

const isTable = (v: GoValue): v is GoMap => v instanceof Map;

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/** Go's `%t` verb, as used in the `type mismatch` error. */
function formatT(v: GoValue): string {
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(formatT).join(' ')}]`;
  if (v instanceof Map) return `map[${[...v.keys()].sort().map((k) => `${k}:${formatT(v.get(k))}`).join(' ')}]`;
  if (v === null || v === undefined) return '%!t(<nil>)';
  let type = 'string';
  let text = String(v);
  if (typeof v === 'number') {
    type = 'float64';
    text = formatFloat(v, 'g', -1);
  } else if (v instanceof GoInt) type = v.kind;
  return `%!t(${type}=${text})`;
}

/**
 * CoalesceValues: the chart's (and its subcharts') defaults under `vals`, nulls deleted.
 * `vals` is not modified. @throws Error `type mismatch on SUB: ...` when a subchart's key is not a map
 */
export function coalesceValues(chart: Chart, vals: GoMap | null | undefined, warn: Warn = noop, helmVersion?: HelmVersion): GoMap {
  return coalesce(rules(warn, helmVersion), chart, deepCopy(vals ?? new Map()), '', false);
}

/** MergeValues: like {@link coalesceValues} but nulls are kept. */
export function mergeValues(chart: Chart, vals: GoMap | null | undefined, warn: Warn = noop, helmVersion?: HelmVersion): GoMap {
  return coalesce(rules(warn, helmVersion), chart, deepCopy(vals ?? new Map()), '', true);
}

function coalesce(ctx: Rules, ch: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  coalesceChartValues(ctx, ch, dest, prefix, merge);
  return coalesceDeps(ctx, ch, dest, prefix, merge);
}

function coalesceDeps(ctx: Rules, chart: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  for (const sub of chart.dependencies) {
    const name = chartName(sub);
    if (!dest.has(name)) dest.set(name, new Map());
    else if (!isTable(dest.get(name))) throw new Error(`type mismatch on ${name}: ${formatT(dest.get(name))}`);
    const dvmap = dest.get(name) as GoMap;
    const subPrefix = concatPrefix(prefix, chartName(chart));
    coalesceGlobals(ctx, dvmap, dest, subPrefix);
    dest.set(name, coalesce(ctx, sub, dvmap, subPrefix, merge));
  }
  return dest;
}

/** Copies the globals of `src` into `dest`'s globals (parent's win, tables merged top-down). */
function coalesceGlobals(ctx: Rules, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  let sg: GoMap;
  if (!dest.has(GLOBAL)) dg = new Map();
  else {
    const g = dest.get(GLOBAL);
    if (!isTable(g)) {
      ctx.warn(`warning: skipping globals because destination ${GLOBAL} is not a table.`);
      return;
    }
    dg = g;
  }
  if (!src.has(GLOBAL)) sg = new Map();
  else {
    const g = src.get(GLOBAL);
    if (!isTable(g)) {
      ctx.warn(`warning: skipping globals because source ${GLOBAL} is not a table.`);
      return;
    }
    sg = g;
  }
  for (const [key, val] of sg) {
    if (isTable(val)) {
      // A shallow copy, as Helm's copyMap: nested tables stay shared with the parent's.
      const vv: GoMap = new Map(val);
      if (!dg.has(key)) {
        dg.set(key, vv);
      } else {
        const destv = dg.get(key);
        if (!isTable(destv)) {
          ctx.warn(`Conflict: cannot merge map onto non-map for ${JSON.stringify(key)}. Skipping.`);
        } else {
          coalesceTablesFullKey(ctx, vv, destv, concatPrefix(prefix, key), true);
          dg.set(key, vv);
        }
      }
    } else if (dg.has(key) && isTable(dg.get(key))) {
      ctx.warn(`key ${key} is table. Skipping`);
    } else {
      dg.set(key, val);
    }
  }
  dest.set(GLOBAL, dg);
}

/** Whether `key` names one of the chart's subcharts (their sections are always merged). */
function childChartMerge(chart: Chart, key: string, merge: boolean): boolean {
  return chart.dependencies.some((d) => chartName(d) === key) || merge;
}

function coalesceChartValues(ctx: Rules, c: Chart, v: GoMap, prefix: string, merge: boolean): void {
  const subPrefix = concatPrefix(prefix, chartName(c));
  const vc = deepCopy(c.values);
  for (const [key, val] of vc) {
    if (v.has(key)) {
      const value = v.get(key);
      if (value === null && !merge) {
        v.delete(key);
      } else if (isTable(value)) {
        if (!isTable(val)) {
          if (val !== null) ctx.warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          coalesceTablesFullKey(ctx, value, val, concatPrefix(subPrefix, key), childChartMerge(c, key, merge));
        }
      }
    } else {
      v.set(key, val);
    }
  }
}

/** CoalesceTables: merges `src` into `dst` (dst wins; null in dst deletes). Returns dst. */
export function coalesceTables(dst: GoMap | null, src: GoMap | null, warn: Warn = noop, helmVersion?: HelmVersion): GoMap | null {
  return coalesceTablesFullKey(rules(warn, helmVersion), dst, src, '', false);
}

/** MergeTables: like {@link coalesceTables} but nulls in dst are kept. */
export function mergeTables(dst: GoMap | null, src: GoMap | null, warn: Warn = noop, helmVersion?: HelmVersion): GoMap | null {
  return coalesceTablesFullKey(rules(warn, helmVersion), dst, src, '', true);
}

function coalesceTablesFullKey(ctx: Rules, dst: GoMap | null, src: GoMap | null, prefix: string, merge: boolean): GoMap | null {
  if (src === null) return dst;
  if (dst === null) return src;
  // Helm 4 deletes a key that is null in dst only when src had a value for it, and marks dst's
  // nulls in src as it goes (src is the caller's map, as in Go).
  const srcHadValue = ctx.helm4 ? new Set([...src].filter(([, v]) => v !== null).map(([k]) => k)) : null;
  if (ctx.helm4) for (const [key, val] of dst) if (val === null) src.set(key, null);
  for (const [key, val] of src) {
    const fullkey = concatPrefix(prefix, key);
    const ok = dst.has(key);
    const dv = dst.get(key);
    if (ok && !merge && dv === null && (srcHadValue === null || srcHadValue.has(key))) {
      dst.delete(key);
    } else if (!ok) {
      dst.set(key, val);
    } else if (isTable(val)) {
      if (isTable(dv)) coalesceTablesFullKey(ctx, dv, val, fullkey, merge);
      else ctx.warn(`warning: cannot overwrite table with non table for ${fullkey} (${formatValue(val)})`);
    } else if (isTable(dv) && val !== null) {
      ctx.warn(`warning: destination for ${fullkey} is a table. Ignoring non-table value (${formatValue(val)})`);
    }
  }
  return dst;
}
