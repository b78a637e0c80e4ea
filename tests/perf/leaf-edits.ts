/**
 * One-leaf edits of a chart's values, the way a person types: one scalar of values.yaml changes,
 * everything else stays. The bench times a re-render after each such edit, and the incremental
 * render's property test replays random sequences of them.
 */
import { GoInt, type GoMap, type GoValue } from '../../lib/go/value';

/** Where a scalar sits in nested values maps (lists are left alone: an override replaces a whole list). */
export type LeafPath = readonly string[];

/** Every scalar (string, number, boolean) reachable through maps, in document order. */
export function scalarLeaves(values: GoMap, prefix: string[] = [], out: LeafPath[] = []): LeafPath[] {
  for (const [k, v] of values) {
    if (v instanceof Map) scalarLeaves(v, [...prefix, k], out);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof GoInt) out.push([...prefix, k]);
  }
  return out;
}

/** Up to `n` leaves spread evenly over the list (first and last included), so no one section decides. */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]);
}

export function leafAt(values: GoMap, path: LeafPath): GoValue {
  let v: GoValue = values;
  for (const k of path) v = v instanceof Map ? v.get(k) : undefined;
  return v;
}

/** The value a keystroke makes of a leaf: one more character, the next number, the other boolean. */
export function edited(v: GoValue, step = 1): GoValue {
  if (typeof v === 'string') return `${v}${'x'.repeat(step)}`;
  if (typeof v === 'number') return v + step;
  if (typeof v === 'boolean') return step % 2 === 1 ? !v : v;
  if (v instanceof GoInt) return new GoInt(v.v + BigInt(step), v.kind, v.typeName);
  return v;
}

/** `values` with the leaf at `path` set to `value`: a copy of each map on the way, the rest shared. */
export function withLeaf(values: GoMap, path: LeafPath, value: GoValue): GoMap {
  const [head, ...rest] = path;
  const out: GoMap = new Map(values);
  if (rest.length === 0) out.set(head, value);
  else {
    const child = values.get(head);
    out.set(head, withLeaf(child instanceof Map ? child : new Map(), rest, value));
  }
  return out;
}
