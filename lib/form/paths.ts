/**
 * Values paths, the one module the page's layers share for them: a path is map keys and list
 * indexes; the form keys its fields by their dotted id (a dot in a key escaped); messages show it as `a.b[0]["c d"]`.
 */
import { pathOf } from '../helm';
import { hasEntry } from './entries';

/** A path into values: map keys and list indexes. */
export type ValuePath = readonly (string | number)[];

/**
 * `['postgresql', 'external', 'host']` → `postgresql.external.host`; a dot in a key is escaped
 * (`podAnnotations.prometheus\.io/scrape`), as in values paths everywhere else, so an id names
 * one path and `pathKeys` gives its keys back.
 */
export function dottedPath(path: readonly string[]): string {
  return pathOf(path);
}

/**
 * Reads a plain-JSON value by path, or undefined where the path leaves the values. List items
 * are addressed by index, as a number or (as the form's field ids hold them) a digit string;
 * map keys only by the map's own entries, so `__proto__` or `constructor` never reach a prototype.
 */
export function getIn(value: unknown, path: ValuePath): unknown {
  let node = value;
  for (const key of path) {
    if (Array.isArray(node)) {
      if (typeof key === 'string' && !/^(0|[1-9][0-9]*)$/.test(key)) return undefined;
      node = node[Number(key)];
    } else if (typeof node === 'object' && node !== null) {
      if (typeof key !== 'string' || !hasEntry(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return node;
}

/** A path as messages show it: `a.b[0]["c d"]`. */
export function formatPath(path: ValuePath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(p)) out += out === '' ? p : `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** Structural equality of plain JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  const br = b as Record<string, unknown>;
  return ak.every((k) => Object.prototype.hasOwnProperty.call(br, k) && jsonEqual((a as Record<string, unknown>)[k], br[k]));
}

/** JSON Pointer (`/a/b~1c/0`) → path segments. */
export function pointerToPath(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
