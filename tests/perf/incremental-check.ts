/**
 * Replays a sequence of values edits on a chart twice, rendering after each edit incrementally
 * (as the page does) and in full, and reports where the two differ. Random functions and the
 * clock are pinned by one session seed for both, as the page pins them.
 */
import type { GoMap, GoValue } from '../../lib/go/value';
import { templateChart, type Chart } from '../../lib/helm';
import { StableSession } from '../../lib/helm/engine/stable-session';
import { edited, leafAt, scalarLeaves, withLeaf, type LeafPath } from './leaf-edits';

/** One edit: a leaf typed into, put back, removed (a null override), or a key added beside it. */
export interface Edit {
  leaf: number;
  op: 'type' | 'restore' | 'remove' | 'add';
  step: number;
}

export interface CheckResult {
  renders: number;
  /** Each difference: the edit sequence so far and the first differing line. */
  differences: string[];
}

function outcome(chart: Chart, values: GoMap, incremental: boolean): string {
  const session = new StableSession('incremental-check', Date.UTC(2026, 0, 1));
  try {
    return session.render((observer) => templateChart(chart, { values, observer, incremental }).output);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const i = x.findIndex((line, k) => line !== y[k]);
  const at = i < 0 ? Math.min(x.length, y.length) : i;
  return `line ${at + 1}: full ${JSON.stringify(x[at])} / incremental ${JSON.stringify(y[at])}`;
}

/** Applies `edits` to `base` one by one; after each, the incremental render must equal the full one. */
export function checkIncremental(chart: Chart, base: GoMap, edits: readonly Edit[]): CheckResult {
  const leaves: LeafPath[] = scalarLeaves(chart.values);
  const differences: string[] = [];
  let state = base;
  const done: string[] = [];
  const compare = (): void => {
    const full = outcome(chart, state, false);
    const inc = outcome(chart, state, true);
    if (full !== inc) differences.push(`after [${done.join(', ')}]: ${firstDifference(full, inc)}`);
  };
  compare();
  for (const e of edits) {
    if (leaves.length === 0) break;
    const path = leaves[e.leaf % leaves.length];
    const from: GoValue = leafAt(base, path) ?? leafAt(chart.values, path);
    if (e.op === 'type') state = withLeaf(state, path, edited(from, e.step));
    else if (e.op === 'restore') state = withLeaf(state, path, from);
    else if (e.op === 'remove') state = withLeaf(state, path, null);
    else state = withLeaf(state, [...path.slice(0, -1), `added${e.step}`], `v${e.step}`);
    done.push(`${e.op} ${path.join('.')}`);
    compare();
  }
  return { renders: edits.length + 1, differences };
}
