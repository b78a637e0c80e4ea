/**
 * `npm run build:cli-binary` (and `npm run bench`) in a checkout installed before `bun` became a
 * devDependency: each script itself, copied into a project whose node_modules holds every package
 * of this one but Bun's, says in one line what is missing and what to run, and fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'chartroom-no-bun-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** This project's scripts and package.json, and node_modules linking every installed package except `bun` and its platform packages. */
function checkoutWithoutBun(): string {
  cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  mkdirSync(join(dir, 'node_modules', '@oven'), { recursive: true });
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'bun' || name === '@oven') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  for (const name of readdirSync(join(ROOT, 'node_modules', '@oven'))) {
    if (!name.startsWith('bun-')) symlinkSync(join(ROOT, 'node_modules', '@oven', name), join(dir, 'node_modules', '@oven', name));
  }
  return dir;
}

const cwd = checkoutWithoutBun();

// `npm run build:cli-binary`, and `npm run bench`, which builds the executable for its CLI columns.
it.each(['build-cli-binary.mjs', 'bench.mjs'])('%s names the missing bun package and `npm install` in one line, and exits non-zero', (script) => {
  const r = spawnSync(process.execPath, [join(cwd, 'scripts', script)], { cwd, encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe('build-cli-binary: the bun package is missing from node_modules (a devDependency): run npm install\n');
});
