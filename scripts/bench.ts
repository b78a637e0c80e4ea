/**
 * `npm run bench`: chartroom's render speed next to helm's, measured in one run on this machine.
 * For each bundled chart (with test stand-ins for its remote dependencies, as helm needs them):
 * - cold: load the chart files, parse every template and render once (what a first preview costs);
 * - warm: re-render after a values change (what each keystroke costs), median of many runs after
 *   a warm-up;
 * - helm: `helm template` as a process, median of several runs.
 * Then the CLI as CI pipelines call it: `node bin/chartroom.mjs template` as a process against
 * `helm template` as a process, in turn, median of CLI_RUNS each after a warm-up of each.
 * Ratios, not absolute thresholds: shared machines make absolute timings noisy.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlToGo } from '../lib/yaml';
import type { GoMap } from '../lib/go/value';
import { readTree } from '../lib/cli/node-io';
import { loadChartDirectory, templateChart } from '../lib/helm';
import { clearParsedTemplates } from '../lib/helm/engine/engine';
import { helmBin } from '../tests/helm/reference';
import { removeStandins, withStandins } from '../tests/charts/standins';

/** Each chart with the values it needs to render (Verta requires its database URL and token). */
const CHARTS: { name: string; valuesFile?: string }[] = [{ name: 'aeterna' }, { name: 'verta', valuesFile: 'ci/default-values.yaml' }];
/** Renders before measuring: an editing session re-renders hundreds of times, with the JIT settled. */
const WARM_UP = 200;
const WARM_RUNS = 500;
const HELM_RUNS = 7;
const CLI_RUNS = 11;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const rows: string[][] = [];
const cliRows: string[][] = [];
for (const { name, valuesFile } of CHARTS) {
  const dir = withStandins(join(process.cwd(), 'charts', name));
  const base = valuesFile ? (yamlToGo(readFileSync(join(dir, valuesFile), 'utf8')) as GoMap) : new Map();
  const helmArgs = valuesFile ? ['-f', join(dir, valuesFile)] : [];
  try {
    const entries = readTree(dir);
    const colds: number[] = [];
    for (let i = 0; i < 5; i++) {
      clearParsedTemplates();
      colds.push(time(() => templateChart(loadChartDirectory(entries), { values: base })));
    }
    const chart = loadChartDirectory(entries);
    for (let i = 0; i < WARM_UP; i++) templateChart(chart, { values: new Map([...base, ['nameOverride', `warm-up-${i % 7}`]]) });
    const warms: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const values: GoMap = new Map([...base, ['nameOverride', `bench-${i % 7}`]]);
      warms.push(time(() => templateChart(chart, { values })));
    }
    const helms: number[] = [];
    for (let i = 0; i < HELM_RUNS; i++) {
      helms.push(time(() => execFileSync(helmBin(), ['template', 'bench', dir, ...helmArgs], { stdio: 'pipe' })));
    }
    const [cold, warm, helm] = [median(colds), median(warms), median(helms)];
    rows.push([name, warm.toFixed(2), cold.toFixed(2), helm.toFixed(1), `${(helm / warm).toFixed(0)}x`, `${(helm / cold).toFixed(1)}x`]);

    const cliArgs = ['template', 'bench', dir, ...helmArgs];
    const cli = () => execFileSync(process.execPath, [join(process.cwd(), 'bin', 'chartroom.mjs'), ...cliArgs], { stdio: 'pipe' });
    const helmProcess = () => execFileSync(helmBin(), cliArgs, { stdio: 'pipe' });
    cli();
    helmProcess();
    const [clis, helmsInTurn]: number[][] = [[], []];
    for (let i = 0; i < CLI_RUNS; i++) {
      clis.push(time(cli));
      helmsInTurn.push(time(helmProcess));
    }
    const [cliMs, helmMs] = [median(clis), median(helmsInTurn)];
    cliRows.push([name, cliMs.toFixed(1), helmMs.toFixed(1), `${(cliMs / helmMs).toFixed(2)}x`]);
  } finally {
    removeStandins(dir);
  }
}

function printTable(header: string[], body: string[][], note = ''): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(`${line(header)}${note}`);
  for (const r of body) console.log(line(r));
}

printTable(['chart', 'warm ms', 'cold ms', 'helm ms', 'helm/warm', 'helm/cold'], rows);
console.log('');
printTable(['chart', 'CLI ms', 'helm ms', 'CLI/helm'], cliRows, `   (template as a process, median of ${CLI_RUNS} runs each, in turn)`);

// Findings: validating the production renders (scripts/bench-findings.ts).
console.log('');
await import('./bench-findings');
