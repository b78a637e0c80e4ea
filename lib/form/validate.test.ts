import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFormModel, errorsByOwner, validateValues, type JsonSchema } from './index';
import { hinted, plain, withRefs } from '../../tests/form/schemas';

const chartSchema = (chart: string) =>
  JSON.parse(readFileSync(`charts/${chart}/values.schema.json`, 'utf8')) as JsonSchema;
const chartValues = (chart: string) =>
  parse(readFileSync(`charts/${chart}/values.yaml`, 'utf8'), { version: '1.1' }) as Record<string, unknown>;

/** values with one path replaced (a copy; `undefined` deletes). */
function setIn(values: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const out = structuredClone(values);
  const keys = path.split('.');
  let node = out as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete node[keys[keys.length - 1]];
  else node[keys[keys.length - 1]] = value;
  return out;
}

describe('validateValues: paths and messages', () => {
  const rows: [string, JsonSchema, unknown, Record<string, string[]>][] = [
    ['valid', plain, { replicaCount: 2, image: { repository: 'x' } }, {}],
    ['required attaches to the missing key', plain, { image: {} }, { 'image.repository': ['Required.'] }],
    ['integer type', plain, { replicaCount: 1.5 }, { replicaCount: ['Must be a whole number.'] }],
    ['string type', plain, { image: { repository: 3 } }, { 'image.repository': ['Must be text.'] }],
    ['several types', withRefs, { resources: { limits: { cpu: true } } }, { 'resources.limits.cpu': ['Must be text or a number.'] }],
    ['pattern through $ref', withRefs, { resources: { limits: { cpu: '1 core' } } }, { 'resources.limits.cpu': ['Does not have the expected format (^[0-9.]+[a-zA-Z]*$).'] }],
    ['minimum', plain, { replicaCount: 0 }, { replicaCount: ['Must be at least 1.'] }],
    ['maximum inside an array item', plain, { ports: [{ port: 70000 }] }, { 'ports.0.port': ['Must be at most 65535.'] }],
    ['required inside an array item', plain, { ports: [{ name: 'x' }] }, { 'ports.0.port': ['Required.'] }],
    ['enum', plain, { image: { repository: 'x', pullPolicy: 'Sometimes' } }, { 'image.pullPolicy': ['Must be one of: Always, IfNotPresent.'] }],
    ['minLength 1 reads as empty', plain, { image: { repository: '' } }, { 'image.repository': ['Must not be empty.'] }],
    ['map value type', plain, { podAnnotations: { a: 1 } }, { 'podAnnotations.a': ['Must be text.'] }],
    ['if/then failure lands on the failing field', hinted, { db: { enabled: false, external: { host: '' } } }, { 'db.external.host': ['Must not be empty.'] }],
    ['if/then required lands on the missing field', hinted, { db: { enabled: false, external: {} } }, { 'db.external.host': ['Required.'] }],
    ['if/then not triggered', hinted, { db: { enabled: true, external: { host: '' } } }, {}],
    ['root required', hinted, {}, { db: ['Required.'] }],
    ['not required: the key must not be set', { properties: { redis: { not: { required: ['persistence'] } } } }, { redis: { persistence: {} } }, { 'redis.persistence': ['Must not be set here.'] }],
    ['format', { properties: { mail: { type: 'string', format: 'email' } } }, { mail: 'nope' }, { mail: ['Must be an email address.'] }],
    ['minItems', { properties: { l: { type: 'array', minItems: 1 } } }, { l: [] }, { l: ['Add at least one entry.'] }],
  ];
  it.each(rows)('%s', (_name, schema, values, expected) => {
    expect(validateValues(schema, values)).toEqual(expected);
  });

  it('reports a broken schema on the root instead of throwing', () => {
    const errors = validateValues({ type: 'object', properties: { a: { type: 'nonsense' as 'string' } } }, {});
    expect(Object.keys(errors)).toEqual(['']);
    expect(errors[''][0]).toMatch(/not valid/);
  });
});

describe('validateValues on the real charts', () => {
  it('the aeterna defaults are valid', () => {
    expect(validateValues(chartSchema('aeterna'), chartValues('aeterna'))).toEqual({});
  });

  it('the verta defaults ask for what only the user knows', () => {
    expect(validateValues(chartSchema('verta'), chartValues('verta'))).toEqual({
      'frontend.tenantSlug': ['Must not be empty.'],
      'secrets.databaseUrl': ['Must not be empty.', 'Does not have the expected format (^mysql://).'],
      'secrets.discordToken': ['Must not be empty.'],
    });
  });

  const aeterna = chartSchema('aeterna');
  const defaults = chartValues('aeterna');
  const rows: [string, [string, unknown][], Record<string, string[]>][] = [
    ['postgresql.external.host is required when postgresql.enabled=false', [['postgresql.enabled', false], ['postgresql.external.username', 'app']], { 'postgresql.external.host': ['Must not be empty.'] }],
    ['and so is the user', [['postgresql.enabled', false], ['postgresql.external.host', 'db']], { 'postgresql.external.username': ['Must not be empty.'] }],
    ['a missing host is required, not empty', [['postgresql.enabled', false], ['postgresql.external.host', undefined], ['postgresql.external.username', 'app']], { 'postgresql.external.host': ['Required.'] }],
    ['external PostgreSQL complete', [['postgresql.enabled', false], ['postgresql.external.host', 'db'], ['postgresql.external.username', 'app']], {}],
    ['redis external host', [['redis.enabled', false]], { 'redis.external.host': ['Must not be empty.'] }],
    ['kms aws needs an ARN', [['aeterna.kms.provider', 'aws']], { 'aeterna.kms.awsKeyArn': ['Must not be empty.'] }],
    ['ingress needs a host when enabled', [['ingress.enabled', true], ['ingress.hosts', []]], { 'ingress.hosts': ['Add at least one entry.'] }],
    ['replicas stay integers', [['aeterna.replicas', 2.5]], { 'aeterna.replicas': ['Must be a whole number.'] }],
    ['the KMS key is base64 of 32 bytes', [['secrets.localKmsKey', 'short']], { 'secrets.localKmsKey': ['Does not have the expected format (^([A-Za-z0-9+/]{43}=)?$).'] }],
  ];
  it.each(rows)('aeterna: %s', (_name, edits, expected) => {
    let values = defaults;
    for (const [path, value] of edits) values = setIn(values, path, value);
    expect(validateValues(aeterna, values)).toEqual(expected);
  });

  it('every aeterna error path maps onto a field of the form', () => {
    const model = buildFormModel(aeterna);
    let values = setIn(defaults, 'postgresql.enabled', false);
    values = setIn(values, 'aeterna.kms.provider', 'aws');
    values = setIn(values, 'ingress.hosts', [{ host: '', paths: [{ pathType: 'Prefix' }] }]);
    values = setIn(values, 'ingress.enabled', true);
    const owners = errorsByOwner(model, validateValues(aeterna, values));
    expect(owners).toEqual({
      'postgresql.external.host': ['Must not be empty.'],
      'postgresql.external.username': ['Must not be empty.'],
      'aeterna.kms.awsKeyArn': ['Must not be empty.'],
      'ingress.hosts.0.host': ['Must not be empty.'],
      'ingress.hosts.0.paths.0.path': ['Required.'],
    });
  });
});

describe('errorsByOwner', () => {
  const model = buildFormModel(plain);
  it.each([
    ['field itself', { replicaCount: ['x'] }, { replicaCount: ['x'] }],
    ['inside a map: on the map, naming the key', { 'podAnnotations.a': ['Must be text.'] }, { podAnnotations: ['a: Must be text.'] }],
    ['inside a list', { 'args.2': ['Must be text.'] }, { args: ['2: Must be text.'] }],
    ['inside YAML', { 'affinity.nodeAffinity.x': ['Bad.'] }, { affinity: ['nodeAffinity.x: Bad.'] }],
    ['array item field', { 'ports.1.port': ['Required.'] }, { 'ports.1.port': ['Required.'] }],
    ['unknown top-level key goes to the root', { nope: ['Not a setting of this chart.'] }, { '': ['nope: Not a setting of this chart.'] }],
  ])('%s', (_name, errors, expected) => {
    expect(errorsByOwner(model, errors)).toEqual(expected);
  });
});
