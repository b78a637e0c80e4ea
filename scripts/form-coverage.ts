/**
 * `npm run form-coverage -- DIR... [--sample N] [--helm 3.17.3|4.1.4] [--no-render]`
 *
 * How well the form covers real charts. For each chart under the folders (as the conformance
 * harness finds them), with the schema the form uses (declared, or inferred from values.yaml):
 * - coverage: the share of values.yaml leaf paths (scalars, lists, empty maps) that have a field
 *   of their own or sit in a list, map or list-of-objects editor (not a raw YAML text box);
 * - rejections: the chart's defaults and each `ci/*.yaml` and `values-*.yaml` it ships,
 *   coalesced over its defaults, validated by both Helm validators (3.17 and 4.1 rules); an
 *   inferred schema must reject none, a declared one is the chart's own business;
 * - edits: N random fields (seeded by chart name) edited as the form edits them (a switch flipped,
 *   another option, a number + 1, text appended, a list item added), the values.yaml the form
 *   writes rendered by `helm template`, counted when the unedited defaults render.
 * Prints one row per chart, the coverage distribution and the totals.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadChartFromDisk } from '../lib/cli/node-io';
import { chartValuesSource } from '../lib/configurator/form-schema';
import { setValueInText } from '../lib/configurator/values-document';
import { leafPaths, type PlainMap, type PlainValue } from '../lib/configurator/plain-values';
import { buildFormModel, type FormField, type FormModel } from '../lib/form';
import { coalesceOver, effectiveSchema, readValuesText } from '../lib/form/infer';
import { Validator } from '../lib/helm/chartutil/jsonschema/validator';
import { V6Schema, validateV6 } from '../lib/helm/chartutil/jsonschema/v6';
import type { Json } from '../lib/helm/chartutil/jsonschema/json';
import { runHelm } from '../tests/helm/reference';
import { findCharts } from '../tests/conformance/discover';
import { prepareChart } from '../tests/conformance/vendor';

const argv = process.argv.slice(2);
let sample = 3;
let helmVersion = '3.17.3';
let render = true;
const roots: string[] = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--sample') sample = Number(argv[++i]);
  else if (argv[i] === '--helm') helmVersion = argv[++i];
  else if (argv[i] === '--no-render') render = false;
  else roots.push(resolve(argv[i]));
}
if (!roots.length) {
  console.error('usage: npm run form-coverage -- DIR... [--sample N] [--helm 3.17.3|4.1.4] [--no-render]');
  process.exit(2);
}

/** Widgets that edit a whole value structurally: what is inside has a place in the form. */
const STRUCTURED = new Set(['list', 'key-value', 'array']);

function covered(model: FormModel, path: string[]): 'field' | 'structured' | 'yaml' | 'none' {
  const own = model.fieldsById.get(path.join('.'));
  if (own && own.widget !== 'yaml') return 'field';
  for (let n = path.length - 1; n >= 1; n--) {
    const up = model.fieldsById.get(path.slice(0, n).join('.'));
    if (up && STRUCTURED.has(up.widget)) return 'structured';
    if (up && up.widget === 'yaml') return 'yaml';
  }
  return own ? 'yaml' : 'none';
}

/** Helm's validators, both rule sets: the messages of each that rejects. */
function helmRejects(schema: unknown, value: unknown): string[] {
  const out: string[] = [];
  try {
    const v3 = new Validator(schema as Json);
    v3.check();
    const errs = v3.validate(value as Json);
    if (errs.length) out.push(`3.17: ${errs[0].field}: ${errs[0].description}`);
  } catch (e) {
    out.push(`3.17 schema: ${(e as Error).message}`);
  }
  try {
    const e = validateV6(new V6Schema(schema as Json), value as Json);
    if (e) out.push('4.1: rejected');
  } catch (e) {
    out.push(`4.1 schema: ${(e as Error).message}`);
  }
  return out;
}

/** A deterministic generator per chart, so runs are comparable. */
function seeded(text: string): () => number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>>= 0) % 1_000_000) / 1_000_000;
  };
}

/** The value the form would write for a typical edit of the field, or undefined when it has none. */
function editOf(field: FormField, current: unknown): PlainValue | undefined {
  switch (field.widget) {
    case 'switch':
    case 'tristate':
      return !(current === true);
    case 'select': {
      const other = (field.options ?? []).find((o) => JSON.stringify(o.value) !== JSON.stringify(current));
      return other?.value as PlainValue | undefined;
    }
    case 'number':
    case 'integer':
      return typeof current === 'number' ? current + 1 : 1;
    case 'text':
    case 'textarea':
      return typeof current === 'string' && current ? `${current}x` : 'x';
    case 'list':
      return [...(Array.isArray(current) ? (current as PlainValue[]) : []), field.itemTypes?.includes('string') ? 'x' : 1];
    case 'key-value':
      return { ...((current as PlainMap) ?? {}), 'example.com/edited': 'x' };
    default:
      return undefined;
  }
}

function getIn(v: unknown, path: string[]): unknown {
  let n = v;
  for (const k of path) n = typeof n === 'object' && n !== null ? (n as Record<string, unknown>)[k] : undefined;
  return n;
}

interface Row {
  chart: string;
  origin: string;
  leaves: number;
  field: number;
  structured: number;
  files: number;
  rejected: string[];
  edits: number;
  rendered: number;
  failures: string[];
  skipped?: string;
}

const work = mkdtempSync(join(tmpdir(), 'chartroom-form-coverage-'));
const rows: Row[] = [];
const base = roots.length === 1 ? roots[0] : process.cwd();

for (const found of findCharts(roots)) {
  if (found.kind !== 'chart') continue;
  const label = relative(base, found.dir) || found.name;
  let chart;
  try {
    chart = loadChartFromDisk(found.dir);
  } catch (e) {
    rows.push({ chart: label, origin: '-', leaves: 0, field: 0, structured: 0, files: 0, rejected: [], edits: 0, rendered: 0, failures: [], skipped: `does not load: ${(e as Error).message.split('\n')[0]}` });
    continue;
  }
  const source = chartValuesSource(chart);
  const result = effectiveSchema(source);
  const model = buildFormModel(result.schema);
  const defaults = (readValuesText(source.valuesText)?.values ?? {}) as PlainMap;
  const row: Row = { chart: label, origin: result.origin, leaves: 0, field: 0, structured: 0, files: 1 + source.samples.length, rejected: [], edits: 0, rendered: 0, failures: [] };
  for (const path of leafPaths(defaults)) {
    row.leaves++;
    const c = covered(model, path.map(String));
    if (c === 'field') row.field++;
    else if (c === 'structured') row.structured++;
  }
  // Files are checked against the chart's own schema only: a subchart's schema sees its own slice.
  const own = effectiveSchema({ ...source, subcharts: [] }).schema;
  const docs: [string, unknown][] = [['values.yaml', defaults], ...source.samples.map((s): [string, unknown] => [s.file, coalesceOver(defaults, readValuesText(s.text)?.values ?? {})])];
  for (const [file, doc] of docs) {
    const why = helmRejects(own, doc);
    if (why.length) row.rejected.push(`${file}: ${why.join('; ')}`);
  }
  if (render && sample > 0) {
    const prepared = await prepareChart(found.dir, found.dependencies, { helmVersion, workDir: work });
    const baseline = prepared.ok ? await runHelm(['template', 'edit', prepared.dir], { version: helmVersion, timeoutMs: 60_000 }) : null;
    if (!prepared.ok) row.skipped = prepared.cause;
    else if (baseline!.status !== 0) row.skipped = `defaults do not render: ${baseline!.stderr.trim().split('\n').pop()}`;
    else {
      const random = seeded(found.name);
      const candidates = [...model.fieldsById.values()].filter((f) => !f.hidden && editOf(f, getIn(defaults, f.path)) !== undefined);
      const picked = new Set<FormField>();
      while (picked.size < Math.min(sample, candidates.length)) picked.add(candidates[Math.floor(random() * candidates.length)]);
      for (const field of picked) {
        const value = editOf(field, getIn(defaults, field.path))!;
        const text = setValueInText('', field.path, value, defaults);
        if (text === null) {
          row.failures.push(`${field.id}: the form could not write the edit`);
          continue;
        }
        const file = join(work, `${found.name}-edit.yaml`);
        writeFileSync(file, text);
        row.edits++;
        const r = await runHelm(['template', 'edit', prepared.dir, '-f', file], { version: helmVersion, timeoutMs: 60_000 });
        if (r.status === 0) row.rendered++;
        else row.failures.push(`${field.id} = ${JSON.stringify(value)}: ${r.stderr.trim().split('\n').pop()}`);
      }
    }
  }
  rows.push(row);
  const share = row.leaves ? (((row.field + row.structured) / row.leaves) * 100).toFixed(0) : '-';
  console.log(`${label.padEnd(64)} ${row.origin.padEnd(8)} leaves ${String(row.leaves).padStart(4)}  covered ${String(share).padStart(3)}%  files ${row.files}  rejected ${row.rejected.length}  edits ${row.rendered}/${row.edits}${row.skipped ? `  (${row.skipped.slice(0, 80)})` : ''}`);
  for (const r of row.rejected) console.log(`    rejected ${r.slice(0, 200)}`);
  for (const f of row.failures) console.log(`    edit failed ${f.slice(0, 200)}`);
}
rmSync(work, { recursive: true, force: true });

const measured = rows.filter((r) => r.leaves > 0);
const shares = measured.map((r) => (r.field + r.structured) / r.leaves).sort((a, b) => a - b);
const q = (p: number) => (shares.length ? `${(shares[Math.min(shares.length - 1, Math.floor(p * shares.length))] * 100).toFixed(0)}%` : '-');
const sum = (f: (r: Row) => number, rs = rows) => rs.reduce((s, r) => s + f(r), 0);
const inferred = rows.filter((r) => r.origin === 'inferred');
const declared = rows.filter((r) => r.origin === 'declared');
console.log('\ncharts', rows.length, `(inferred ${inferred.length}, declared ${declared.length}, not loadable ${rows.filter((r) => r.origin === '-').length})`);
console.log(`leaf paths covered (own field or list/map/sub-form editor): min ${q(0)}  p10 ${q(0.1)}  p25 ${q(0.25)}  median ${q(0.5)}  p75 ${q(0.75)}  p90 ${q(0.9)}  max ${q(1 - 1e-9)}`);
const buckets = [0, 0.5, 0.75, 0.9, 1.0001];
const histogram = buckets.slice(0, -1).map((lo, i) => `${(lo * 100).toFixed(0)}–${Math.min(100, buckets[i + 1] * 100).toFixed(0)}%: ${shares.filter((s) => s >= lo && s < buckets[i + 1]).length}`);
console.log(`charts by coverage: ${histogram.join('  ')}`);
console.log(`all leaf paths: ${sum((r) => r.leaves)}, own field ${sum((r) => r.field)}, in a list/map/sub-form editor ${sum((r) => r.structured)}`);
console.log(`shipped values files checked: ${sum((r) => r.files)}; rejected by an inferred schema: ${sum((r) => r.rejected.length, inferred)}; by a chart's own declared schema: ${sum((r) => r.rejected.length, declared)}`);
console.log(`form edits rendered by helm ${helmVersion}: ${sum((r) => r.rendered)}/${sum((r) => r.edits)} (charts whose defaults render: ${rows.filter((r) => r.edits > 0).length})`);
