/**
 * Findings speed on the whole Aeterna and Verta production renders, median of many runs:
 * - rules: validateManifests on parsed documents (every rule, lines and values tracing);
 * - warm: manifestDocs + validateManifests, manifests parsed before (a values change re-renders
 *   most manifests to the same text, and only changed texts are parsed again);
 * - parse all: the same with every manifest parsed again (the YAML parser dominates);
 * - first: the very first call, right after the schema loaded.
 * Part of `npm run bench`; also runs alone: npx tsx scripts/bench-findings.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadChartFromDisk } from '../lib/cli/node-io';
import { mergeUserValues, templateChart } from '../lib/helm';
import { clearParsedManifests, loadKubeSchema, manifestDocs, validateManifests } from '../lib/validate';
import { removeStandins, withStandins } from '../tests/charts/standins';

const PRESETS: { name: string; files: string[] }[] = [
  { name: 'aeterna', files: ['values-production.yaml'] },
  { name: 'verta', files: ['ci/default-values.yaml', 'values-prod.yaml'] },
];
const RUNS = 200;
const BUDGET_MS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  await loadKubeSchema('1.33');
  const rows: string[][] = [];
  for (const { name, files } of PRESETS) {
    const dir = withStandins(join(process.cwd(), 'charts', name));
    try {
      const values = mergeUserValues({ valueFiles: files.map((f) => ({ name: f, data: readFileSync(join(dir, f)) })), jsonValues: [], values: [], stringValues: [], fileValues: [], literalValues: [], readFile: () => '' });
      const result = templateChart(loadChartFromDisk(dir), { releaseName: 'bench', values, apiVersions: ['postgresql.cnpg.io/v1', 'monitoring.coreos.com/v1'] });
      const opts = { kubeVersion: '1.33', preset: 'production', values: result.values } as const;
      const run = () => validateManifests(manifestDocs(result), opts);
      const measure = (fn: () => void, before: () => void = () => {}) => {
        const xs: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          before();
          const t0 = performance.now();
          fn();
          xs.push(performance.now() - t0);
        }
        return median(xs);
      };
      clearParsedManifests();
      const t0 = performance.now();
      const findings = run();
      const first = performance.now() - t0;
      const docs = manifestDocs(result);
      const rules = measure(() => validateManifests(docs, opts));
      const warm = measure(run);
      const parseAll = measure(run, clearParsedManifests);
      const cells = [rules, warm, parseAll, first].map((x) => x.toFixed(2));
      rows.push([name, String(docs.length), String(findings.length), ...cells, warm < BUDGET_MS ? 'ok' : 'OVER']);
    } finally {
      removeStandins(dir);
    }
  }
  const header = ['findings (production)', 'objects', 'findings', 'rules ms', 'warm ms', 'parse all ms', 'first ms', `warm < ${BUDGET_MS} ms`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

await main();
