/**
 * Which form field shows a values path. The form keys its fields by their values path (`a.b.c`,
 * a dot inside a key escaped `\.`); a map without fields of its own (labels, annotations) is one
 * field holding all its keys.
 */
import { dottedPath } from '../form';
import { pathKeys } from '../helm';
import type { ValuePath } from './plain-values';

/**
 * The ids of the form fields that could show a values path, nearest first: the path's own, then
 * each parent's. A path given as text is `.`-joined with `\.` for a dot inside a key, as findings
 * and traces write it, so `podLabels.app\.kubernetes\.io/name` falls back to `podLabels` and
 * never to a field `podLabels.app`.
 */
export function fieldIdsFor(path: ValuePath | string): string[] {
  const keys = typeof path === 'string' ? pathKeys(path) : path.map(String);
  return keys.map((_, i) => dottedPath(keys.slice(0, keys.length - i)));
}
