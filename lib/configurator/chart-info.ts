/**
 * What the configurator shows about a chart before anything is rendered: metadata, remote
 * dependencies, default values text, schema and presets (`values-<name>.yaml`).
 */
import type { JsonSchema, SchemaOrigin } from '../form';
import type { Chart } from '../helm';
import { chartFormSchema } from './form-schema';

/** A Chart.yaml dependency. */
export interface DependencyInfo {
  name: string;
  alias: string;
  version: string;
  repository: string;
  condition: string;
}

/** A starting point from the chart's `values-<id>.yaml`. */
export interface PresetInfo {
  id: string;
  file: string;
  text: string;
}

export interface ChartInfo {
  name: string;
  version: string;
  appVersion: string;
  description: string;
  dependencies: DependencyInfo[];
  /** Whether each dependency is carried in charts/ (false: installed from its repository). */
  bundledDependencies: string[];
  /** values.yaml as written (comments included). */
  defaultsText: string;
  /** values.schema.json, parsed; null when absent or not JSON. */
  schema: unknown;
  /**
   * What the form and the editor use: `schema` (or, without one, a schema inferred from
   * values.yaml) with comments filling in descriptions and sections, subcharts under their
   * alias; it accepts every values file the chart ships.
   */
  formSchema: JsonSchema;
  formSchemaOrigin: SchemaOrigin;
  presets: PresetInfo[];
}

const decoder = new TextDecoder();
const PRESET = /^values-([A-Za-z0-9_.-]+)\.ya?ml$/;

/** Summarises a loaded chart. */
export function chartInfoFromChart(chart: Chart): ChartInfo {
  const raw = new Map(chart.raw.map((f) => [f.name, f.data]));
  let schema: unknown = null;
  if (chart.schema) {
    try {
      schema = JSON.parse(decoder.decode(chart.schema));
    } catch {
      schema = null;
    }
  }
  const presets: PresetInfo[] = [];
  for (const f of chart.files) {
    const m = PRESET.exec(f.name);
    if (m) presets.push({ id: m[1], file: f.name, text: decoder.decode(f.data) });
  }
  presets.sort((a, b) => presetRank(a.id) - presetRank(b.id) || a.id.localeCompare(b.id));
  const md = chart.metadata;
  const form = chartFormSchema(chart);
  return {
    name: md.name,
    version: md.version,
    appVersion: md.appVersion,
    description: md.description,
    dependencies: (md.dependencies ?? [])
      .filter((d) => d !== null)
      .map((d) => ({ name: d.name, alias: d.alias, version: d.version, repository: d.repository, condition: d.condition })),
    bundledDependencies: chart.dependencies.map((d) => d.metadata.name),
    defaultsText: raw.has('values.yaml') ? decoder.decode(raw.get('values.yaml')) : '',
    schema,
    formSchema: form.schema,
    formSchemaOrigin: form.origin,
    presets,
  };
}

// Development-like presets first, then production-like ones, then the rest alphabetically.
const ORDER = ['local', 'dev', 'development', 'staging', 'production', 'prod'];
function presetRank(id: string): number {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.length : i;
}
