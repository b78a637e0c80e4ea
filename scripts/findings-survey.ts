/**
 * `npx tsx scripts/findings-survey.ts DIR... [--errors]`
 *
 * Runs `chartroom lint` over real charts, the way chart repositories test them (defaults and each
 * `ci/*.yaml` values file), and prints how many findings of each rule fire, for the defaults and
 * for the ci/ values. With --errors, lists every error-level finding on the defaults, to be read
 * one by one: each must be a real problem, or the rule is wrong.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { runCli } from '../lib/cli/main';
import { loadChartFromDisk } from '../lib/cli/node-io';
import type { Finding } from '../lib/validate';
import { findCharts } from '../tests/conformance/discover';
import { prepareChart } from '../tests/conformance/vendor';

const argv = process.argv.slice(2);
const listErrors = argv.includes('--errors');
const roots = argv.filter((a) => !a.startsWith('--')).map((a) => resolve(a));
if (!roots.length) {
  console.error('usage: npx tsx scripts/findings-survey.ts DIR... [--errors]');
  process.exit(2);
}

async function lint(dir: string, valuesFile?: string): Promise<Finding[] | string> {
  let out = '';
  let err = '';
  await runCli(['lint', dir, ...(valuesFile ? ['-f', valuesFile] : []), '--format', 'json'], {
    loadChart: (ref) => loadChartFromDisk(ref),
    readFile: (p) => new Uint8Array(readFileSync(p)),
    writeFile: () => {},
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  });
  if (!out) return err.split('\n')[0];
  return (JSON.parse(out) as { findings: Finding[] }).findings;
}

const counts = { defaults: new Map<string, number>(), ci: new Map<string, number>() };
const errors: string[] = [];
let cases = 0;
let failed = 0;
const skipped: string[] = [];
// A subchart vendored in another chart's charts/ is linted as part of its parent; a repository's
// own charts/ folder is where most charts live.
function isVendoredSubchart(dir: string): boolean {
  const parent = dirname(dir);
  return basename(parent) === 'charts' && existsSync(join(dirname(parent), 'Chart.yaml'));
}

const workDir = mkdtempSync(join(tmpdir(), 'chartroom-survey-'));
for (const found of findCharts(roots)) {
  if (found.kind !== 'chart' || isVendoredSubchart(found.dir)) continue;
  const label = relative(resolve(roots[0], '..'), found.dir);
  const prepared = await prepareChart(found.dir, found.dependencies, { helmVersion: '3.17.3', workDir });
  if (!prepared.ok) {
    skipped.push(`${label}: ${prepared.cause}`);
    continue;
  }
  const ci = join(found.dir, 'ci');
  const files = existsSync(ci) ? readdirSync(ci).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(ci, f)) : [];
  for (const file of [undefined, ...files]) {
    cases++;
    const r = await lint(prepared.dir, file);
    if (typeof r === 'string') {
      failed++;
      continue;
    }
    const into = file ? counts.ci : counts.defaults;
    for (const f of r) into.set(f.id, (into.get(f.id) ?? 0) + 1);
    if (!file && listErrors) for (const f of r.filter((x) => x.severity === 'error' && x.id !== 'render/error')) errors.push(`${label}: [${f.id}] ${f.resource.kind}/${f.resource.name} ${f.path ?? ''}: ${f.message}`);
  }
}
rmSync(workDir, { recursive: true, force: true });

const rules = [...new Set([...counts.defaults.keys(), ...counts.ci.keys()])].sort();
console.log(`${cases} cases (${failed} did not render), ${skipped.length} charts skipped\n`);
console.log('| rule | defaults | ci/ values |\n| --- | ---: | ---: |');
for (const r of rules) console.log(`| ${r} | ${counts.defaults.get(r) ?? 0} | ${counts.ci.get(r) ?? 0} |`);
if (listErrors) console.log(`\nError-level findings on defaults (${errors.length}):\n${errors.map((e) => `- ${e}`).join('\n')}`);
if (skipped.length) console.error(`\nskipped:\n${skipped.map((s) => `  ${s}`).join('\n')}`);
