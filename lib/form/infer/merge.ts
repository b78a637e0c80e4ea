/**
 * The schema the form and the editor use for a chart: its own values.schema.json where it has
 * one, with what values.yaml comments say filling in descriptions and sections it lacks;
 * otherwise the schema inferred from values.yaml. Subcharts become sections under their alias
 * (from their own schema or inferred from their values), and the result accepts every values
 * file the chart ships.
 */
import type { ChartroomHints, JsonSchema, SectionHint } from '../schema';
import { acceptShipped, coalesceOver } from './accept';
import { inferFromValues, readValuesText, widenForSample } from './infer';

/** What a chart says about its values. */
export interface ChartValuesSource {
  /** values.yaml as written. */
  valuesText: string;
  /** values.schema.json parsed, or null. */
  declared: unknown;
  /** Values files the chart ships besides values.yaml (`ci/*.yaml`, `values-*.yaml`). */
  samples: { file: string; text: string }[];
  /** Subcharts under the key their values sit at (alias or name). */
  subcharts: { key: string; source: ChartValuesSource }[];
}

/** Where the schema came from. */
export type SchemaOrigin = 'declared' | 'inferred';

export interface EffectiveSchema {
  schema: JsonSchema;
  origin: SchemaOrigin;
  /** Locations of keywords removed because a file the chart ships breaks them. */
  dropped: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hintsOf(node: JsonSchema): ChartroomHints | undefined {
  return isRecord(node['x-chartroom']) ? (node['x-chartroom'] as ChartroomHints) : undefined;
}

/**
 * `primary` with what `secondary` adds: descriptions and hints it lacks and, with
 * `addProperties`, properties it does not declare where it leaves objects open. Nothing
 * `primary` says is changed.
 */
export function fillSchema(primary: JsonSchema, secondary: JsonSchema, withSections: boolean, addProperties = false): JsonSchema {
  const out: JsonSchema = { ...primary };
  if (!out.description && typeof secondary.description === 'string') out.description = secondary.description;
  const theirs = hintsOf(secondary);
  if (theirs) {
    const mine: ChartroomHints = { ...(hintsOf(primary) ?? {}) };
    const keys: (keyof ChartroomHints)[] = withSections ? ['advanced', 'widget', 'section'] : ['advanced', 'widget'];
    for (const key of keys) {
      if (mine[key] === undefined && theirs[key] !== undefined) (mine as Record<string, unknown>)[key] = theirs[key];
    }
    if (Object.keys(mine).length) out['x-chartroom'] = mine;
  }
  const open = addProperties && primary.additionalProperties !== false && !primary.patternProperties;
  if (secondary.properties && (primary.properties || open)) {
    const props: Record<string, JsonSchema> = { ...(primary.properties ?? {}) };
    for (const [k, v] of Object.entries(secondary.properties)) {
      if (props[k] && isRecord(props[k])) props[k] = fillSchema(props[k], v, withSections, addProperties);
      else if (!props[k] && open) props[k] = v;
    }
    out.properties = props;
  }
  if (isRecord(primary.items) && isRecord(secondary.items)) {
    out.items = fillSchema(primary.items as JsonSchema, secondary.items as JsonSchema, withSections, addProperties);
  }
  return out;
}

function sampleValues(source: ChartValuesSource): unknown[] {
  const out: unknown[] = [];
  for (const s of source.samples) {
    const read = readValuesText(s.text);
    if (read) out.push(read.values);
  }
  return out;
}

function withoutRootKeywords(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _id, title: _t, required: _r, 'x-chartroom': _hints, ...rest } = schema;
  return rest;
}

function declaredObject(declared: unknown): JsonSchema | null {
  return isRecord(declared) ? (declared as JsonSchema) : null;
}

function valueAt(values: unknown, key: string): unknown {
  return isRecord(values) && isRecord(values[key]) ? values[key] : undefined;
}

interface Combined {
  schema: JsonSchema;
  origin: SchemaOrigin;
  dropped: string[];
}

/**
 * The chart's schema: declared (filled in from comments) or inferred, subcharts in. The inferred
 * part accepts the chart's defaults, its shipped files and what a parent chart sets for it
 * (`overrides`); a declared schema is the chart's own word and is not loosened.
 */
function combine(source: ChartValuesSource, overrides: unknown[]): Combined {
  const defaults = readValuesText(source.valuesText)?.values ?? {};
  const samples = [...sampleValues(source), ...overrides];
  let inferred = inferFromValues(source.valuesText);
  for (const sample of samples) inferred = widenForSample(inferred, sample);
  const accepted = acceptShipped(inferred, [defaults, ...samples.map((s) => coalesceOver(defaults, s))]);
  inferred = accepted.schema;
  const declared = declaredObject(source.declared);
  const declaredSections = declared ? hintsOf(declared)?.sections : undefined;
  let schema: JsonSchema;
  if (declared) {
    // Keys the schema leaves open (no `additionalProperties: false`) get fields too.
    schema = fillSchema(declared, inferred, !declaredSections, true);
    if (!declaredSections && hintsOf(inferred)?.sections) {
      schema['x-chartroom'] = { ...(hintsOf(declared) ?? {}), sections: hintsOf(inferred)!.sections };
    }
  } else {
    schema = inferred;
  }
  const origin: SchemaOrigin = declared ? 'declared' : 'inferred';
  const dropped = declared ? [] : accepted.dropped;
  if (source.subcharts.length === 0) return { schema, origin, dropped };
  const properties: Record<string, JsonSchema> = { ...(schema.properties ?? {}) };
  const sections: SectionHint[] = [...(hintsOf(schema)?.sections ?? [])];
  for (const { key, source: subSource } of source.subcharts) {
    const parentSets = [defaults, ...samples].map((v) => valueAt(v, key)).filter((v) => v !== undefined);
    const combined = combine(subSource, parentSets);
    dropped.push(...combined.dropped.map((p) => `${key}:${p}`));
    const sub = withoutRootKeywords(combined.schema);
    const subGlobal = sub.properties?.global;
    const mine = properties[key];
    const declaredHere = declared?.properties?.[key];
    // The subchart's schema decides, unless the parent declares this key itself; what the
    // parent's values add to an inferred subchart schema is kept.
    let node = declaredHere ? fillSchema(mine, sub, false) : mine ? fillSchema(sub, mine, false, combined.origin === 'inferred') : sub;
    node = { ...node, 'x-chartroom': { ...(hintsOf(node) ?? {}), section: key } };
    properties[key] = node;
    if (!sections.some((s) => s.id === key)) sections.push({ id: key, title: `${key} (subchart)` });
    if (subGlobal && isRecord(subGlobal)) {
      properties.global = properties.global ? fillSchema(properties.global, subGlobal, false, !declared?.properties?.global) : subGlobal;
    }
  }
  if (properties.global && !sections.some((s) => s.id === 'global') && sections.length) {
    properties.global = { ...properties.global, 'x-chartroom': { ...(hintsOf(properties.global) ?? {}), section: 'global' } };
    sections.push({ id: 'global', title: 'Global' });
  }
  const out: JsonSchema = { ...schema, properties };
  if (sections.length) out['x-chartroom'] = { ...(hintsOf(schema) ?? {}), sections };
  return { schema: out, origin, dropped };
}

/**
 * The declared-or-inferred schema of a chart. Whatever was inferred accepts the chart's
 * defaults and every values file it ships; a declared schema stays as strict as the chart made it.
 */
export function effectiveSchema(source: ChartValuesSource): EffectiveSchema {
  return combine(source, []);
}

/** Keywords holding values, not schemas: copied as they are. */
const DATA_KEYWORDS = new Set(['default', 'enum', 'const', 'examples']);

/** The schema as a values.schema.json to contribute upstream: no chartroom hints. */
export function exportableSchema(schema: JsonSchema): JsonSchema {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!isRecord(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'x-chartroom') continue;
      if (DATA_KEYWORDS.has(k)) {
        out[k] = v;
        continue;
      }
      out[k] = k === 'properties' || k === 'definitions' || k === '$defs' || k === 'patternProperties'
        ? Object.fromEntries(Object.entries(isRecord(v) ? v : {}).map(([n, s]) => [n, strip(s)]))
        : strip(v);
    }
    return out;
  };
  return strip(schema) as JsonSchema;
}
