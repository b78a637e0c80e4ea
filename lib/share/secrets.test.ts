import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findSecretPaths, isSecretKeyName, schemaSecretFields, stripSecretsFromText, ValuesTextError } from './secrets';
import { formatPath } from '../form/paths';

describe('isSecretKeyName', () => {
  it.each([
    ['password', true], ['dbPassword', true], ['PG_PASSWORD', true], ['apiKey', true], ['api-key', true], ['OPENAI_API_KEY', true],
    ['token', true], ['discordToken', true], ['clientSecret', true], ['localKmsKey', true], ['secretKey', true], ['privateKey', true],
    ['accessKey', true], ['credentials', true], ['dsn', true], ['secrets', true],
    ['existingSecret', false], ['existingSecretKey', false], ['existingSecretPasswordKey', false], ['secretName', false],
    ['createSecret', false], ['generateLocalKmsKey', false], ['topologyKey', false], ['key', false], ['imagePullSecretsName', false],
    ['tokenTTL', false], ['passwordLength', false], ['awsKeyArn', false], ['replicas', false], ['host', false], ['tokenUrl', false],
  ])('%s → %s', (key, secret) => {
    expect(isSecretKeyName(key)).toBe(secret);
  });
});

describe('findSecretPaths', () => {
  const fields = [{ path: ['app', 'dsnish'] }, { path: ['items', '*', 'code'] }];
  it.each([
    ['key-name heuristic', { db: { password: 'x', host: 'h' } }, ['db.password']],
    ['empty and boolean values carry nothing', { db: { password: '', token: false, apiKey: null } }, []],
    ['schema hint on an odd name', { app: { dsnish: 'abc' } }, ['app.dsnish']],
    ['schema hint through list items', { items: [{ code: 'a' }, { code: 'b' }] }, ['items[0].code', 'items[1].code']],
    ['env-style entries', { extraEnv: [{ name: 'OPENAI_API_KEY', value: 'sk-1' }, { name: 'LOG_LEVEL', value: 'debug' }] }, ['extraEnv[0].value']],
    ['URL with credentials under any key', { database: { url: 'mysql://u:p@h:4000/db' } }, ['database.url']],
    ['PEM private key under any key', { tls: { pem: '-----BEGIN RSA PRIVATE KEY-----\nabc' } }, ['tls.pem']],
    ['list of tokens', { tokens: ['a', 'b'] }, ['tokens[0]', 'tokens[1]']],
    ['names of Secrets stay', { imagePullSecrets: [{ name: 'regcred' }], existingSecret: 'mine', tls: [{ secretName: 's' }] }, []],
    ['numeric password', { redis: { password: 1234 } }, ['redis.password']],
  ])('%s', (_, values, expected) => {
    expect(findSecretPaths(values, fields).map(formatPath)).toEqual(expected);
  });
});

describe('stripSecretsFromText', () => {
  it.each([
    ['keeps comments and layout', '# top\na: 1 # one\ndb:\n  password: hunter2\n  host: h # host\n', '# top\na: 1 # one\ndb:\n  host: h # host\n', ['db.password']],
    ['prunes maps left empty', 'a: 1\nsecrets:\n  openaiApiKey: sk\n', 'a: 1\n', ['secrets.openaiApiKey']],
    ['leaves a text without secrets untouched', 'a:   1 # spaced\n', 'a:   1 # spaced\n', []],
  ])('%s', (_, text, out, removed) => {
    const r = stripSecretsFromText(text);
    expect(r.text).toBe(out);
    expect(r.removed).toEqual(removed);
  });

  it.each([
    ['an alias', 'db:\n  password: &p hunter2\nother:\n  copy: *p\n'],
    ['duplicate keys', 'db:\n  host: h\ndb:\n  password: hunter2\n'],
    ['a merge key', 'base: &b\n  password: hunter2\ndb:\n  <<: *b\n'],
  ])('never leaves a secret behind with %s', (_, text) => {
    expect(stripSecretsFromText(text).text).not.toContain('hunter2');
  });

  it('rejects text that is not YAML', () => {
    expect(() => stripSecretsFromText('a: [1, 2\n')).toThrow(/not valid YAML/);
  });

  it('rejects an alias bomb as bad YAML instead of expanding it', () => {
    const levels = 'abcdefghij'.split('');
    const bomb = levels.map((k, i) => `${k}: &${k} [${Array(9).fill(i === 0 ? '"lol"' : `*${levels[i - 1]}`).join(',')}]`).join('\n');
    expect(() => stripSecretsFromText(`password: hunter2\n${bomb}\n`)).toThrow(new ValuesTextError('values.yaml is not valid YAML: document contains excessive aliasing'));
  });
});

describe('schemaSecretFields', () => {
  it('reads the bundled charts\' secret hints with their existing-Secret options', () => {
    const schema = JSON.parse(readFileSync('charts/aeterna/values.schema.json', 'utf8'));
    const fields = schemaSecretFields(schema).map((f) => `${f.path.join('.')} → ${f.existingSecret?.join('.')}`);
    expect(fields).toEqual(expect.arrayContaining([
      'secrets.localKmsKey → secrets.existingSecret',
      'postgresql.external.password → postgresql.external.existingSecret',
      'qdrant.external.apiKey → qdrant.existingSecret',
    ]));
  });
});
