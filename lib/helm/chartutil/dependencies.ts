/**
 * chartutil.ProcessDependenciesWithMerge: decides which subcharts are enabled
 * (tags, then conditions; aliases become copies of the chart), then imports child values into
 * parents (`import-values`). It changes the chart in place, as Helm does: the dependency list,
 * Chart.yaml's dependency entries (names become aliases, import-values are normalised) and each
 * parent's default values (now including its subcharts' merged values).
 */
import { withType, type GoMap, type GoValue } from '../../go';
import { isCompatibleRange } from './compatible';
import { chartName, copyChartWithMetadata, setDependencies, type Chart, type Dependency } from '../chart/chart';
import { coalesceTables, coalesceValues, mergeTables, mergeValues, type Warn } from './coalesce';
import type { HelmVersion } from '../version';
import { deepCopy, ErrNoValue, pathValue, table, tableOrMissingKey } from './values';

const noop: Warn = () => {};

function processDependencyConditions(reqs: Dependency[], cvals: GoMap, cpath: string, warn: Warn): void {
  for (const r of reqs) {
    for (const c of r.condition.trim().split(',')) {
      if (c.length === 0) continue;
      let vv: GoValue;
      try {
        vv = pathValue(cvals, cpath + c);
      } catch (e) {
        if (!(e instanceof ErrNoValue)) warn(`Warning: PathValue returned error ${(e as Error).message}`);
        continue;
      }
      if (typeof vv === 'boolean') {
        r.enabled = vv;
        break;
      }
      warn(`Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`);
    }
  }
}

function processDependencyTags(reqs: Dependency[], cvals: GoMap, warn: Warn): void {
  const vt = tableOrMissingKey(cvals, 'tags');
  if (typeof vt === 'string') return;
  for (const r of reqs) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags ?? []) {
      if (!vt.has(k)) continue;
      const b = vt.get(k);
      if (typeof b === 'boolean') {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else {
        warn(`Warning: Tag '${k}' for chart ${r.name} returned non-bool value`);
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) r.enabled = true;
  }
}

function getAliasDependency(charts: Chart[], dep: Dependency, helmVersion: HelmVersion | undefined): Chart | undefined {
  for (const c of charts) {
    if (chartName(c) !== dep.name) continue;
    if (!isCompatibleRange(dep.version, c.metadata.version, helmVersion)) continue;
    const out = copyChartWithMetadata(c);
    if (dep.alias !== '') out.metadata.name = dep.alias;
    return out;
  }
  return undefined;
}

function processDependencyEnabled(c: Chart, v: GoMap, path: string, warn: Warn, helmVersion: HelmVersion | undefined): void {
  if (c.metadata.dependencies === undefined) return;
  const reqs = c.metadata.dependencies;
  const chartDependencies: Chart[] = [];
  // Subcharts that Chart.yaml does not list are kept as they are.
  for (const existing of c.dependencies) {
    const listed = reqs.some((req) => req !== null && chartName(existing) === req.name && isCompatibleRange(req.version, existing.metadata.version, helmVersion));
    if (!listed) chartDependencies.push(existing);
  }
  const original = [...c.dependencies];
  for (const req of reqs) {
    if (req === null) continue;
    const dep = getAliasDependency(original, req, helmVersion);
    if (dep) chartDependencies.push(dep);
    if (req.alias !== '') req.name = req.alias;
  }
  setDependencies(c, ...chartDependencies);

  const live = reqs.filter((r): r is Dependency => r !== null);
  for (const r of live) r.enabled = true;
  const cvals = coalesceValues(c, v, warn, helmVersion);
  processDependencyTags(live, cvals, warn);
  processDependencyConditions(live, cvals, path, warn);

  const rm = new Set(live.filter((r) => !r.enabled).map((r) => r.name));
  const cd = c.dependencies.filter((n) => !rm.has(n.metadata.name));
  const cdMetadata = reqs.filter((n) => n === null || !rm.has(n.name));
  for (const t of cd) processDependencyEnabled(t, cvals, `${path}${t.metadata.name}.`, warn, helmVersion);
  // append(nil, empty...) is nil in Go: with every dependency disabled the list becomes nil.
  c.metadata.dependencies = cdMetadata.length ? cdMetadata : undefined;
  setDependencies(c, ...cd);
}

function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  const parts = path.split('.');
  let cur: GoMap = data;
  for (let i = parts.length - 1; i >= 0; i--) cur = new Map([[parts[i], cur]]);
  return cur;
}

function importPair(child: string, parent: string): GoMap {
  return withType(
    new Map<string, GoValue>([
      ['child', child],
      ['parent', parent],
    ]),
    { name: 'map[string]string' },
  );
}

function processImportValues(c: Chart, merge: boolean, warn: Warn, helmVersion: HelmVersion | undefined): void {
  if (c.metadata.dependencies === undefined) return;
  const cvals = merge ? mergeValues(c, null, warn, helmVersion) : coalesceValues(c, null, warn, helmVersion);
  let b: GoMap = new Map();
  const combine = (src: GoMap): void => {
    b = (merge ? mergeTables(b, src, warn, helmVersion) : coalesceTables(b, src, warn, helmVersion))!;
  };
  for (const r of c.metadata.dependencies) {
    if (r === null) continue;
    let outiv: GoValue[] | undefined;
    for (const riv of r.importValues ?? []) {
      if (riv instanceof Map) {
        const child = riv.get('child');
        const parent = riv.get('parent');
        if (typeof child !== 'string' || typeof parent !== 'string') {
          throw new Error(`interface conversion: interface {} is ${child === undefined || parent === undefined ? 'nil' : 'not string'}, not string`);
        }
        (outiv ??= []).push(importPair(child, parent));
        let vv: GoMap;
        try {
          vv = table(cvals, `${r.name}.${child}`);
        } catch (e) {
          warn(`Warning: ImportValues missing table from chart ${r.name}: ${(e as Error).message}`);
          continue;
        }
        combine(pathToMap(parent, vv));
      } else if (typeof riv === 'string') {
        const child = `exports.${riv}`;
        (outiv ??= []).push(importPair(child, '.'));
        let vm: GoMap;
        try {
          vm = table(cvals, `${r.name}.${child}`);
        } catch (e) {
          warn(`Warning: ImportValues missing table: ${(e as Error).message}`);
          continue;
        }
        combine(vm);
      }
    }
    r.importValues = outiv;
  }
  // Imported values rank below the parent's own: b goes under cvals.
  if (merge) c.values = mergeTables(deepCopy(cvals), b, warn, helmVersion)!;
  else c.values = coalesceTables(trimNilValues(cvals), b, warn, helmVersion)!;
}

function trimNilValues(vals: GoMap): GoMap {
  const copy = deepCopy(vals);
  for (const [k, v] of [...copy]) {
    if (v === null) copy.delete(k);
    else if (v instanceof Map) copy.set(k, trimNilValues(v));
  }
  return copy;
}

function processDependencyImportValues(c: Chart, merge: boolean, warn: Warn, helmVersion: HelmVersion | undefined): void {
  for (const d of c.dependencies) processDependencyImportValues(d, merge, warn, helmVersion);
  processImportValues(c, merge, warn, helmVersion);
}

/** chartutil.ProcessDependencies (coalescing: nulls are dropped during imports). */
export function processDependencies(c: Chart, vals: GoMap, warn: Warn = noop, helmVersion?: HelmVersion): void {
  processDependencyEnabled(c, vals, '', warn, helmVersion);
  processDependencyImportValues(c, false, warn, helmVersion);
}

/**
 * chartutil.ProcessDependenciesWithMerge, what `helm template`/`install` run before rendering:
 * enabled/disabled subcharts from tags and conditions against `vals`, then import-values.
 * Mutates `c`. @throws Error when a subchart's values key is not a map
 */
export function processDependenciesWithMerge(c: Chart, vals: GoMap, warn: Warn = noop, helmVersion?: HelmVersion): void {
  processDependencyEnabled(c, vals, '', warn, helmVersion);
  processDependencyImportValues(c, true, warn, helmVersion);
}
