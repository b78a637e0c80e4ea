#!/usr/bin/env node
// The CLI runs the same TypeScript modules as the browser; tsx compiles them on the fly.
// Helm allows 1000 nested `include`s of one template; that depth of recursion needs more than
// V8's default stack, so the CLI re-runs itself once with a 4 MB stack (the OS gives 8 MB).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (!process.execArgv.some((a) => a.startsWith('--stack-size'))) {
  const r = spawnSync(process.execPath, ['--stack-size=4000', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../lib/cli/node-main.ts');
