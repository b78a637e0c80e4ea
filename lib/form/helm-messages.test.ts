import { describe, expect, it } from 'vitest';
import { keywordsHelmIgnores, keywordsNotShown } from './drafts';
import { readableHelmErrors, readableHelmMessage } from './helm-messages';
import type { JsonSchema } from './schema';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    database: {
      type: 'object',
      properties: { mode: { type: 'string', enum: ['bundled', 'external'] }, host: { type: 'string', title: 'Host name' }, port: { type: 'integer' } },
      if: { properties: { mode: { const: 'external' } } },
      then: { required: ['host', 'port'] },
      else: { required: ['mode'] },
    },
    storage: { anyOf: [{ title: 'A size', type: 'string' }, { $ref: '#/$defs/claim' }] },
    pick: { oneOf: [{ required: ['a'] }, { required: ['b'] }] },
  },
  $defs: { claim: { type: 'object', required: ['claimName'] } },
};

describe('readableHelmMessage', () => {
  it.each([
    [['database'], 'Must validate "then" as "if" was valid', 'Because Mode is "external", Host name and Port must be set.'],
    [['database'], 'Must validate "else" as "if" was not valid', 'Unless Mode is "external", Mode must be set.'],
    [['storage'], 'Must validate at least one schema (anyOf)', 'Must match one of: A size; with Claim name.'],
    [['pick'], 'Must validate one and only one schema (oneOf)', 'Must match exactly one of: with A; with B.'],
    [['storage'], 'Invalid type. Expected: string, given: integer', 'Invalid type. Expected: string, given: integer'],
  ])('%j %s', (path, message, want) => {
    expect(readableHelmMessage(schema, path, message)).toBe(want);
  });

  it("drops group messages whose details sit beside them, keeps them when they are alone", () => {
    expect(readableHelmErrors(schema, { database: ['validation failed'], 'database.host': ['missing'] })).toEqual({ 'database.host': ['missing'] });
    expect(readableHelmErrors(schema, { database: ['validation failed'] })).toEqual({ database: ['validation failed'] });
  });
});

describe('drafts', () => {
  const modern: JsonSchema = { $schema: 'https://json-schema.org/draft/2020-12/schema', properties: { l: { prefixItems: [{}], enum: [{ dependentRequired: 1 }] }, m: { dependentRequired: { a: ['b'] } } } };

  it('Helm 3.17 checks draft-07 only; Helm 4.1 follows $schema, 2020-12 by default', () => {
    expect(keywordsHelmIgnores(modern, '3.17')).toEqual(['dependentRequired', 'prefixItems']);
    expect(keywordsHelmIgnores(modern, '4.1')).toEqual([]);
    expect(keywordsHelmIgnores({ ...modern, $schema: 'http://json-schema.org/draft-07/schema#' }, '4.1')).toEqual(['dependentRequired', 'prefixItems']);
  });

  it('names the keywords the form cannot show', () => {
    expect(keywordsNotShown(schema.properties!.database)).toEqual(['if', 'then', 'else']);
  });
});
