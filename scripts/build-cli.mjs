// Builds what bin/chartroom.cjs runs: lib/cli/node-main.ts and everything it imports, npm packages
// included, as one CommonJS file in the ignored .cache/cli/ (one file to read and compile, no
// module resolution at start-up). Run by `npm run build`, on `npm install` (prepare) and before the
// test suites; bin/chartroom.cjs builds it only when it is missing, or when CHARTROOM_DEV=1 and a
// source file is newer.
//
// Run as a script, it then renders a bundled chart once through the CLI, which leaves V8's code
// cache for the bundle beside it (the compiled functions of a render, so later runs skip that work).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { deferredPackages } from './deferred-packages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(root, '.cache', 'cli', 'chartroom.cjs');
/** V8's code cache for CLI_BUNDLE, written by bin/chartroom.cjs when it is missing or rejected. */
export const CLI_CODE_CACHE = `${CLI_BUNDLE}.v8-cache`;

/** What every build of the CLI shares (this bundle, and the standalone executable's modules). */
export const CLI_BUILD_OPTIONS = {
  entryPoints: [join(root, 'lib', 'cli', 'node-main.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [deferredPackages()],
  logLevel: 'error',
};

/** Bundles the CLI; the old code cache goes with the old bundle (V8 checks its length, not its text). */
export async function buildCli() {
  rmSync(CLI_CODE_CACHE, { force: true });
  await build({
    ...CLI_BUILD_OPTIONS,
    outfile: CLI_BUNDLE,
    format: 'cjs',
    // node-io finds the bundled charts from its own location.
    define: { 'import.meta.url': '__chartroomModuleUrl' },
    banner: { js: 'const __chartroomModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
}

/** Whether a TypeScript source under lib/ is newer than the bundle (development only: it walks lib/). */
export function cliIsStale() {
  let built;
  try {
    built = statSync(CLI_BUNDLE).mtimeMs;
  } catch {
    return true;
  }
  const newer = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return newer(p);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && statSync(p).mtimeMs > built;
    });
  return newer(join(root, 'lib'));
}

/** Renders a copy of the aeterna chart (its remote dependencies left out) so the code cache holds a render. */
function seedCodeCache() {
  const dir = join(mkdtempSync(join(tmpdir(), 'chartroom-cli-seed-')), 'aeterna');
  try {
    cpSync(join(root, 'charts', 'aeterna'), dir, { recursive: true });
    const chart = parseDocument(readFileSync(join(dir, 'Chart.yaml'), 'utf8'));
    chart.delete('dependencies');
    writeFileSync(join(dir, 'Chart.yaml'), chart.toString());
    rmSync(join(dir, 'Chart.lock'), { force: true });
    const r = spawnSync(process.execPath, [join(root, 'bin', 'chartroom.cjs'), 'template', 'seed', dir], { encoding: 'utf8' });
    if (r.status !== 0) console.warn(`build-cli: the code cache was not seeded (the CLI writes it on its first run): ${r.stderr.trim()}`);
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
  seedCodeCache();
}
