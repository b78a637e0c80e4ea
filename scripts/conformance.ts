/**
 * `npm run conformance -- DIR... [--helm 3.17.3|4.1.4] [--jobs N] [--only TEXT] [-- helm template flags]`
 *
 * Renders real charts with helm and with chartroom and reports where they differ. Each DIR is a
 * chart or a folder of charts (an unpacked chart repository, or several). For each chart:
 * its defaults and each `ci/*.yaml` values file, the way chart repositories test their charts,
 * or only the helm template flags given after `--`. `file://` dependencies are vendored as
 * `helm dependency build` would; a chart with a remote dependency that is not vendored is
 * skipped with that cause. Prints a table (one row per chart) and the first difference of each
 * failing case; exit status 1 when any case differs.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chartroom, errorText } from '../tests/diff/chartroom-cli';
import { runHelm, type HelmRun } from '../tests/helm/reference';
import { firstRenderDifference, volatility } from '../tests/conformance/compare-renders';
import { findCharts, type Found } from '../tests/conformance/discover';
import { prepareChart } from '../tests/conformance/vendor';
import { cachedHelm, treeHash } from '../tests/conformance/helm-cache';

const HELM_VERSIONS = ['3.17.3', '4.1.4'];
const USAGE = 'usage: npm run conformance -- DIR... [--helm 3.17.3|4.1.4] [--jobs N] [--only TEXT] [-- helm template flags]';

const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const flags = dashes < 0 ? [] : argv.slice(dashes + 1);
const own = dashes < 0 ? argv : argv.slice(0, dashes);
let helmVersion = HELM_VERSIONS[0];
let jobs = 2;
let only = '';
const roots: string[] = [];
for (let i = 0; i < own.length; i++) {
  const a = own[i];
  if (a === '--helm') helmVersion = own[++i];
  else if (a === '--jobs') jobs = Number(own[++i]);
  else if (a === '--only') only = own[++i];
  else if (a.startsWith('-')) fail(`unknown flag ${a}`);
  else roots.push(resolve(a));
}
if (!roots.length) fail('no chart folder given');
if (!HELM_VERSIONS.includes(helmVersion)) fail(`--helm must be one of ${HELM_VERSIONS.join(', ')}`);
if (!(jobs >= 1)) fail('--jobs must be a positive number');
for (const r of roots) if (!existsSync(r)) fail(`${r}: no such folder`);

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

type Outcome = 'identical' | 'both-failed' | 'different' | 'chartroom-failed';
interface CaseResult {
  label: string;
  outcome: Outcome;
  detail?: string;
  masked: number;
}
interface ChartRow {
  label: string;
  skipped?: string;
  cases: CaseResult[];
}

/** A label for a chart: its folder below the root it was found under (or below its parent, when several roots are given). */
function labelOf(dir: string): string {
  const root = roots.find((r) => dir === r || dir.startsWith(r + '/'))!;
  return (roots.length === 1 && relative(root, dir)) || relative(resolve(root, '..'), dir);
}

function casesOf(dir: string): { label: string; args: string[] }[] {
  if (flags.length) return [{ label: flags.join(' '), args: flags }];
  const cases = [{ label: '(defaults)', args: [] as string[] }];
  const ci = join(dir, 'ci');
  if (existsSync(ci)) for (const f of readdirSync(ci).sort()) if (/\.ya?ml$/.test(f)) cases.push({ label: `ci/${f}`, args: ['-f', join(ci, f)] });
  return cases;
}

/** chartroom's side of a case, in-process; an exception is a failure to report, not a crash of the run. */
function renderOurs(args: string[], cwd: string): HelmRun {
  try {
    return chartroom(args, cwd);
  } catch (e) {
    return { status: 1, stdout: '', stderr: `Error: chartroom threw: ${(e as Error).stack ?? e}` };
  }
}

async function runCase(dir: string, tree: string, args: string[]): Promise<Omit<CaseResult, 'label'>> {
  const argv = ['template', 'release-name', dir, ...args];
  const key = args.map((x) => x.replace(dir, '<chart>'));
  const helm = (n: number) => cachedHelm([helmVersion, tree, key, n], () => runHelm(argv, { version: helmVersion, cwd: dir }));
  const firstHelm = helm(1);
  // chartroom renders with the rules of the helm it is compared with.
  const ours = renderOurs([...argv, '--helm-version', helmVersion], dir);
  const a = await firstHelm;
  const [ha, ho] = [errorText(a.stderr), errorText(ours.stderr)];
  if (a.status === 0 && ours.status === 0) {
    if (a.stdout === ours.stdout) return { outcome: 'identical', masked: 0 };
    const b = await helm(2);
    if (b.status !== 0) return { outcome: 'different', masked: 0, detail: `helm failed on its second render: ${errorText(b.stderr)}` };
    const vol = a.stdout === b.stdout ? null : volatility(a.stdout, b.stdout);
    if (a.stdout !== b.stdout && !vol) return { outcome: 'different', masked: 0, detail: "helm's two renders differ in their documents or line counts: nothing to compare against" };
    const diff = firstRenderDifference(a.stdout, ours.stdout, vol);
    return diff ? { outcome: 'different', masked: vol?.maskedLines ?? 0, detail: diff } : { outcome: 'identical', masked: vol?.maskedLines ?? 0 };
  }
  if (a.status !== 0 && ours.status !== 0) {
    if (ha === ho || errorText((await helm(2)).stderr) === ho) return { outcome: 'both-failed', masked: 0, detail: ha };
    return { outcome: 'different', masked: 0, detail: `errors differ:\n  helm:      ${ha}\n  chartroom: ${ho}` };
  }
  if (a.status === 0) return { outcome: 'chartroom-failed', masked: 0, detail: ho };
  return { outcome: 'different', masked: 0, detail: `helm failed: ${ha}\n  chartroom rendered` };
}

async function runChart(found: Extract<Found, { kind: 'chart' }>, workDir: string): Promise<ChartRow> {
  const label = labelOf(found.dir);
  const prepared = await prepareChart(found.dir, found.dependencies, { helmVersion, workDir });
  if (!prepared.ok) return { label, skipped: prepared.cause, cases: [] };
  // Archives made by helm package carry their build time: the key is the sources, not the copy.
  const tree = prepared.sources.map(treeHash).join(',');
  const cases: CaseResult[] = [];
  for (const c of casesOf(found.dir)) {
    // ci/ files are read from the chart's own folder: a vendored copy has them too, at the same relative path.
    const args = c.args.map((x) => (x.startsWith(found.dir + '/') ? join(prepared.dir, x.slice(found.dir.length + 1)) : x));
    cases.push({ label: c.label, ...(await runCase(prepared.dir, tree, args)) });
  }
  return { label, cases };
}

const found = findCharts(roots).filter((f) => !only || f.dir.includes(only));
const workDir = mkdtempSync(join(tmpdir(), 'chartroom-conformance-'));
const rows: ChartRow[] = new Array(found.length);
const notCharts: { label: string; cause: string }[] = [];
let next = 0;
const started = Date.now();
await Promise.all(
  Array.from({ length: jobs }, async () => {
    for (let i = next++; i < found.length; i = next++) {
      const f = found[i];
      if (f.kind === 'not-a-chart') {
        notCharts.push({ label: labelOf(f.dir), cause: f.cause });
        continue;
      }
      rows[i] = await runChart(f, workDir);
      const r = rows[i];
      const bad = r.cases.filter((c) => c.outcome === 'different' || c.outcome === 'chartroom-failed').length;
      const masked = r.cases.reduce((t, c) => t + c.masked, 0);
      console.error(`${r.skipped ? 'skip' : bad ? 'DIFF' : 'ok  '} ${r.label}${r.skipped ? '' : ` (${r.cases.length} cases${masked ? `, ${masked} random lines masked` : ''})`}`);
    }
  }),
);
rmSync(workDir, { recursive: true, force: true });
console.log(report(rows.filter(Boolean), notCharts));
const failing = rows.some((r) => r?.cases.some((c) => c.outcome === 'different' || c.outcome === 'chartroom-failed'));
process.exit(failing ? 1 : 0);

function report(charts: ChartRow[], notCharts: { label: string; cause: string }[]): string {
  const ran = charts.filter((r) => !r.skipped);
  const count = (r: ChartRow, o: Outcome) => r.cases.filter((c) => c.outcome === o).length;
  const header = ['chart', 'cases', 'identical', 'both-failed', 'different', 'chartroom-failed'];
  const body = ran.map((r) => [r.label, String(r.cases.length), ...(['identical', 'both-failed', 'different', 'chartroom-failed'] as Outcome[]).map((o) => String(count(r, o)))]);
  const total = ['TOTAL', ...[1, 2, 3, 4, 5].map((k) => String(body.reduce((s, row) => s + Number(row[k]), 0)))];
  const widths = header.map((h, k) => Math.max(h.length, ...[...body, total].map((row) => row[k].length)));
  const line = (row: string[]) => row.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  const out = [`helm ${helmVersion} vs chartroom`, line(header), ...body.map(line), line(total), ''];
  const repos = new Set(ran.map((r) => r.label.split('/')[0]));
  const masked = ran.reduce((s, r) => s + r.cases.reduce((t, c) => t + c.masked, 0), 0);
  out.push(`${ran.length} charts from ${repos.size} folders rendered; ${masked} lines masked as random in helm's own renders; ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const skipped = charts.filter((r) => r.skipped);
  if (skipped.length) out.push('', `skipped (${skipped.length}):`, ...skipped.map((r) => `  ${r.label}: ${r.skipped}`));
  if (notCharts.length) out.push('', `not charts (${notCharts.length}):`, ...notCharts.map((n) => `  ${n.label}: ${n.cause}`));
  const bothFailed = ran.flatMap((r) => r.cases.filter((c) => c.outcome === 'both-failed').map((c) => `  ${r.label} ${c.label}: ${(c.detail ?? '').split('\n')[0].slice(0, 200)}`));
  if (bothFailed.length) out.push('', `both failed, with the same error (${bothFailed.length}):`, ...bothFailed);
  const failures = ran.flatMap((r) => r.cases.filter((c) => c.outcome === 'different' || c.outcome === 'chartroom-failed').map((c) => ({ r, c })));
  if (failures.length) out.push('', `failures (${failures.length}):`, ...failures.map(({ r, c }) => `  ${c.outcome.toUpperCase()} ${r.label} ${c.label}\n    ${(c.detail ?? '').split('\n').join('\n    ')}`));
  return out.join('\n');
}
