#!/usr/bin/env node
// Starts the production server, building first when there is no build or a source is newer than it.
import { spawnSync } from 'node:child_process';
import { staleBuild } from './build-stale.mjs';

const stale = staleBuild('.') ?? (process.argv.includes('--rebuild') ? 'Rebuilding as asked.' : null);
if (stale) {
  console.log(stale);
  const b = spawnSync('npx', ['--no-install', 'next', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
await import('./serve.mjs');
