/**
 * A draft-07 schema inferred from a chart's values.yaml: types from the defaults, nesting, list
 * item shapes, and what the comments say (descriptions, sections, declared types, `@schema`
 * keywords, listed choices). Values the defaults leave open (`""`, `null`) get no type unless a
 * comment gives one, and nothing is closed (no `additionalProperties: false`, no `required`), so
 * the schema describes the chart without forbidding what its templates accept.
 */
import { isMap, isPair, isScalar, isSeq, parse as parseYaml, parseDocument, type Node, type Pair } from 'yaml';
import type { ChartroomHints, JsonSchema, JsonType } from '../schema';
import { commentBlockAbove, readFileDocs, readKeyComments, type FileDocs, type KeyDoc } from './comments';

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Keys whose settings few people change: shown folded under "Advanced". */
const ADVANCED_KEYS = /^(affinity|tolerations|nodeSelector|topologySpreadConstraints|podSecurityContext|securityContext|containerSecurityContext|(liveness|readiness|startup)Probe|lifecycle|initContainers|sidecars|extra[A-Z]\w*|hostAliases|priorityClassName|schedulerName|terminationGracePeriodSeconds|podDisruptionBudget|dnsConfig|dnsPolicy|hostNetwork|hostPID|hostIPC|runtimeClassName|revisionHistoryLimit|updateStrategy|strategy|kubeVersion|fullnameOverride|nameOverride|namespaceOverride|commonLabels|commonAnnotations|clusterDomain|diagnosticMode|automountServiceAccountToken|enableServiceLinks|podManagementPolicy)$/;
/** String maps by name: edited as key/value rows. */
const STRING_MAP_KEYS = /(annotations|labels|nodeSelector|selector|matchLabels)$/i;
/** Fields this deep (path length) are advanced. */
const ADVANCED_DEPTH = 4;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The JSON type of a plain value. */
export function typeOfValue(v: unknown): JsonType {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'object') return 'object';
  return 'string';
}

function typeList(node: JsonSchema): JsonType[] {
  if (Array.isArray(node.type)) return node.type;
  return typeof node.type === 'string' ? [node.type] : [];
}

function setTypes(node: JsonSchema, types: JsonType[]): void {
  const unique = [...new Set(types)];
  if (unique.length === 0) delete node.type;
  else node.type = unique.length === 1 ? unique[0] : unique;
}

function hints(node: JsonSchema): ChartroomHints {
  const h = node['x-chartroom'];
  if (isRecord(h)) return h as ChartroomHints;
  const fresh: ChartroomHints = {};
  node['x-chartroom'] = fresh;
  return fresh;
}

/** The schema a value implies, without comments: open for `""` and `null`. */
export function schemaOfValue(value: unknown): JsonSchema {
  if (value === null || value === undefined || value === '') return {};
  if (Array.isArray(value)) {
    const node: JsonSchema = { type: 'array' };
    let items: JsonSchema | undefined;
    for (const item of value) items = items ? unionSchemas(items, schemaOfValue(item)) : schemaOfValue(item);
    if (items && Object.keys(items).length > 0) node.items = items;
    return node;
  }
  if (isRecord(value)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [k, v] of Object.entries(value)) properties[k] = schemaOfValue(v);
    return Object.keys(properties).length ? { type: 'object', properties } : { type: 'object' };
  }
  return { type: typeOfValue(value) };
}

/** A schema that accepts what either accepts (as far as inferred schemas go). */
export function unionSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const ta = typeList(a);
  const tb = typeList(b);
  const out: JsonSchema = { ...a };
  // No type on either side means anything goes.
  if (ta.length === 0 || tb.length === 0) delete out.type;
  else setTypes(out, [...ta, ...tb]);
  if (a.properties || b.properties) {
    const props: Record<string, JsonSchema> = { ...(a.properties ?? {}) };
    for (const [k, v] of Object.entries(b.properties ?? {})) props[k] = props[k] ? unionSchemas(props[k], v) : v;
    out.properties = props;
  }
  const ia = isRecord(a.items) ? (a.items as JsonSchema) : undefined;
  const ib = isRecord(b.items) ? (b.items as JsonSchema) : undefined;
  if (ia && ib) out.items = unionSchemas(ia, ib);
  else if (ia || ib) out.items = ia ?? ib;
  if (a.enum || b.enum) {
    if (a.enum && b.enum) out.enum = [...new Set([...a.enum, ...b.enum])];
    else delete out.enum;
  }
  return out;
}

interface Walk {
  lines: string[];
  files: FileDocs;
  /** Sections of top-level keys, from nested keys' comments when the key itself has none. */
  topSections: Map<string, string>;
}

function lineOf(text: string, offset: number, starts: number[]): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function pairsByKey(node: Node | null | undefined): Map<string, Pair> {
  const out = new Map<string, Pair>();
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined) out.set(key, pair);
  }
  return out;
}

function applyDocs(node: JsonSchema, value: unknown, doc: KeyDoc, path: string[]): JsonSchema {
  let out = node;
  if (doc.description) out.description = doc.description;
  if (doc.types) {
    const own = value === null || value === undefined ? ['null' as JsonType] : [typeOfValue(value)];
    // A declared integer with a number default stays a number: the default must validate.
    setTypes(out, [...doc.types, ...own]);
  }
  if (doc.schema) {
    const { nullable, ...keywords } = doc.schema;
    out = { ...out, ...keywords };
    if (nullable === true && out.type) setTypes(out, [...typeList(out), 'null']);
  }
  if (doc.choices && typeof value === 'string' && doc.choices.includes(value) && !out.enum) {
    out.enum = doc.choices;
    if (!out.type) out.type = 'string';
  }
  if (doc.skipped) hints(out).advanced = true;
  if (doc.section && path.length === 1) hints(out).section = doc.section;
  return out;
}

function keyDoc(walk: Walk, pair: Pair | undefined, path: string[], starts: number[], text: string): KeyDoc {
  const fromFile = walk.files.byPath.get(path.join('.')) ?? {};
  const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
  if (!range) return fromFile;
  const line = lineOf(text, range[0], starts);
  const own = readKeyComments(commentBlockAbove(walk.lines, line), walk.lines[line]);
  // Prose comments only describe keys in files that use no documentation convention.
  const ownDescription = walk.files.styled && own.plain ? undefined : own.description;
  return {
    ...fromFile,
    ...own,
    description: fromFile.description ?? ownDescription,
    types: fromFile.types ?? own.types,
    section: own.section ?? fromFile.section,
    skipped: own.skipped || fromFile.skipped,
  };
}

/** Commented-out YAML lines as YAML text: `#` and the common indentation removed. */
function uncomment(block: readonly string[]): string {
  const bodies = block.map((l) => l.replace(/^\s*#/, ''));
  const indents = bodies.filter((b) => b.trim()).map((b) => /^ */.exec(b)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return bodies.map((b) => b.slice(cut)).join('\n');
}

function parseExample(text: string): unknown {
  try {
    return parseYaml(text, { version: '1.1' }) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * What a commented-out example says an empty default (`[]`, `{}`, null) holds: the comment lines
 * right below the key (indented under it, or list items), or a block above it that sets the key.
 */
function exampleFor(walk: Walk, keyLine: number, key: string, keyColumn: number): unknown {
  const below: string[] = [];
  for (let i = keyLine + 1; i < walk.lines.length && /^\s*#/.test(walk.lines[i]); i++) below.push(walk.lines[i]);
  if (below.length) {
    const column = below[0].indexOf('#');
    const text = uncomment(below);
    const value = parseExample(text);
    if (Array.isArray(value) && /^\s*-\s/.test(text)) return value;
    if (isRecord(value) && column > keyColumn) return key in value ? value[key] : value;
  }
  const above = commentBlockAbove(walk.lines, keyLine);
  // Only the YAML tail of the block: prose above an example is not part of it.
  for (let start = 0; start < above.length; start++) {
    const text = uncomment(above.slice(start));
    if (!new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`, 'm').test(text)) continue;
    const value = parseExample(text);
    if (isRecord(value) && key in value && value[key] !== null && typeof value[key] === 'object') return value[key];
  }
  return undefined;
}

/** An empty default's schema with the shape its example shows (no defaults: nothing is set). */
function withExample(schema: JsonSchema, value: unknown, example: unknown): JsonSchema {
  if (Array.isArray(value) && Array.isArray(example) && example.length && !schema.items) {
    const shape = schemaOfValue(example);
    return shape.items ? { ...schema, items: shape.items } : schema;
  }
  if (isRecord(value) && isRecord(example) && !schema.properties) {
    const shape = schemaOfValue(example);
    return shape.properties ? { ...schema, properties: shape.properties } : schema;
  }
  if (value === null && example !== undefined && example !== null && typeof example === 'object') {
    // A null default with an example keeps null allowed.
    const shape = schemaOfValue(example);
    return { ...schema, ...shape, type: [shape.type as JsonType, 'null'] };
  }
  return schema;
}

function isEmptyContainer(v: unknown): boolean {
  return v === null || (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);
}

function build(walk: Walk, value: unknown, node: Node | null | undefined, path: string[], ctx: { starts: number[]; text: string; inList?: boolean }): JsonSchema {
  if (isRecord(value)) {
    const pairs = pairsByKey(node);
    const properties: Record<string, JsonSchema> = {};
    for (const [key, child] of Object.entries(value)) {
      const pair = pairs.get(key);
      const childPath = [...path, key];
      let schema = build(walk, child, pair?.value as Node | null | undefined, childPath, ctx);
      const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange && isEmptyContainer(child)) {
        const line = lineOf(ctx.text, keyRange[0], ctx.starts);
        const example = exampleFor(walk, line, key, keyRange[0] - ctx.starts[line]);
        if (example !== undefined) schema = withExample(schema, child, example);
      }
      const doc = keyDoc(walk, pair, childPath, ctx.starts, ctx.text);
      schema = applyDocs(schema, child, doc, childPath);
      if (doc.section && path.length > 0 && !walk.topSections.has(path[0])) walk.topSections.set(path[0], doc.section);
      if (ADVANCED_KEYS.test(key) || childPath.length >= ADVANCED_DEPTH) hints(schema).advanced = true;
      if (isRecord(child) && Object.keys(child).length === 0 && STRING_MAP_KEYS.test(key)) hints(schema).widget = 'key-value';
      properties[key] = schema;
    }
    return Object.keys(properties).length ? { type: 'object', properties } : { type: 'object' };
  }
  if (Array.isArray(value)) {
    const seq = isSeq(node) ? node : undefined;
    let items: JsonSchema | undefined;
    value.forEach((item, i) => {
      const s = build(walk, item, seq?.items[i] as Node | undefined, [...path, String(i)], { ...ctx, inList: true });
      items = items ? unionSchemas(items, s) : s;
    });
    const out: JsonSchema = { type: 'array' };
    if (items && Object.keys(items).length) out.items = items;
    return out;
  }
  // Scalars carry their default (list items do not: one item's value is no default for others).
  const scalar = schemaOfValue(value);
  if (!ctx.inList) scalar.default = value ?? null;
  return scalar;
}

/** Values and the YAML document of a values file; null when it does not parse to a map. */
export function readValuesText(text: string): { values: Record<string, unknown>; doc: ReturnType<typeof parseDocument> } | null {
  const doc = parseDocument(text, { version: '1.1', prettyErrors: false });
  if (doc.errors.length) return null;
  let values: unknown;
  try {
    values = doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return null;
  }
  if (values === null || values === undefined) return { values: {}, doc };
  return isRecord(values) ? { values, doc } : null;
}

/**
 * The schema values.yaml implies. Sections named by comments become the root's
 * `x-chartroom.sections` in file order; top-level scalars without a section share "General".
 */
export function inferFromValues(text: string): JsonSchema {
  const read = readValuesText(text);
  const root: JsonSchema = { $schema: DRAFT_07, type: 'object' };
  if (!read) return root;
  const lines = text.split('\n');
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const walk: Walk = { lines, files: readFileDocs(lines), topSections: new Map() };
  const built = build(walk, read.values, read.doc.contents as Node | null, [], { starts, text });
  if (built.properties) root.properties = built.properties;
  const sectionIds: string[] = [...walk.files.sections];
  let general = false;
  for (const [key, prop] of Object.entries(root.properties ?? {})) {
    const h = isRecord(prop['x-chartroom']) ? (prop['x-chartroom'] as ChartroomHints) : undefined;
    let section = h?.section ?? walk.topSections.get(key);
    const scalar = !typeList(prop).some((t) => t === 'object' || t === 'array');
    if (!section && scalar && key !== 'global') {
      section = 'General';
      general = true;
    }
    if (section) {
      hints(prop).section = section;
      if (!sectionIds.includes(section)) sectionIds.push(section);
    }
  }
  if (sectionIds.length) {
    const ordered = general ? ['General', ...sectionIds.filter((s) => s !== 'General')] : sectionIds;
    root['x-chartroom'] = { sections: ordered.map((id) => ({ id, title: id })) };
  }
  return root;
}

/**
 * Widens an inferred schema so a sample (a chart's `ci/` or `values-*.yaml` values) fits: types
 * gain the sample's, keys only the sample sets join with the schema its value implies.
 */
export function widenForSample(node: JsonSchema, sample: unknown): JsonSchema {
  const types = typeList(node);
  const out: JsonSchema = { ...node };
  const t = typeOfValue(sample);
  if (types.length && !types.includes(t) && !(t === 'number' && types.includes('integer') && Number.isInteger(sample))) {
    setTypes(out, [...types, t]);
  }
  if (out.enum && !out.enum.some((e) => e === sample)) delete out.enum;
  if (isRecord(sample)) {
    const props: Record<string, JsonSchema> = { ...(out.properties ?? {}) };
    for (const [k, v] of Object.entries(sample)) {
      // null removes a default in Helm; it says nothing about the key's type.
      if (v === null) continue;
      props[k] = props[k] ? widenForSample(props[k], v) : schemaOfValue(v);
    }
    if (Object.keys(props).length) out.properties = props;
  } else if (Array.isArray(sample) && isRecord(out.items)) {
    let items = out.items as JsonSchema;
    for (const item of sample) items = widenForSample(items, item);
    out.items = items;
  } else if (Array.isArray(sample) && sample.length && typeList(out).includes('array') && !out.items) {
    // An empty default list: the sample shows what its items look like.
    let items: JsonSchema | undefined;
    for (const item of sample) items = items ? unionSchemas(items, schemaOfValue(item)) : schemaOfValue(item);
    if (items) out.items = items;
  }
  return out;
}
