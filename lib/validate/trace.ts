/**
 * Tracing a finding back to the values that produced it: an exact match of the offending value
 * among the values' leaves, or the settings next to the component whose image the container runs.
 * Heuristic by nature: it names a values path only when the match is unambiguous.
 */
import { joinPath, pathKeys, pathOf } from '../helm';
import type { Draft } from './context';
import { valueAt } from './path';
import { asStr } from './workloads';

interface Leaf {
  /** Values path, keys escaped as everywhere in chartroom (`images.registry\.example\.com/app`). */
  path: string;
  key: string;
  value: unknown;
}

/** Values flattened for lookups; built once per validation. */
export interface ValuesIndex {
  leaves: Leaf[];
  /** Every map's path (values root is ''). */
  maps: Map<string, Map<string, unknown>>;
}

/** A path and a path below it written in path syntax (a rule's `image.tag`), as one path. */
const below = (p: string, sub: string) => (p ? `${p}.${sub}` : sub);

function entries(v: unknown): [string, unknown][] | undefined {
  if (v instanceof Map) return [...v].map(([k, x]) => [String(k), x]);
  if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v);
  return undefined;
}

/** Indexes a values tree (a plain object or the engine's Map-based values). */
export function indexValues(values: unknown): ValuesIndex {
  const index: ValuesIndex = { leaves: [], maps: new Map() };
  const walk = (v: unknown, path: string, key: string, depth: number) => {
    // The engine's values hold integers as Go ints ({v: bigint}); findings see plain numbers.
    if (v && typeof v === 'object' && typeof (v as { v?: unknown }).v === 'bigint') v = Number((v as { v: bigint }).v);
    const e = entries(v);
    if (e) {
      if (depth > 12) return;
      index.maps.set(path, new Map(e));
      for (const [k, x] of e) walk(x, joinPath(path, k), k, depth + 1);
    } else if (!Array.isArray(v)) index.leaves.push({ path, key, value: v });
  };
  walk(values, '', '', 0);
  return index;
}

const parentOf = (p: string) => pathOf(pathKeys(p).slice(0, -1));

/** Whether the keys of `path` end with those of `tail` (`web.image.tag` ends with `image.tag`, `a\.tag` does not end with `tag`). */
function endsWithKeys(path: string, tail: string): boolean {
  if (path !== tail && !path.endsWith(`.${tail}`)) return false;
  const keys = pathKeys(path);
  const want = pathKeys(tail);
  return keys.length >= want.length && want.every((k, i) => keys[keys.length - want.length + i] === k);
}

/** The values path behind a draft finding, if one can be named. */
export function traceValuesPath(d: Draft, index: ValuesIndex): string | undefined {
  if (d.path) {
    const v = valueAt(d.doc.object, d.path);
    if ((typeof v === 'string' && v.length >= 2) || typeof v === 'number') {
      const hits = index.leaves.filter((l) => l.value === v);
      if (hits.length === 1) return hits[0].path;
    }
  }
  const component = d.trace?.container ? componentOf(asStr(d.trace.container.image) ?? '', index) : undefined;
  for (const key of d.trace?.keys ?? []) {
    if (component !== undefined) {
      const p = below(component, key);
      if (has(index, p)) return p;
      const img = below(component, `image.${key}`);
      if (has(index, img)) return img;
    } else if (!d.trace?.container) {
      const hits = [...index.maps.keys(), ...index.leaves.map((l) => l.path)].filter((p) => endsWithKeys(p, key));
      if (hits.length === 1) return hits[0];
    }
  }
  return undefined;
}

function has(index: ValuesIndex, path: string): boolean {
  return index.maps.has(path) || index.leaves.some((l) => l.path === path);
}

/** The values map configuring the component that runs `image` (its `image.repository` matches). */
function componentOf(image: string, index: ValuesIndex): string | undefined {
  if (!image) return undefined;
  const repo = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const hits = index.leaves.filter((l) => typeof l.value === 'string' && l.value.length >= 3 && (l.key === 'repository' || l.key === 'image') && (repo === l.value || repo.endsWith(`/${l.value}`)));
  if (hits.length !== 1) return undefined;
  const h = hits[0];
  const parent = parentOf(h.path);
  return h.key === 'repository' && parent.endsWith('image') ? parentOf(parent) : parent;
}
