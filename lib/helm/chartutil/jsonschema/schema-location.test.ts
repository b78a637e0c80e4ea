/**
 * Each failure names the schema keyword that failed, in both validators (3.17's gojsonschema
 * rules, 4.1's jsonschema v6 rules), so a caller can find the rule a value broke.
 */
import { describe, expect, it } from 'vitest';
import type { Json } from './json';
import { V6Schema, validateV6, type V6Error } from './v6';
import { Validator } from './validator';

function v3Locations(schema: Json, value: Json): string[] {
  return [...new Set(new Validator(schema, { locate: true }).validate(value).map((e) => e.keywordLocation!))].sort();
}

function v6Locations(schema: Json, value: Json): string[] {
  const out = new Set<string>();
  const visit = (e: V6Error) => {
    if (e.keywordLocation !== undefined) out.add(e.keywordLocation);
    e.causes.forEach(visit);
  };
  const top = validateV6(new V6Schema(schema), value, { locate: true });
  if (top) visit(top);
  return [...out].sort();
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

describe('keyword locations of failures', () => {
  const schema: Json = {
    $schema: DRAFT_07,
    type: 'object',
    required: ['name'],
    definitions: { port: { type: 'integer', maximum: 65535 } },
    properties: {
      'a/b~c%d': { type: 'string', pattern: '^x' },
      port: { $ref: '#/definitions/port' },
      list: { type: 'array', items: { type: 'string', minLength: 2 }, maxItems: 2 },
      mode: { enum: ['fast', 'safe'] },
      limit: { exclusiveMaximum: 10 },
    },
    patternProperties: { '^x-': { type: 'boolean' } },
    additionalProperties: { type: 'number' },
  };
  const value: Json = { 'a/b~c%d': 'y', port: 70000, list: ['a', 'bb', 'cc'], mode: 'slow', limit: 10, 'x-on': 1, other: 'text' };
  const want = [
    '#/additionalProperties/type',
    '#/definitions/port/maximum',
    '#/patternProperties/^x-/type',
    '#/properties/a~1b~0c%25d/pattern',
    '#/properties/limit/exclusiveMaximum',
    '#/properties/list/items/minLength',
    '#/properties/list/maxItems',
    '#/properties/mode/enum',
    '#/required',
  ];

  it('Helm 3 and Helm 4 name the same keywords: properties, pattern and additional properties, items, a $ref target', () => {
    expect(v3Locations(schema, value)).toEqual(want);
    expect(v6Locations(schema, value)).toEqual(want);
  });

  it('a combinator fails at its own keyword and at the keywords of its options', () => {
    const s: Json = { $schema: DRAFT_07, properties: { n: { anyOf: [{ type: 'string' }, { minimum: 5 }] } } };
    expect(v3Locations(s, { n: 1 })).toEqual(['#/properties/n/anyOf', '#/properties/n/anyOf/1/minimum']);
    expect(v6Locations(s, { n: 1 })).toEqual(['#/properties/n/anyOf', '#/properties/n/anyOf/0/type', '#/properties/n/anyOf/1/minimum']);
  });

  it('errors carry no location unless asked for', () => {
    expect(new Validator(schema).validate(value).every((e) => e.keywordLocation === undefined)).toBe(true);
    const visit = (e: V6Error | null): boolean => e === null || (e.keywordLocation === undefined && e.causes.every(visit));
    expect(visit(validateV6(new V6Schema(schema), value))).toBe(true);
  });

  it('a false schema fails at its own location', () => {
    const s: Json = { $schema: DRAFT_07, properties: { gone: false } };
    expect(v3Locations(s, { gone: 1 })).toEqual(['#/properties/gone']);
    expect(v6Locations(s, { gone: 1 })).toEqual(['#/properties/gone']);
  });
});
