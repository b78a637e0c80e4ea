/**
 * The values bundle: everything needed to install a configuration with plain helm, as a zip
 * whose bytes depend only on its input (the UI's download button and `chartroom bundle`).
 */
import { stringify } from 'yaml';
import type { Chart } from '../helm';
import { goToYaml } from '../yaml/index';
import { type ChartroomConfig, configToJson, stripSecretsFromText, schemaSecretFields } from '../share';
import { bundleReadme, installScript } from './bundle-docs';
import { chartSchema, prepareExport, type ExportOptions, type PreparedExport } from './prepare';
import type { RenderedObject } from './render';
import { secretSkeletons } from './secret-wiring';
import { zipArchive, type ArchiveFile } from './zip';
import { formatUpgradeReport, redactReport, type UpgradeReport } from '../upgrade';

export interface BundleOptions extends ExportOptions {
  /** How install.sh refers to the chart; default `./<chart name>` (a copy of the chart beside the bundle). */
  chartRef?: string;
  /** Add the rendered objects, one file each, under `manifests/`. */
  includeManifests?: boolean;
  /** An upgrade preview of this configuration, added as `upgrade-report.txt` (secrets left out). */
  upgradeReport?: UpgradeReport;
}

export interface ValuesBundle {
  /** The zip archive. */
  zip: Uint8Array;
  /** File name to offer: `<release>-values.zip`. */
  fileName: string;
  /** Its files (the archive holds them sorted by path). */
  files: ArchiveFile[];
  /** Secret values left out, as `<file>: <path>`. */
  removed: string[];
  warnings: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `NN-kind-name.yaml`, numbered in install order. */
function manifestFileName(o: RenderedObject, n: number): string {
  const meta = isRecord(o.object.metadata) ? o.object.metadata : {};
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
  const name = [String(o.object.kind ?? 'object'), String(meta.name ?? 'unnamed')].map(slug).join('-');
  return `${String(n + 1).padStart(2, '0')}-${name}${o.hook ? '.hook' : ''}.yaml`;
}

/** A rendered object for review: Secret data replaced, since charts may generate passwords into it. */
function reviewText(o: RenderedObject): string {
  if (o.object.kind !== 'Secret') return `# Source: ${o.source}\n${o.text}`;
  const redacted = { ...o.object };
  for (const field of ['data', 'stringData']) {
    const d = redacted[field];
    if (isRecord(d)) redacted[field] = Object.fromEntries(Object.keys(d).map((k) => [k, '<redacted>']));
  }
  return `# Source: ${o.source}\n# Secret values are redacted in this review copy.\n${stringify(redacted)}`;
}

/** The merged values of a render, for reading, with anything secret removed. */
function referenceValues(p: PreparedExport, index: number): string | undefined {
  const r = p.renders[index];
  if (!r.result) return undefined;
  const header = `# The values the chart sees (chart defaults merged with ${r.files.map((f) => f.name).join(' and ')}). Reference only: install with the files above.\n`;
  return header + stripSecretsFromText(goToYaml(r.result.values)).text;
}

/** secret-values.example.yaml: placeholders at the paths that can only be given as values. */
function secretValuesExample(p: PreparedExport): string {
  const lines = ['# Secret values the chart only takes as values. Copy to secret-values.yaml, fill in, keep it out of version control.'];
  const byFile = new Map<string, string[]>();
  for (const u of p.unwired) byFile.set(u.file, [...(byFile.get(u.file) ?? []), u.path]);
  for (const [file, paths] of byFile) {
    lines.push(`# From ${file}:`);
    for (const path of paths) lines.push(`#   ${path}: <secret value>`);
  }
  lines.push('# Write each as nested YAML, e.g. a.b.c becomes:', '# a:', '#   b:', '#     c: "<secret value>"', '');
  return lines.join('\n');
}

/** The files of a values bundle, prepared already (exposed for tests and previews). */
export function bundleFiles(p: PreparedExport, opts: BundleOptions = {}): ArchiveFile[] {
  const target = { chartRef: opts.chartRef ?? `./${p.chart.metadata.name}` };
  const files: ArchiveFile[] = [
    { path: 'README.md', content: bundleReadme(p, target, { manifests: !!opts.includeManifests }) },
    { path: 'install.sh', content: installScript(p, target), executable: true },
    { path: 'values.yaml', content: p.valuesText },
    ...p.environments.map((e) => ({ path: e.fileName, content: e.text })),
  ];
  if (p.secrets.length) {
    const namespaces = [...new Set(p.environments.length ? p.environments.map((e) => e.namespace ?? p.config.release.namespace) : [p.config.release.namespace])];
    files.push({ path: 'secrets.example.yaml', content: namespaces.map((ns) => secretSkeletons(p.secrets, ns)).join('\n') });
  }
  if (p.unwired.length) files.push({ path: 'secret-values.example.yaml', content: secretValuesExample(p) });
  p.renders.forEach((r, i) => {
    const text = referenceValues(p, i);
    if (text !== undefined) files.push({ path: `reference/values${r.environment ? `-${r.environment}` : ''}.merged.yaml`, content: text });
  });
  if (opts.includeManifests) {
    for (const r of p.renders) {
      const dir = r.environment ? `manifests/${r.environment}` : 'manifests';
      r.objects.forEach((o, n) => files.push({ path: `${dir}/${manifestFileName(o, n)}`, content: reviewText(o) }));
    }
  }
  if (opts.upgradeReport) {
    files.push({ path: 'upgrade-report.txt', content: formatUpgradeReport(redactReport(opts.upgradeReport, schemaSecretFields(chartSchema(p.chart))), false) });
  }
  files.push({ path: 'chartroom.json', content: configToJson(p.config) });
  return files;
}

/**
 * Builds the values bundle of a configuration. Throws
 * {@link import('./prepare').ExportError} when the configuration can't be read.
 */
export async function buildValuesBundle(chart: Chart, config: ChartroomConfig, opts: BundleOptions = {}, onProgress?: (percent: number) => void): Promise<ValuesBundle> {
  const prepared = prepareExport(chart, config, opts);
  const files = bundleFiles(prepared, opts);
  return {
    zip: await zipArchive(files, `${prepared.config.release.name}-values`, onProgress),
    fileName: `${prepared.config.release.name}-values.zip`,
    files,
    removed: prepared.removed,
    warnings: prepared.warnings,
  };
}

