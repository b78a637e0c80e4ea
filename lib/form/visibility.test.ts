import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFormModel, visibilityDependencies, visibleFields, type JsonSchema } from './index';
import { hinted } from '../../tests/form/schemas';

const aeterna = JSON.parse(readFileSync('charts/aeterna/values.schema.json', 'utf8')) as JsonSchema;

function shownUnder(schema: JsonSchema, values: unknown, prefix: string, modes?: Record<string, boolean>): string[] {
  return visibleFields(buildFormModel(schema), values, { existingSecretModes: modes })
    .map((f) => f.id)
    .filter((id) => id === prefix || id.startsWith(`${prefix}.`));
}

describe('visibleFields: Bundled/External', () => {
  const rows: [string, unknown, string[]][] = [
    ['bundled by value', { db: { enabled: true } }, ['db', 'db.enabled', 'db.storage', 'db.auth', 'db.auth.password']],
    ['bundled by default when unset', { db: {} }, ['db', 'db.enabled', 'db.storage', 'db.auth', 'db.auth.password']],
    ['external', { db: { enabled: false } }, ['db', 'db.enabled', 'db.auth', 'db.auth.password', 'db.external', 'db.external.host', 'db.external.port']],
  ];
  it.each(rows)('%s', (_name, values, expected) => {
    expect(shownUnder(hinted, values, 'db')).toEqual(expected);
  });

  it('hidden fields never show', () => {
    expect(shownUnder(hinted, {}, 'internal')).toEqual([]);
  });
});

describe('visibleFields: existing Secret', () => {
  const rows: [string, unknown, Record<string, boolean> | undefined, string[]][] = [
    ['plain secret, name offered as a choice', { db: { auth: { existingSecret: '' } } }, undefined, ['db.auth', 'db.auth.password']],
    ['name set in the values', { db: { auth: { existingSecret: 'mine' } } }, undefined, ['db.auth', 'db.auth.existingSecret']],
    ['chosen with an empty name yet', { db: { auth: { existingSecret: '' } } }, { 'db.auth.existingSecret': true }, ['db.auth', 'db.auth.existingSecret']],
    ['choice undone while a name is set', { db: { auth: { existingSecret: 'mine' } } }, { 'db.auth.existingSecret': false }, ['db.auth', 'db.auth.password']],
  ];
  it.each(rows)('%s', (_name, values, modes, expected) => {
    expect(shownUnder(hinted, values, 'db.auth', modes)).toEqual(expected);
  });
});

describe('visibleFields on aeterna: the three deployment modes', () => {
  const ids = (values: unknown) => visibleFields(buildFormModel(aeterna), values).map((f) => f.id);
  const rows: [string, unknown, string[], string[]][] = [
    ['all bundled', { redis: { enabled: true }, postgresql: { enabled: true }, qdrant: { enabled: true } },
      ['redis.resources', 'postgresql.cluster', 'postgresql.operator', 'qdrant.existingSecret'],
      ['redis.external', 'postgresql.external', 'qdrant.external']],
    ['all external', { redis: { enabled: false }, postgresql: { enabled: false }, qdrant: { enabled: false } },
      ['redis.external.host', 'postgresql.external.host', 'postgresql.external.password', 'qdrant.external.host', 'qdrant.external.apiKey'],
      ['redis.resources', 'postgresql.cluster', 'postgresql.operator', 'postgresql.external.existingSecret', 'qdrant.existingSecret']],
    ['mixed', { redis: { enabled: false }, postgresql: { enabled: true }, qdrant: { enabled: false, existingSecret: 'qd' } },
      ['redis.external.port', 'postgresql.cluster.instances', 'qdrant.existingSecret'],
      ['postgresql.external', 'qdrant.external.apiKey']],
    ['existing Secret for the app secrets', { secrets: { existingSecret: 'aeterna-secrets' } },
      ['secrets.existingSecret', 'secrets.generateLocalKmsKey'],
      ['secrets.localKmsKey', 'secrets.openaiApiKey', 'secrets.anthropicApiKey']],
  ];
  it.each(rows)('%s', (_name, values, shown, hidden) => {
    const visible = ids(values);
    expect(shown.filter((id) => !visible.includes(id))).toEqual([]);
    expect(hidden.filter((id) => visible.includes(id))).toEqual([]);
  });

  it('visibility depends only on the switches above a field', () => {
    const model = buildFormModel(aeterna);
    const deps = (id: string) => visibilityDependencies(model, model.fieldsById.get(id)!).map((p) => p.join('.'));
    expect(deps('postgresql.external.host')).toEqual(['postgresql.enabled']);
    expect(deps('aeterna.replicas')).toEqual([]);
    expect(deps('qdrant.existingSecret')).toEqual(['qdrant.enabled', 'qdrant.existingSecret']);
    expect(deps('secrets.openaiApiKey')).toEqual(['secrets.existingSecret']);
  });
});

describe('visibleFields on verta: a default Secret name is the one the chart makes', () => {
  const verta = JSON.parse(readFileSync('charts/verta/values.schema.json', 'utf8')) as JsonSchema;
  const rows: [string, unknown, string[], string[]][] = [
    ['default name: the password is offered', { redis: { enabled: true, auth: { existingSecret: '{{ .Release.Name }}-redis-auth' } } },
      ['redis.auth.password'], ['redis.auth.existingSecret']],
    ['own name: the Secret is used', { redis: { enabled: true, auth: { existingSecret: 'my-redis' } } },
      ['redis.auth.existingSecret'], ['redis.auth.password']],
    ['external mode hides the bundled auth', { redis: { enabled: false } },
      ['redis.external.host', 'redis.external.password'], ['redis.auth', 'redis.master']],
  ];
  it.each(rows)('%s', (_name, values, shown, hidden) => {
    const visible = visibleFields(buildFormModel(verta), values).map((f) => f.id);
    expect(shown.filter((id) => !visible.includes(id))).toEqual([]);
    expect(hidden.filter((id) => visible.includes(id))).toEqual([]);
  });
});
