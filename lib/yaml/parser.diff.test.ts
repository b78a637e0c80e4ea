/**
 * Differential test of YAML reading against helm 3.17.3: each document is a fixture chart's
 * values.yaml (helm reads it with sigs.k8s.io/yaml, then prints it through toJson) or the
 * verbatim output of a template (helm parses every rendered manifest). Our engine renders the
 * same chart; the whole result must match: output bytes, or the error text with its line.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, REFERENCE_HELM_VERSION, removeChart, runHelm, writeChart, type HelmRun } from '../../tests/helm/reference';
import { templateChart } from '../helm/action/template';
import { loadChartDirectory } from '../helm/chart/loader';
import { corruptions, HAND_PICKED, randomDocuments, readerCases } from '../../tests/yaml/parser.diff.cases';

type Kind = 'values' | 'manifest';

interface Row {
  kind: Kind;
  name: string;
  files: Record<string, string>;
}

const CHART_YAML = 'apiVersion: v2\nname: fixture\nversion: 0.1.0\n';
const PRINT_VALUES = 'v: {{ .Values | toJson | quote }}\n';

function chartFiles(kind: Kind, text: string): Record<string, string> {
  return kind === 'values'
    ? { 'Chart.yaml': CHART_YAML, 'values.yaml': text, 'templates/x.yaml': PRINT_VALUES }
    : { 'Chart.yaml': CHART_YAML, 'templates/x.yaml': text };
}

const rows: Row[] = [];
for (const text of HAND_PICKED) {
  for (const kind of ['values', 'manifest'] as const) rows.push({ kind, name: JSON.stringify(text), files: chartFiles(kind, text) });
}
for (const text of readerCases()) rows.push({ kind: 'values', name: `reader ${JSON.stringify(text.slice(-24))} at ${text.length}`, files: chartFiles('values', text) });
randomDocuments(300).forEach((text, i) => {
  rows.push({ kind: i % 2 ? 'manifest' : 'values', name: `random ${i} ${JSON.stringify(text)}`, files: chartFiles(i % 2 ? 'manifest' : 'values', text) });
});
for (const { name, text } of corruptions()) {
  // The Deployment base is corrupted as a rendered manifest, the values base as values.yaml.
  const kind: Kind = name.startsWith('base 0') ? 'manifest' : 'values';
  rows.push({ kind, name: `${name} ${JSON.stringify(text.split('\n').find((_, i) => `${i + 1}` === /line (\d+)/.exec(name)![1]))}`, files: chartFiles(kind, text) });
}

/** A render's result as one comparable string: the output, or the error message. */
function describeRun(r: HelmRun): string {
  if (r.status === 0) return `OK\n${r.stdout}`;
  return `ERR ${r.stderr.replace(/^Error: /, '').replace(/\n\nUse --debug flag to render out invalid YAML\n?$/, '').trimEnd()}`;
}

function ours(files: Record<string, string>): string {
  const enc = new TextEncoder();
  try {
    const chart = loadChartDirectory(Object.entries(files).map(([path, text]) => ({ path, data: enc.encode(text) })), { helmVersion: REFERENCE.setting });
    return `OK\n${templateChart(chart, { helmVersion: REFERENCE.setting }).output}`;
  } catch (e) {
    return `ERR ${(e as Error).message}`;
  }
}

const cacheDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '.cache', 'helm-results', REFERENCE_HELM_VERSION);

async function helm(files: Record<string, string>): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify(['yaml-parse-v1', files])).digest('hex').slice(0, 32);
  const file = join(cacheDir, `yaml-parse-${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as string;
  const dir = writeChart(files);
  try {
    const result = describeRun(await runHelm(['template', 'release-name', dir]));
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, JSON.stringify(result));
    return result;
  } finally {
    removeChart(dir);
  }
}

const reference: string[] = [];

beforeAll(async () => {
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const i = next++;
      reference[i] = await helm(rows[i].files);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}, 900_000);

describe('YAML reading matches helm 3.17.3', () => {
  it('has at least 150 broken or tricky documents', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(reference.filter((r) => r.startsWith('ERR')).length).toBeGreaterThanOrEqual(150);
  });
  for (const kind of ['values', 'manifest'] as const) {
    describe(kind, () => {
      rows.forEach((row, i) => {
        if (row.kind !== kind) return;
        it(row.name, () => {
          expect(ours(row.files)).toBe(reference[i]);
        });
      });
    });
  }
});
