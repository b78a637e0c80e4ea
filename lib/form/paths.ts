/** Values paths: the dotted ids errors are keyed by, and plain-JSON reads. */
import { hasEntry } from './entries';

/** `['postgresql', 'external', 'host']` → `postgresql.external.host`. */
export function dottedPath(path: readonly string[]): string {
  return path.join('.');
}

/** Reads a plain-JSON value by path; array items are addressed by their index as a string. */
export function getIn(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(key)) return undefined;
      node = node[Number(key)];
    } else if (typeof node === 'object' && node !== null) {
      if (!hasEntry(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return node;
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
