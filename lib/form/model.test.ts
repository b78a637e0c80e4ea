import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFormModel, errorOwner, errorsByOwner, humanizeKey, type FormField, type JsonSchema } from './index';
import { pathKeys } from '../helm';
import { schemaSecretFields } from '../share';
import { hinted, plain, withRefs } from '../../tests/form/schemas';

const chartSchema = (chart: string) =>
  JSON.parse(readFileSync(`charts/${chart}/values.schema.json`, 'utf8')) as JsonSchema;

describe('buildFormModel: widgets and field properties', () => {
  const rows: [string, JsonSchema, string, Partial<FormField>][] = [
    ['integer keeps its kind', plain, 'replicaCount', { widget: 'integer', label: 'Replica count', default: 1, minimum: 1 }],
    ['nested object is a fieldset', plain, 'image', { widget: 'object' }],
    ['required child', plain, 'image.repository', { widget: 'text', required: true, minLength: 1 }],
    ['optional child', plain, 'image.pullPolicy', { widget: 'select', required: false }],
    ['boolean with a default is a switch', plain, 'debug', { widget: 'switch' }],
    ['boolean without a default may stay unset', plain, 'install', { widget: 'tristate' }],
    ['number', plain, 'ratio', { widget: 'number' }],
    ['map of strings', plain, 'podAnnotations', { widget: 'key-value', itemTypes: ['string'] }],
    ['list of strings', plain, 'args', { widget: 'list', itemTypes: ['string'] }],
    ['list of objects with properties', plain, 'ports', { widget: 'array' }],
    ['object without properties is YAML', plain, 'affinity', { widget: 'yaml' }],
    ['list of untyped objects is YAML', plain, 'extraEnv', { widget: 'yaml' }],
    ['integer-or-string is text', plain, 'minAvailable', { widget: 'text', types: ['integer', 'string'] }],
    ['widget hint', plain, 'notes', { widget: 'textarea' }],
    ['advanced hint', hinted, 'tuning', { advanced: true }],
    ['hidden hint', hinted, 'internal', { hidden: true }],
    ['secret hints', hinted, 'db.auth.password', { secret: true, generate: 'password', existingSecret: ['db', 'auth', 'existingSecret'] }],
    ['$ref resolved, siblings win', withRefs, 'resources', { widget: 'object', label: 'Resources', advanced: true }],
    ['$ref inside $ref', withRefs, 'resources.limits.cpu', { widget: 'text', types: ['string', 'number'], pattern: '^[0-9.]+[a-zA-Z]*$' }],
  ];
  it.each(rows)('%s', (_name, schema, id, expected) => {
    const field = buildFormModel(schema).fieldsById.get(id);
    expect(field).toBeDefined();
    expect(field).toMatchObject(expected);
    expect(field!.path).toEqual(id.split('.'));
  });

  it('enum options keep their values and label the empty one', () => {
    const schema: JsonSchema = { properties: { preset: { type: 'string', enum: ['', 'soft', 'hard'] } } };
    expect(buildFormModel(schema).fieldsById.get('preset')!.options).toEqual([
      { value: '', label: '(none)' },
      { value: 'soft', label: 'soft' },
      { value: 'hard', label: 'hard' },
    ]);
  });

  it('array item fields are relative to the item', () => {
    const ports = buildFormModel(plain).fieldsById.get('ports')!;
    expect(ports.itemFields!.map((f) => [f.id, f.widget, f.required])).toEqual([
      ['name', 'text', false],
      ['port', 'integer', true],
    ]);
  });

  it('mode switch is kept on the object whose field it names', () => {
    const db = buildFormModel(hinted).fieldsById.get('db')!;
    expect(db.mode?.field).toBe('enabled');
    expect(db.mode?.options.map((o) => o.label)).toEqual(['Bundled', 'External']);
  });
});

describe('buildFormModel: sections', () => {
  it('without hints: one section per top-level key, in key order', () => {
    const model = buildFormModel(plain);
    expect(model.sections.map((s) => s.id)).toEqual(Object.keys(plain.properties!));
    expect(model.sections[1]).toMatchObject({ title: 'Image', fields: [{ id: 'image', flatten: true }] });
  });

  it('declared sections in order, empty ones dropped, unassigned keys get their own, order hint sorts', () => {
    const model = buildFormModel(hinted);
    expect(model.sections.map((s) => [s.id, s.title, s.fields.map((f) => f.id)])).toEqual([
      ['db', 'Database', ['db']],
      ['main', 'Main', ['replicas', 'name', 'internal', 'tuning']],
      ['loose', 'Loose', ['loose']],
    ]);
    expect(model.sections[0].fields[0].flatten).toBe(true);
  });

  it('humanizes keys', () => {
    expect(['imagePullPolicy', 'targetCPUUtilizationPercentage', 'cloudnative-pg', 'podIP', 'cpu', 'apiUrl'].map(humanizeKey)).toEqual([
      'Image pull policy',
      'Target CPU utilization percentage',
      'Cloudnative pg',
      'Pod IP',
      'CPU',
      'API URL',
    ]);
  });
});

/** Longest prefix of `path` the schema describes through `properties` (and object-array items). */
function describedPrefix(schema: JsonSchema, path: string[]): string[] {
  const model = buildFormModel(schema);
  const out: string[] = [];
  let field: FormField | undefined = model.fieldsById.get(path[0]);
  if (!field) return out;
  out.push(path[0]);
  for (let i = 1; i < path.length && field; i++) {
    if (field.widget === 'object') {
      field = field.children!.find((c) => c.key === path[i]);
      if (field) out.push(path[i]);
    } else if (field.widget === 'array' && /^[0-9]+$/.test(path[i])) {
      const item: FormField | undefined = field.itemFields!.find((c) => c.key === path[i + 1]);
      if (!item) break;
      out.push(path[i], path[i + 1]);
      field = item;
      i++;
    } else break;
  }
  return out;
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(value) && value.length > 0) return value.flatMap((v, i) => leafPaths(v, [...prefix, String(i)]));
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

describe.each(['aeterna', 'verta'])('the %s chart', (chart) => {
  const schema = chartSchema(chart);
  const model = buildFormModel(schema);
  const values = parse(readFileSync(`charts/${chart}/values.yaml`, 'utf8'), { version: '1.1' });
  const leaves = leafPaths(values);

  it('every leaf of values.yaml the schema describes has its field', () => {
    const missing: string[] = [];
    for (const leaf of leaves) {
      const described = describedPrefix(schema, leaf).join('.');
      if (described === '' || errorOwner(model, leaf) !== described) missing.push(leaf.join('.'));
    }
    expect(missing).toEqual([]);
    expect(leaves.length).toBeGreaterThan(100);
  });

  it('every top-level key of values.yaml lands in a section', () => {
    const placed = new Set(model.sections.flatMap((s) => s.fields.map((f) => f.key)));
    expect(Object.keys(values).filter((k) => !placed.has(k))).toEqual([]);
  });

  it('every schema leaf is a field with a label', () => {
    const unlabeled = [...model.fieldsById.values()].filter((f) => !f.label);
    expect(unlabeled).toEqual([]);
  });
});

describe('the aeterna chart in detail', () => {
  const model = buildFormModel(chartSchema('aeterna'));
  const get = (id: string) => model.fieldsById.get(id)!;

  it('sections follow the hints', () => {
    expect(model.sections.map((s) => s.id)).toEqual(['app', 'secrets', 'redis', 'postgresql', 'qdrant', 'network', 'operations']);
  });

  it.each(['redis', 'postgresql', 'qdrant'])('%s has a Bundled/External switch', (dep) => {
    expect(get(dep).mode?.options.map((o) => [o.label, o.value])).toEqual([
      ['Bundled', true],
      ['External', false],
    ]);
    expect(get(dep).flatten).toBe(true);
  });

  it.each([
    ['secrets.localKmsKey', 'base64-32', 'secrets.existingSecret'],
    ['postgresql.external.password', 'password', 'postgresql.external.existingSecret'],
    ['qdrant.external.apiKey', undefined, 'qdrant.existingSecret'],
  ])('%s is a secret (generate %s, existing Secret %s)', (id, generate, existing) => {
    expect(get(id)).toMatchObject({ secret: true, existingSecret: existing.split('.') });
    expect(get(id).generate).toBe(generate);
  });

  it('operator.install may stay unset; integers stay integers', () => {
    expect(get('postgresql.operator.install').widget).toBe('tristate');
    expect(get('aeterna.replicas').widget).toBe('integer');
    expect(get('ingress.hosts').itemFields!.map((f) => [f.key, f.widget])).toEqual([
      ['host', 'text'],
      ['paths', 'array'],
    ]);
  });
});

describe('field ids of keys with dots in them', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      podAnnotations: { type: 'object', properties: { 'prometheus.io/scrape': { type: 'string' }, prometheus: { type: 'object', properties: { 'io/scrape': { type: 'string' } } } } },
    },
  };
  const model = buildFormModel(schema);
  const dotted = model.fieldsById.get('podAnnotations.prometheus\\.io/scrape');

  it('escape the dot, so the id names one path and gives its keys back', () => {
    expect(dotted?.path).toEqual(['podAnnotations', 'prometheus.io/scrape']);
    expect(pathKeys(dotted!.id)).toEqual(['podAnnotations', 'prometheus.io/scrape']);
    // The key `prometheus` holding `io/scrape` is another field, with another id.
    const nested = model.fieldsById.get('podAnnotations.prometheus.io/scrape');
    expect(nested?.path).toEqual(['podAnnotations', 'prometheus', 'io/scrape']);
    expect(nested?.id).not.toBe(dotted?.id);
  });

  it('an error under a key with a dot belongs to that key’s field', () => {
    expect(errorOwner(model, ['podAnnotations', 'prometheus.io/scrape'])).toBe(dotted?.id);
  });

  it('errors by escaped path go to that key’s field; under a value edited whole, they name the key escaped', () => {
    expect(errorsByOwner(model, { 'podAnnotations.prometheus\\.io/scrape': ['got number, want string'] })).toEqual({ 'podAnnotations.prometheus\\.io/scrape': ['got number, want string'] });
    expect(errorsByOwner(model, { 'podAnnotations.prometheus.io/scrape': ['too long'] })).toEqual({ 'podAnnotations.prometheus.io/scrape': ['too long'] });
    const labels = buildFormModel({ type: 'object', properties: { labels: { type: 'object', additionalProperties: { type: 'string' } } } });
    expect(errorsByOwner(labels, { 'labels.app\\.kubernetes\\.io/name': ['got number, want string'] })).toEqual({ labels: ['app\\.kubernetes\\.io/name: got number, want string'] });
  });
});

describe('existingSecret hints name a values path', () => {
  // Written as everywhere in chartroom: a dot inside a key escaped (`auth.config\.d.existing`).
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      password: { type: 'string', 'x-chartroom': { secret: true, existingSecret: 'auth.config\\.d.existing' } },
    },
  };

  it('is read with its escaped dots as one key, by the form and by the share codec', () => {
    expect(buildFormModel(schema).fieldsById.get('password')?.existingSecret).toEqual(['auth', 'config.d', 'existing']);
    expect(schemaSecretFields(schema)[0].existingSecret).toEqual(['auth', 'config.d', 'existing']);
  });
});
