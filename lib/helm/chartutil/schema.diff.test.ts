/**
 * values.schema.json checks against helm 3.17.3 (gojsonschema): one row per keyword family.
 * Lines are compared as a set: Go walks schema properties in map order.
 */
import { describe, expect, it } from 'vitest';
import { helmValues, ourValues } from '../../../tests/helm/values-diff';

const CHART = 'apiVersion: v2\nname: fixture\nversion: 0.1.0\n';

const ROWS: [name: string, schema: object, values: string, args?: string[]][] = [
  ['nested required and types', { properties: { image: { type: 'object', required: ['tag'], properties: { tag: { type: 'string' }, pull: { type: 'boolean' } } } } }, 'image: {pull: "yes"}\n'],
  ['integer given a float, number given a string', { properties: { i: { type: 'integer' }, n: { type: 'number' } } }, 'i: 1.5\nn: "x"\n'],
  ['integer accepts 2.0 and --set ints', { properties: { i: { type: 'integer' }, j: { type: 'integer' } } }, 'i: 2.0\n', ['--set', 'j=3']],
  ['type lists and null', { properties: { a: { type: ['string', 'null'] }, b: { type: ['string', 'null'] } } }, 'a: null\nb: 1\n'],
  ['array keywords', { properties: { l: { type: 'array', minItems: 4, maxItems: 1, uniqueItems: true, items: { type: 'integer', minimum: 2 } } } }, 'l: [1, 1, 3]\n'],
  ['tuple items and additionalItems', { properties: { t: { items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false } } }, 't: [1, x, 3]\n'],
  ['contains', { properties: { c: { contains: { const: 'x' } } } }, 'c: [a, b]\n'],
  ['string keywords', { properties: { s: { type: 'string', minLength: 5, maxLength: 1, pattern: '^[0-9]+$' } } }, 's: "héé"\n'],
  ['formats', { properties: { e: { format: 'email' }, ip: { format: 'ipv4' }, u: { format: 'uri' }, d: { format: 'date' }, h: { format: 'hostname' } } }, 'e: nope\nip: 1.2.3\nu: not a uri\nd: 2020-13-01\nh: "-bad-"\n'],
  ['numbers: bounds, exclusive (draft 4 and 7), multipleOf', { properties: { a: { maximum: 10, exclusiveMaximum: true }, b: { exclusiveMinimum: 5 }, c: { multipleOf: 0.1 }, d: { multipleOf: 3 }, e: { minimum: 1000000 }, f: { maximum: 0.25 } } }, 'a: 10\nb: 5\nc: 0.35\nd: 7\ne: 5\nf: 1\n'],
  ['enum and const of structures', { properties: { e: { enum: [1, 'two', null, { a: 1 }, [1]] }, c: { const: { a: [1, 'b'] } } } }, 'e: 3\nc: {a: [1, c]}\n'],
  ['object keywords', { properties: { o: { minProperties: 3, maxProperties: 1, additionalProperties: { type: 'integer' }, properties: { known: {} }, patternProperties: { '^x-': { type: 'string' } } } } }, 'o: {known: 1, x-a: 1, other: s}\n'],
  ['propertyNames and dependencies', { properties: { p: { propertyNames: { pattern: '^[a-z]+$' }, dependencies: { a: ['b'] } } } }, 'p: {a: 1, B2: 2}\n'],
  ['combinators', { properties: { any: { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 5 }] }, one: { oneOf: [{ type: 'integer' }, { minimum: 0 }] }, all: { allOf: [{ type: 'integer' }, { maximum: 1 }] }, not: { not: { type: 'string' } } } }, 'any: 1\none: 3\nall: 2.5\nnot: s\n'],
  ['if / else', { if: { properties: { mode: { const: 'a' } } }, then: { required: ['x'] }, else: { required: ['y'] } }, 'mode: b\n'],
  ['$ref to definitions', { definitions: { port: { type: 'integer', maximum: 65535 } }, properties: { p: { $ref: '#/definitions/port' }, q: { $ref: '#/definitions/port' } } }, 'p: 70000\nq: x\n'],
  ['boolean schemas', { properties: { t: true, f: false } }, 't: 1\nf: 1\n'],
  ['root type mismatch is impossible; empty values', { type: 'object', required: ['a'] }, ''],
  ['Go regexp syntax: lookahead is not a valid pattern', { properties: { s: { pattern: '^(?=a)' } } }, 's: abc\n'],
  ['Go regexp syntax in patternProperties and format regex', { properties: { o: { patternProperties: { '\\Aa\\z': { type: 'integer' } } }, r: { format: 'regex' } } }, 'o: {a: x}\nr: "(?=x)"\n'],
  ['a schema whose type is a number fails to compile', { properties: { a: { type: 5 } } }, 'a: 1\n'],
  ['a schema whose title is not a string', { properties: { a: { title: { x: 1 }, type: 'string' } } }, 'a: 1\n'],
  ['valid values print nothing', { properties: { a: { type: 'integer' } } }, 'a: 1\n'],
];

describe('schema validation matches helm 3.17.3', () => {
  it.each(ROWS)('%s', async (name, schema, values, args = []) => {
    const c = { name, chart: { 'Chart.yaml': CHART, 'values.yaml': values, 'values.schema.json': JSON.stringify(schema) }, args };
    const want = await helmValues(c);
    const got = ourValues(c);
    const lines = (e?: string): string[] | undefined => e?.split('\n').sort();
    expect(lines(got.error)).toEqual(lines(want.error));
    expect(got.ok).toBe(want.ok);
  });
});
