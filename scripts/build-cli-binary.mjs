// Builds `dist/chartroom`, the CLI as one standalone executable for CI pipelines: Bun's runtime
// (the `bun` devDependency, installed from the npm registry like any package) with the CLI's modules
// (the sources and esbuild settings of scripts/build-cli.mjs) compiled to JavaScriptCore bytecode,
// and the bundled charts embedded. It needs no Node and no checkout where it runs: copy the one
// file. bin/chartroom.cjs on Node stays the CLI of an npm install; both run the same sources.
//
// Why Bun: Node 20 spends about as long starting (`node -e 0`) as helm spends on a whole render of a
// bundled chart; this executable starts in a few milliseconds and loads no source text.
//
// Run as a script (`npm run build:cli-binary`) it builds unless dist/ already holds the executable of
// exactly these inputs (modules, charts, Bun release, flags), so the test setup can call it every time.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_BUILD_OPTIONS } from './build-cli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BINARY = join(root, 'dist', process.platform === 'win32' ? 'chartroom.exe' : 'chartroom');
/** What the executable was built from (a hash), beside it: an unchanged input is not built again. */
const STAMP = `${CLI_BINARY}.inputs`;
/** The inputs Bun's compiler reads, kept out of dist/. */
const WORK = join(root, '.cache', 'cli-binary');

/**
 * Bun's compile flags. `--bytecode`: the modules ship compiled, nothing is parsed at start-up.
 * `--compile-jit-policy=100`: JavaScriptCore's optimising tiers start 100 times later. A run
 * renders one chart and exits; with the default thresholds it spends most of its CPU compiling,
 * on background threads, code it exits before using (aeterna: about 0.25 s of CPU against 0.13 s).
 * Large charts, whose code stays hot, still tier up. `.env` and bunfig.toml in the working folder
 * are Bun's business, not a chart renderer's: a pipeline's .env must not change a render.
 */
const BUN_FLAGS = ['--compile', '--bytecode', '--minify', '--format=esm', '--splitting', '--compile-jit-policy=100', '--no-compile-autoload-dotenv', '--no-compile-autoload-bunfig'];

/**
 * The CLI as ES modules split at each dynamic import (esbuild's `splitting`; Bun's `--splitting`
 * keeps the chunks apart in the executable): what a render never runs (lint and its Kubernetes
 * schemas, the archive, share-link and GitOps commands with zod, the yaml package and zip code) is
 * loaded only by the command that asks for it. JavaScriptCore decodes every function of a program
 * when it loads it: in one file with the rest, that code cost a template run of aeterna about 4% of
 * its instructions (callgrind).
 */
async function cliModules(outdir) {
  const r = await build({ ...CLI_BUILD_OPTIONS, outdir, format: 'esm', splitting: true, write: false });
  return r.outputFiles.map((f) => ({ path: f.path, contents: f.contents })).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** A build that cannot start on this checkout: the script says so in one line, without a stack trace. */
class SetupError extends Error {}

/** Bun's executable: the npm package's own (its install script links the platform's binary), else the platform package directly. */
function bunExecutable() {
  const require = createRequire(join(root, 'package.json'));
  let version;
  try {
    version = JSON.parse(readFileSync(require.resolve('bun/package.json'), 'utf8')).version;
  } catch (e) {
    if (e?.code !== 'MODULE_NOT_FOUND') throw e;
    // A checkout installed before `bun` became a devDependency.
    throw new SetupError('build-cli-binary: the bun package is missing from node_modules (a devDependency): run npm install');
  }
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch;
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = process.platform === 'win32' ? 'bun.exe' : 'bun';
  const candidates = [join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe')];
  for (const suffix of ['', '-baseline', '-musl', '-musl-baseline']) {
    try {
      candidates.push(join(dirname(require.resolve(`@oven/bun-${os}-${arch}${suffix}/package.json`)), 'bin', exe));
    } catch {
      // Not installed for this machine.
    }
  }
  for (const bin of candidates) {
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() === version) return { bin, version };
  }
  throw new SetupError(`build-cli-binary: no runnable Bun ${version} under node_modules (tried ${candidates.join(', ')}): run npm install`);
}

/** Every file of every bundled chart, by chart name and path in the chart, in base64 (charts may hold any bytes). */
function embeddedCharts() {
  const charts = {};
  const chartsDir = join(root, 'charts');
  for (const name of readdirSync(chartsDir).sort()) {
    const dir = join(chartsDir, name);
    if (!existsSync(join(dir, 'Chart.yaml'))) continue;
    const files = {};
    const walk = (d) => {
      for (const entry of readdirSync(d).sort()) {
        const p = join(d, entry);
        if (statSync(p).isDirectory()) walk(p);
        else files[relative(dir, p).split(sep).join('/')] = readFileSync(p).toString('base64');
      }
    };
    walk(dir);
    charts[name] = files;
  }
  return charts;
}

/** Builds the executable from the sources unless it is current, and returns its path. */
export async function buildCliBinary({ log = console.log } = {}) {
  const bun = bunExecutable();
  // Each build its own folder: test suites in parallel processes may build at once.
  const work = join(WORK, String(process.pid));
  const entry = join(work, 'entry.mjs');
  const charts = join(work, 'charts.json');
  const modules = await cliModules(join(work, 'cli'));
  const chartsText = JSON.stringify(embeddedCharts());
  // The CLI's exports: main (lib/cli/node-main.ts), useEmbeddedCharts (lib/cli/node-io.ts) and useNativeDigests (lib/sprig/crypto.ts).
  const entryText = [
    `import { createHash } from 'node:crypto';`,
    `import { main, useEmbeddedCharts, useNativeDigests } from './cli/node-main.js';`,
    `import charts from './charts.json';`,
    `useEmbeddedCharts(charts);`,
    `useNativeDigests((name, bytes) => createHash(name).update(bytes).digest('hex'));`,
    `process.exitCode = await main(process.argv.slice(2), process.argv[1]);`,
    '',
  ].join('\n');
  const hash = createHash('sha256');
  for (const m of modules) hash.update(relative(work, m.path)).update(m.contents);
  const inputs = hash.update(chartsText).update(entryText).update(bun.version).update(BUN_FLAGS.join(' ')).digest('hex');
  if (existsSync(CLI_BINARY) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputs) return CLI_BINARY;

  mkdirSync(dirname(CLI_BINARY), { recursive: true });
  // Built beside the target and renamed: a half-written executable is never at CLI_BINARY.
  const partial = `${CLI_BINARY}.${process.pid}.partial`;
  try {
    for (const m of modules) {
      mkdirSync(dirname(m.path), { recursive: true });
      writeFileSync(m.path, m.contents);
    }
    writeFileSync(charts, chartsText);
    writeFileSync(entry, entryText);
    const r = spawnSync(bun.bin, ['build', ...BUN_FLAGS, entry, '--outfile', partial], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build-cli-binary: bun build failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    rmSync(STAMP, { force: true });
    renameSync(partial, CLI_BINARY);
    writeFileSync(STAMP, inputs);
  } finally {
    rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
  log(`build-cli-binary: ${relative(root, CLI_BINARY)} (Bun ${bun.version}, ${(statSync(CLI_BINARY).size / 2 ** 20).toFixed(0)} MB)`);
  return CLI_BINARY;
}

/** {@link buildCliBinary} for a script (this one, the bench): a build that cannot start says why in one line and exits 1. */
export async function buildCliBinaryOrExit(opts) {
  try {
    return await buildCliBinary(opts);
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCliBinaryOrExit();
