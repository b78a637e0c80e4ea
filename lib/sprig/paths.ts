/**
 * Go's `path` functions (base, dir, clean, ext, isAbs) and their `path/filepath` twins
 * (osBase, ...). Helm's reference runs on Linux, where filepath uses '/' and behaves like path.
 */
import { defineFunc, type FuncMap } from '../go';

/** Go's path.Clean: the shortest equivalent path by purely lexical processing. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const n = p.length;
  let out = rooted ? '/' : '';
  let r = rooted ? 1 : 0;
  let dotdot = rooted ? 1 : 0;
  while (r < n) {
    if (p[r] === '/') r++;
    else if (p[r] === '.' && (r + 1 === n || p[r + 1] === '/')) r++;
    else if (p[r] === '.' && p[r + 1] === '.' && (r + 2 === n || p[r + 2] === '/')) {
      r += 2;
      if (out.length > dotdot) {
        let w = out.length - 1;
        while (w > dotdot && out[w] !== '/') w--;
        out = out.slice(0, w);
      } else if (!rooted) {
        if (out.length > 0) out += '/';
        out += '..';
        dotdot = out.length;
      }
    } else {
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out += '/';
      for (; r < n && p[r] !== '/'; r++) out += p[r];
    }
  }
  return out === '' ? '.' : out;
}

/** Go's path.Base: the last element, ignoring trailing slashes. */
export function basePath(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  const i = p.lastIndexOf('/');
  if (i >= 0) p = p.slice(i + 1);
  return p === '' ? '/' : p;
}

/** Go's path.Dir: everything but the last element, cleaned. */
export function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

/** Go's path.Ext: the suffix from the last dot in the last element. */
export function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

const isAbs = (p: string): boolean => p.startsWith('/');

export const pathFuncs: FuncMap = {
  base: defineFunc('base', ['string'], basePath),
  dir: defineFunc('dir', ['string'], dirPath),
  clean: defineFunc('clean', ['string'], cleanPath),
  ext: defineFunc('ext', ['string'], extPath),
  isAbs: defineFunc('isAbs', ['string'], isAbs),
  osBase: defineFunc('osBase', ['string'], basePath),
  osClean: defineFunc('osClean', ['string'], cleanPath),
  osDir: defineFunc('osDir', ['string'], dirPath),
  osExt: defineFunc('osExt', ['string'], extPath),
  osIsAbs: defineFunc('osIsAbs', ['string'], isAbs),
};
