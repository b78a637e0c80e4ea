/**
 * Opening a configuration made for another version of a chart (or another chart): which of its
 * values no longer apply, as notices for people rather than errors.
 */
import type { Chart } from '../helm';
import { resolveNode, type JsonSchema, formatPath, type ValuePath } from '../form';
import type { ChartroomConfig } from './config';
import { valuesOf } from './secrets';


/** What a configuration is checked against: the chart the user has open now. */
export interface ChartContext {
  name: string;
  version: string;
  /** The chart's default values, as plain JS. */
  defaults: Record<string, unknown>;
  /** values.schema.json, parsed. */
  schema?: unknown;
  /** Top-level keys passed on to subcharts (dependency names or aliases, `global`): any key may sit below them. */
  passThrough?: string[];
}

export interface CompatReport {
  /** The configuration names this chart. */
  sameChart: boolean;
  /** It was made for another version of this chart. */
  versionChanged: boolean;
  /** Values paths that exist neither in the chart's schema nor in its defaults, per file (`values` or `environments.<name>`). */
  unknownPaths: string[];
  /** Sentences to show, empty when everything applies as it is. */
  notices: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The chart context of a loaded chart (defaults read from its values.yaml). */
export function chartContext(chart: Chart): ChartContext {
  const file = chart.raw.find((f) => f.name === 'values.yaml');
  let defaults: Record<string, unknown> = {};
  try {
    if (file) defaults = valuesOf(new TextDecoder().decode(file.data));
  } catch {
    defaults = {};
  }
  let schema: unknown;
  try {
    schema = chart.schema ? JSON.parse(new TextDecoder().decode(chart.schema)) : undefined;
  } catch {
    schema = undefined;
  }
  const passThrough = ['global', ...(chart.metadata.dependencies ?? []).flatMap((d) => (d ? [d.alias || d.name] : []))];
  return { name: chart.metadata.name, version: chart.metadata.version, defaults, schema, passThrough };
}

/** What the schema and the defaults say about the keys allowed under one node. */
interface Known {
  schema?: JsonSchema;
  defaults?: unknown;
}

/** Whether a node accepts keys it does not list (free-form maps such as `podAnnotations`). */
function openMap(k: Known): boolean {
  const s = k.schema;
  const schemaListsKeys = !!s && !!s.properties && Object.keys(s.properties).length > 0;
  const schemaOpen = !!s && (isRecord(s.additionalProperties) || (!s.properties && s.additionalProperties !== false));
  const defaultsListKeys = isRecord(k.defaults) && Object.keys(k.defaults).length > 0;
  if (schemaListsKeys || defaultsListKeys) return false;
  return schemaOpen || !s || isRecord(k.defaults);
}

/** Paths in `values` that the chart does not know. */
export function unknownValuePaths(values: unknown, ctx: ChartContext): ValuePath[] {
  const root = isRecord(ctx.schema) ? (ctx.schema as JsonSchema) : undefined;
  const out: ValuePath[] = [];
  const walk = (v: unknown, path: ValuePath, known: Known) => {
    if (!isRecord(v)) return;
    if (openMap(known)) return;
    const node = known.schema ? resolveNode(root!, known.schema) : undefined;
    for (const [key, child] of Object.entries(v)) {
      if (path.length === 0 && ctx.passThrough?.includes(key)) continue;
      const inSchema = node?.properties?.[key];
      const inDefaults = isRecord(known.defaults) && key in known.defaults;
      const viaAdditional = node && isRecord(node.additionalProperties) ? (node.additionalProperties as JsonSchema) : undefined;
      if (!inSchema && !inDefaults && !viaAdditional) {
        out.push([...path, key]);
        continue;
      }
      const childSchema = inSchema ?? viaAdditional;
      walk(child, [...path, key], {
        schema: childSchema ? resolveNode(root!, childSchema) : undefined,
        defaults: isRecord(known.defaults) ? known.defaults[key] : undefined,
      });
    }
  };
  walk(values, [], { schema: root ? resolveNode(root, root) : undefined, defaults: ctx.defaults });
  return out;
}

/**
 * Checks a configuration against the chart that is open now: another chart is reported, a
 * different version and the values it no longer has become notices. Values texts that are not
 * valid YAML are reported too (the editor shows where).
 */
export function checkAgainstChart(config: ChartroomConfig, ctx: ChartContext): CompatReport {
  const notices: string[] = [];
  const sameChart = config.chart.name === ctx.name;
  const versionChanged = sameChart && config.chart.version !== ctx.version;
  if (!sameChart) notices.push(`This configuration was made for the chart "${config.chart.name}", not "${ctx.name}".`);
  const unknownPaths: string[] = [];
  const files: [string, string][] = [['values', config.values], ...(config.environments ?? []).map((e): [string, string] => [`environments.${e.name}`, e.values])];
  for (const [label, text] of files) {
    let values: unknown;
    try {
      values = valuesOf(text);
    } catch (e) {
      notices.push(`${label}: ${(e as Error).message}`);
      continue;
    }
    for (const p of unknownValuePaths(values, ctx)) unknownPaths.push(`${label}: ${formatPath(p)}`);
  }
  if (versionChanged) {
    notices.push(
      unknownPaths.length > 0
        ? `This configuration was made for ${config.chart.name} ${config.chart.version}; you have ${ctx.version} open. These values no longer apply and are ignored by the chart: ${unknownPaths.join(', ')}.`
        : `This configuration was made for ${config.chart.name} ${config.chart.version}; you have ${ctx.version} open. All of its values still apply.`,
    );
  } else if (unknownPaths.length > 0) {
    notices.push(`These values are not options of ${ctx.name} ${ctx.version} and are ignored by the chart: ${unknownPaths.join(', ')}.`);
  }
  return { sameChart, versionChanged, unknownPaths, notices };
}
