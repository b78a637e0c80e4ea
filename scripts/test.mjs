#!/usr/bin/env node
// The one command that runs every test on a fresh machine: it fetches the reference helm,
// type-checks, runs the unit and differential suites, then the browser tests against a
// production build (installing Debian's chromium when it is missing).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const onlyE2e = process.argv.includes('--only-e2e');
const results = [];

function step(name, cmd, args, opts = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  results.push({ name, ok: r.status === 0 });
  return r.status === 0;
}

/** Installs a Debian package when `binary` is missing (root, or through sudo). */
function ensureDebianPackage(binary, pkg) {
  if (existsSync(binary)) return true;
  console.log(`${binary} is missing: installing Debian's ${pkg} package`);
  const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
  const run = (args) => spawnSync(sudo.length ? 'sudo' : args[0], sudo.length ? args : args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;
  return run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', pkg]) && existsSync(binary);
}

const ensureChromium = () => ensureDebianPackage('/usr/bin/chromium', 'chromium');

step('reference helms', process.execPath, ['scripts/fetch-helm.mjs', '--all']);
// The OCI registry the repository tests (and the browser tests) push charts to.
if (!ensureDebianPackage('/usr/bin/docker-registry', 'docker-registry')) results.push({ name: 'docker-registry could not be installed', ok: false });
// The certificates of the chart material route's TLS test.
if (!ensureDebianPackage('/usr/bin/openssl', 'openssl')) results.push({ name: 'openssl could not be installed', ok: false });
// GNU time: the chart-bomb suite reads each CLI process's peak memory from it (Node's or the executable's alike).
if (!ensureDebianPackage('/usr/bin/time', 'time')) results.push({ name: 'time could not be installed', ok: false });
if (!onlyE2e) {
  step('typecheck', 'npx', ['--no-install', 'tsc', '--noEmit']);
  step('import rules', 'npx', ['--no-install', 'depcruise', 'lib', 'components', 'app', '--config', '.dependency-cruiser.cjs']);
  // The CLI's differential suites run it on Node and as this executable.
  step('standalone CLI executable', process.execPath, ['scripts/build-cli-binary.mjs']);
  step('unit and differential tests', 'npx', ['--no-install', 'vitest', 'run']);
}
const hasE2e = existsSync('e2e') && readdirSync('e2e').some((f) => f.endsWith('.spec.ts'));
if (hasE2e) {
  if (ensureChromium()) {
    step('production build', 'npx', ['--no-install', 'next', 'build']);
    step('browser tests', 'npx', ['--no-install', 'playwright', 'test']);
  } else {
    results.push({ name: 'browser tests (chromium could not be installed)', ok: false });
  }
}

const failed = results.filter((r) => !r.ok);
console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
console.log(`steps: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
