/**
 * Values paths as `--set` writes them: keys joined by `.`, a `.` or `\` inside a key escaped
 * with `\` (`podAnnotations.prometheus\.io/scrape`). Every values path chartroom shows or
 * keeps (read-sets, form fields, findings, schema problems) is written this way.
 */

/** A values key as a path segment: `.` and `\` escaped as `--set` expects them. */
export function escapeKey(key: string): string {
  return key.includes('.') || key.includes('\\') ? key.replace(/[\\.]/g, (c) => `\\${c}`) : key;
}

/** The keys of a path made by {@link escapeKey} and `.` joins. */
export function pathKeys(path: string): string[] {
  if (path === '') return [];
  const keys: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && i + 1 < path.length) cur += path[++i];
    else if (c === '.') {
      keys.push(cur);
      cur = '';
    } else cur += c;
  }
  keys.push(cur);
  return keys;
}

export function joinPath(parent: string, key: string): string {
  return parent === '' ? escapeKey(key) : `${parent}.${escapeKey(key)}`;
}

/** The path of `keys` (under `parent`, a path itself). */
export function pathOf(keys: readonly string[], parent = ''): string {
  let path = parent;
  for (const key of keys) path = joinPath(path, key);
  return path;
}
