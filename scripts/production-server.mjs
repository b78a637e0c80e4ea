// The production server (scripts/serve.mjs, as `npm start` runs it) on the build in `.next`, on a
// free port, for scripts that measure the production app.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port nothing listens on now. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/**
 * The server for `--url` when given (left running), else scripts/serve.mjs started here: its base URL
 * once it answers, and how to stop it.
 */
export async function productionServer(given) {
  if (given) return { base: given.replace(/\/$/, ''), stop: () => undefined };
  if (!existsSync(join('.next', 'BUILD_ID'))) {
    console.error('No production build: run `npx next build` first.');
    process.exit(2);
  }
  const port = await freePort();
  const child = spawn(process.execPath, [join('scripts', 'serve.mjs')], { stdio: ['ignore', 'ignore', 'inherit'], detached: true, env: { ...process.env, PORT: String(port) } });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      await fetch(base, { method: 'HEAD' });
      return { base, stop: () => process.kill(-child.pid, 'SIGTERM') };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  process.kill(-child.pid, 'SIGTERM');
  throw new Error(`the server did not answer on ${base} within 60 s`);
}

/** Takes `--url URL` out of `args` (mutated), if there. */
export function takeUrlArg(args) {
  const at = args.indexOf('--url');
  return at >= 0 ? args.splice(at, 2)[1] : null;
}
