#!/usr/bin/env node
// The CLI runs the same TypeScript modules as the browser. They are bundled once with esbuild into
// the ignored .cache/cli/ (rebuilt whenever a source file is newer), so a run starts in a fraction
// of a second instead of compiling TypeScript each time.
// Helm allows 1000 nested `include`s of one template; that depth of recursion needs more than
// V8's default stack, so the CLI re-runs itself once with a 4 MB stack (the OS gives 8 MB).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.cache', 'cli', 'chartroom.mjs');

if (!process.execArgv.some((a) => a.startsWith('--stack-size'))) {
  const r = spawnSync(process.execPath, ['--stack-size=4000', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(join(root, 'lib'))) {
  const { bundleForNode } = await import('../scripts/bundle-for-node.mjs');
  await bundleForNode(join(root, 'lib', 'cli', 'node-main.ts'), bundle);
}
await import(pathToFileURL(bundle).href);
