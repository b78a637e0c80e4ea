/**
 * `npm run bench [-- DIR...]`: chartroom's render speed next to helm's, measured in one run on this
 * machine. Without arguments it measures the bundled charts (with test stand-ins for their remote
 * dependencies, as helm needs them); each DIR is a chart or a folder searched for charts (`file://`
 * dependencies vendored as the conformance run does, charts missing a remote dependency skipped).
 * For each chart:
 * - cold: load the chart files, parse every template and render once (what a first preview costs);
 * - warm: re-render after a one-leaf change of the values (what a keystroke costs in the page:
 *   incremental, only the templates that read what changed run again, random values and keys
 *   pinned by one editing session as the page pins them): each render toggles one
 *   scalar of values.yaml, taken from leaves spread over the file; median of many renders after
 *   a warm-up;
 * - full: the same states rendered in full (every template executed), in blocks taking turns with
 *   the warm ones (a render straight after one of the same state would find caches no keystroke finds);
 *   reused: the median share of rendered files a warm render reused;
 * - trace/warm: a tracing render (`template --trace`) of every fifth of those states, against warm;
 * - helm and CLI: `helm template`, `node bin/chartroom.cjs template` and the standalone executable's
 *   `dist/chartroom template` (scripts/build-cli-binary.mjs) as processes, in turn, median of several
 *   runs each after a warm-up of each (how CI pipelines call them).
 * Ratios, not absolute thresholds: shared machines make absolute timings noisy.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { yamlToGo } from '../lib/yaml';
import type { GoMap, GoValue } from '../lib/go/value';
import { readTree } from '../lib/cli/node-io';
import { loadChartDirectory, StableSession, templateChart, type Chart, type TemplateOptions } from '../lib/helm';
import { clearParsedTemplates, reusedInLastRender } from '../lib/helm/engine/engine';
import { helmBin, REFERENCE_HELM_VERSION } from '../tests/helm/reference';
import { removeStandins, withStandins } from '../tests/charts/standins';
import { findCharts } from '../tests/conformance/discover';
import { prepareChart } from '../tests/conformance/vendor';
import { edited, leafAt, scalarLeaves, spread, withLeaf, type LeafPath } from '../tests/perf/leaf-edits';

interface BenchCase {
  label: string;
  dir: string;
  /** Values files given to both (`-f`), also the values the in-process renders start from. */
  valuesFile?: string;
}

/** Renders per chart: an editing session re-renders hundreds of times, with the JIT settled. */
const RUNS = { bundled: { cold: 5, warmUp: 200, warm: 500, processes: 11 }, corpus: { cold: 3, warmUp: 60, warm: 150, processes: 5 } };
/** Leaves tried per chart; those whose edit makes the chart fail (an enum, a format) are dropped. */
const LEAVES_TRIED = 16;
const LEAVES_USED = 8;
/** Consecutive renders of one kind (warm, full) before the other kind renders the same states. */
const MODE_BLOCK = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function renders(chart: Chart, values: GoMap): boolean {
  try {
    templateChart(chart, { values });
    return true;
  } catch {
    return false;
  }
}

/** The leaves whose one-character edit still renders, with the value each starts from. */
function editableLeaves(chart: Chart, base: GoMap): { path: LeafPath; from: GoValue }[] {
  const out: { path: LeafPath; from: GoValue }[] = [];
  for (const path of spread(scalarLeaves(chart.values), LEAVES_TRIED)) {
    const from = leafAt(base, path) ?? leafAt(chart.values, path);
    if (renders(chart, withLeaf(base, path, edited(from)))) out.push({ path, from });
    if (out.length === LEAVES_USED) break;
  }
  return out;
}

type Row = string[];

/** The page's renders pin random values and the clock for its editing session (stable-session.ts). */
const SESSION = { seed: 'bench', startedMs: Date.UTC(2026, 0, 1) };

function pinned(chart: Chart, opts: TemplateOptions): ReturnType<typeof templateChart> {
  return new StableSession(SESSION.seed, SESSION.startedMs).render((observer) => templateChart(chart, { ...opts, observer }));
}

function measure(c: BenchCase, runs: (typeof RUNS)['corpus']): Row {
  const base = c.valuesFile ? (yamlToGo(readFileSync(c.valuesFile, 'utf8')) as GoMap) : new Map();
  const entries = readTree(c.dir);
  const colds: number[] = [];
  for (let i = 0; i < runs.cold; i++) {
    clearParsedTemplates();
    colds.push(time(() => templateChart(loadChartDirectory(entries), { values: base })));
  }
  const chart = loadChartDirectory(entries);
  const leaves = editableLeaves(chart, base);
  // Each render toggles one leaf between its value and its edit: consecutive renders differ in one leaf.
  let state = base;
  const toggled = new Set<number>();
  const step = (i: number): GoMap => {
    const k = i % leaves.length;
    const { path, from } = leaves[k];
    if (toggled.has(k)) toggled.delete(k);
    else toggled.add(k);
    state = withLeaf(state, path, toggled.has(k) ? edited(from) : from);
    return state;
  };
  const warms: number[] = [];
  // Tracing renders (`template --trace`, where did this line come from) of every fifth state, in
  // turn with the normal ones so that both see the same load.
  const traces: number[] = [];
  const fulls: number[] = [];
  const reusedShares: number[] = [];
  if (leaves.length > 0) {
    for (let i = 0; i < runs.warmUp; i++) pinned(chart, { values: step(i), incremental: true, trace: i % 5 === 0 });
    // Renders of one state leave caches (documents by file, heads by text) ready for the next
    // render of that same state, which a keystroke never gets. So each kind renders the same
    // states in its own block, every render one leaf away from the render before it; the first
    // full render of a block follows the last warm one, several leaves away, and is not counted.
    for (let i = 0; i < runs.warm; i += MODE_BLOCK) {
      const states: GoMap[] = [];
      for (let k = i; k < Math.min(runs.warm, i + MODE_BLOCK); k++) states.push(step(k));
      for (const values of states) {
        let files = 0;
        warms.push(time(() => (files = pinned(chart, { values, incremental: true }).files.size)));
        reusedShares.push(reusedInLastRender().length / Math.max(1, files));
      }
      // The same states rendered in full: what every keystroke cost before incremental renders.
      states.forEach((values, k) => {
        const ms = time(() => pinned(chart, { values }));
        if (k > 0) fulls.push(ms);
        if ((i + k) % 5 === 0) traces.push(time(() => pinned(chart, { values, trace: true })));
      });
    }
  }

  const args = ['template', 'bench', c.dir, ...(c.valuesFile ? ['-f', c.valuesFile] : [])];
  const cli = () => execFileSync(process.execPath, [join(process.cwd(), 'bin', 'chartroom.cjs'), ...args], { stdio: 'pipe' });
  const binary = () => execFileSync(join(process.cwd(), 'dist', 'chartroom'), args, { stdio: 'pipe' });
  const helm = () => execFileSync(helmBin(), args, { stdio: 'pipe' });
  cli();
  binary();
  helm();
  const [clis, binaries, helms]: number[][] = [[], [], []];
  for (let i = 0; i < runs.processes; i++) {
    clis.push(time(cli));
    binaries.push(time(binary));
    helms.push(time(helm));
  }
  const [cold, cliMs, binaryMs, helmMs] = [median(colds), median(clis), median(binaries), median(helms)];
  const warm = warms.length ? median(warms) : NaN;
  const traced = traces.length ? median(traces) : NaN;
  return [
    c.label,
    String(chart.templates.length + chart.dependencies.reduce((n, d) => n + d.templates.length, 0)),
    cold.toFixed(1),
    warms.length ? median(fulls).toFixed(2) : '-',
    warms.length ? warm.toFixed(2) : '-',
    warms.length ? `${(median(reusedShares) * 100).toFixed(0)}%` : '-',
    helmMs.toFixed(1),
    warms.length ? `${(helmMs / warm).toFixed(0)}x` : '-',
    traces.length ? `${(traced / warm).toFixed(1)}x` : '-',
    cliMs.toFixed(1),
    `${(cliMs / helmMs).toFixed(2)}x`,
    binaryMs.toFixed(1),
    `${(binaryMs / helmMs).toFixed(2)}x`,
    String(leaves.length),
  ];
}

function printTable(header: string[], body: Row[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of body) console.log(line(r));
}

const HEADER = ['chart', 'templates', 'cold ms', 'full ms', 'warm ms', 'reused', 'helm ms', 'helm/warm', 'trace/warm', 'CLI ms', 'CLI/helm', 'binary ms', 'binary/helm', 'leaves'];
const roots = process.argv.slice(2).map((a) => resolve(a));
const rows: Row[] = [];
const skipped: string[] = [];

if (roots.length === 0) {
  /** Each bundled chart with the values it needs to render (Verta requires its database URL and token). */
  const bundled: { name: string; valuesFile?: string }[] = [{ name: 'aeterna' }, { name: 'verta', valuesFile: 'ci/default-values.yaml' }];
  for (const { name, valuesFile } of bundled) {
    const dir = withStandins(join(process.cwd(), 'charts', name));
    try {
      rows.push(measure({ label: name, dir, valuesFile: valuesFile && join(dir, valuesFile) }, RUNS.bundled));
    } finally {
      removeStandins(dir);
    }
  }
} else {
  const workDir = mkdtempSync(join(tmpdir(), 'chartroom-bench-'));
  try {
    for (const found of findCharts(roots)) {
      const root = roots.find((r) => found.dir === r || found.dir.startsWith(`${r}/`))!;
      const label = relative(resolve(root, '..'), found.dir);
      if (found.kind === 'not-a-chart') {
        skipped.push(`${label}: ${found.cause}`);
        continue;
      }
      const prepared = await prepareChart(found.dir, found.dependencies, { helmVersion: REFERENCE_HELM_VERSION, workDir });
      if (!prepared.ok) {
        skipped.push(`${label}: ${prepared.cause}`);
        continue;
      }
      try {
        rows.push(measure({ label, dir: prepared.dir }, RUNS.corpus));
        console.error(`measured ${label}`);
      } catch (e) {
        // Charts that need values to render (or that helm refuses) have no figures to compare.
        skipped.push(`${label}: does not render with its defaults: ${((e as Error).message ?? String(e)).split('\n')[0].slice(0, 160)}`);
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

console.log(
  `helm ${REFERENCE_HELM_VERSION}; warm: one-leaf edit re-render (median; warm, full and trace renders pin random values in one session, as the page does); trace: the same with trace: true (median, every fifth state); helm, CLI (Node) and binary (standalone executable): template as a process, in turn (median)`,
);
printTable(HEADER, rows);
if (skipped.length) console.log(`\nskipped (${skipped.length}):\n${skipped.map((s) => `  ${s}`).join('\n')}`);

if (roots.length === 0) {
  // Findings: validating the production renders (scripts/bench-findings.ts).
  console.log('');
  await import('./bench-findings');
}
