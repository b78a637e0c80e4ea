// Whether the production build in `.next` is older than what it is made from: after a `git pull`
// or an edit, `npm start` must rebuild rather than serve the old app.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made from: a change to any of these makes it stale. */
export const BUILD_SOURCES = ['app', 'components', 'lib', 'charts', 'public', 'proxy.ts', 'package.json', 'package-lock.json', 'next.config.mjs', 'tsconfig.json'];

/** The newest modification time under a file or folder (0 when it doesn't exist); a folder's own time counts, so a deleted file does too. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

/** Why the build under `root` must be made again (no build, or the first source newer than it), or null when it is current. */
export function staleBuild(root) {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'No build yet: building.';
  const built = statSync(buildId).mtimeMs;
  const changed = BUILD_SOURCES.find((s) => newest(join(root, s)) > built);
  return changed ? `${changed} changed since the last build: rebuilding.` : null;
}
