/**
 * `npm run compare -- CHART [helm template flags...]`: renders any chart with helm 3.17.3 and with
 * chartroom and reports whether the output (or the error) is the same, and where it first differs.
 * Without flags it compares the chart's defaults and then each `ci/*.yaml` values file, the way
 * chart repositories test their charts. Exit status 1 when anything differs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { chartroom, errorText } from '../tests/diff/chartroom-cli';
import { firstDifference, runHelm } from '../tests/helm/reference';

const [chartArg, ...flags] = process.argv.slice(2);
if (!chartArg) {
  console.error('usage: npm run compare -- CHART [helm template flags...]');
  process.exit(2);
}
const chart = isAbsolute(chartArg) ? chartArg : resolve(process.cwd(), chartArg);

const runs: string[][] = [];
if (flags.length > 0) runs.push(flags);
else {
  runs.push([]);
  const ci = join(chart, 'ci');
  if (existsSync(ci)) for (const f of readdirSync(ci).sort()) if (/\.ya?ml$/.test(f)) runs.push(['-f', join(ci, f)]);
}

let differing = 0;
for (const extra of runs) {
  const args = ['template', 'release-name', chart, ...extra];
  const helm = await runHelm(args);
  const ours = chartroom(args, process.cwd());
  const label = extra.length ? extra.join(' ') : '(defaults)';
  const [h, o] = [errorText(helm.stderr), errorText(ours.stderr)];
  let problem: string | null;
  if (helm.status === 0 && ours.status === 0) problem = firstDifference(helm.stdout, ours.stdout);
  else if (helm.status !== 0 && ours.status !== 0) problem = h === o ? null : `errors differ:\n  helm:      ${h}\n  chartroom: ${o}`;
  else problem = helm.status === 0 ? `helm rendered; chartroom failed: ${o}` : `helm failed: ${h}; chartroom rendered`;
  if (problem) differing++;
  console.log(`${problem ? 'DIFF' : 'same'}  ${label}${problem ? `\n${problem}` : ''}`);
}
console.log(`${runs.length - differing} of ${runs.length} renders identical`);
process.exit(differing ? 1 : 0);
