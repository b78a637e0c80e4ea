#!/usr/bin/env node
// Starts the production server, building first when there is no build or a source is newer than it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made from: a change to any of these makes it stale. */
const SOURCES = ['app', 'components', 'lib', 'charts', 'public', 'package.json', 'package-lock.json', 'next.config.mjs', 'tsconfig.json'];

/** The newest modification time under a file or folder (0 when it doesn't exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const buildId = join('.next', 'BUILD_ID');
const stale = !existsSync(buildId) || SOURCES.some((s) => newest(s) > statSync(buildId).mtimeMs);
if (stale || process.argv.includes('--rebuild')) {
  console.log(existsSync(buildId) ? 'Sources changed since the last build: rebuilding.' : 'No build yet: building.');
  const b = spawnSync('npx', ['--no-install', 'next', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
await import('./serve.mjs');
