/**
 * `values/unused-override`: a value the user set that nothing read and that the chart does not
 * know. Helm ignores such a value silently, so a misspelt key (`replica` for `replicas`) or one
 * under the wrong parent deploys the defaults. "Read" is the render's read set
 * (lib/helm/action/values-read-set.ts): reads by any template of the chart or its subcharts,
 * through `global` too, whole subtrees where a template reads values dynamically (toYaml, range,
 * tpl over a values string), and what Helm reads itself. A setting the chart's own values.yaml
 * has (or one inside a default list or empty map) is a known setting that these values happen
 * not to use (`ml.replicas` while autoscaling decides), not a mistake. The closest path that was
 * read is offered as the likely meant one.
 */
import { isPathRead, pathKeys, type ValuesReadSet } from '../helm';
import { RULES } from './rules';
import type { Finding } from './types';

/** The user's values and what the render read, as the render worker and the CLI pass them on. */
export interface ValuesUse {
  /** Every value the user set, as values paths (values-read-set.ts's userValuePaths). */
  set: string[];
  read: ValuesReadSet;
}

/** One finding per value set and not read, in the order set. */
export function unusedOverrideFindings(use: ValuesUse): Finding[] {
  const read = { values: new Set(use.read.values), subtrees: new Set(use.read.subtrees) };
  const known = { values: new Set<string>(), subtrees: new Set(use.read.defaults) };
  const candidates = [...new Set([...use.read.values, ...use.read.subtrees])].filter((p) => p !== '');
  const findings: Finding[] = [];
  for (const path of use.set) {
    if (isPathRead(read, path) || isPathRead(known, path)) continue;
    const guess = closest(path, candidates);
    findings.push({
      id: 'values/unused-override',
      severity: RULES['values/unused-override'].severity,
      message: `${path} is set but no template reads it${guess ? `; did you mean ${guess}?` : ''}`,
      why: RULES['values/unused-override'].why,
      resource: { kind: 'Values', name: path, template: 'values.yaml' },
      valuesPath: path,
    });
  }
  return findings;
}

/**
 * The read path nearest to `path`: fewest edits over the whole path, within a bound that grows
 * with the path's last key; failing that, the one read path that is this path under a parent
 * (placed too high), or the one ending in the same key (placed under the wrong parent).
 */
export function closest(path: string, candidates: readonly string[]): string | undefined {
  const keys = pathKeys(path);
  const last = keys[keys.length - 1];
  const bound = Math.max(2, Math.floor(last.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === path) continue;
    const d = editDistance(path, c, bound);
    if (d <= bound && d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  if (best !== undefined) return best;
  // The same path one or more levels deeper (`securityAgent.x` for `datadog.securityAgent.x`).
  const deeper = candidates.filter((c) => c.endsWith(`.${path}`));
  if (deeper.length === 1) return deeper[0];
  const sameKey = candidates.filter((c) => {
    const k = pathKeys(c);
    return k[k.length - 1] === last;
  });
  return sameKey.length === 1 ? sameKey[0] : undefined;
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
