#!/usr/bin/env node
// Starts the production server, building first when there is no build or it is older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('.next/BUILD_ID') || process.argv.includes('--rebuild')) {
  const b = spawnSync('npx', ['--no-install', 'next', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const port = process.env.PORT ?? '3000';
const s = spawnSync('npx', ['--no-install', 'next', 'start', '-p', port], { stdio: 'inherit' });
process.exit(s.status ?? 0);
