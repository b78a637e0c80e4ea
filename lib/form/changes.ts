/**
 * Values the form emits for whole maps. Helm merges a user's maps into the chart's key by
 * key, so a key removed in the form is emitted as `null`, which deletes it from the defaults.
 */
import { entryOf, hasEntry, setEntry } from './entries';

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `next` with `null` for every key `previous` had (at any map depth where both are maps) that
 * `next` lacks. Lists replace as a whole in Helm, so they are left as they are.
 */
export function withRemovals(previous: unknown, next: unknown): unknown {
  if (!isMap(previous) || !isMap(next)) return next;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) setEntry(out, k, hasEntry(previous, k) ? withRemovals(entryOf(previous, k), v) : v);
  for (const k of Object.keys(previous)) if (!hasEntry(next, k)) setEntry(out, k, null);
  return out;
}

/** The value as Helm sees it after merging: `null` map entries removed, at any depth. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (!isMap(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) setEntry(out, k, withoutNulls(v));
  return out;
}
