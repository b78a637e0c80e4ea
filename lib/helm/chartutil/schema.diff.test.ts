/**
 * values.schema.json checks against the reference helm (gojsonschema in 3.17.3, santhosh-tekuri/jsonschema
 * v6 in 4.1.4): one row per keyword family, and the `format` checks of a draft-07 schema.
 * Lines are compared as a set: Go walks schema properties in map order.
 */
import { describe, expect, it } from 'vitest';
import { helmValues, ourValues } from '../../../tests/helm/values-diff';
import { REFERENCE } from '../../../tests/helm/reference';
import { isHelm4 } from '../version';

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
  ['a number given a known format fails it in gojsonschema', { $schema: 'http://json-schema.org/draft-07/schema#', properties: { port: { format: 'uri' }, ratio: { format: 'date', maximum: 1 }, other: { format: 'no-such-format' }, flag: { format: 'email' } } }, 'port: 80\nratio: 2.5\nother: 1\nflag: true\n'],
  ['valid values print nothing', { properties: { a: { type: 'integer' } } }, 'a: 1\n'],
];

describe(`schema validation matches helm ${REFERENCE.release}`, () => {
  it.each(ROWS)('%s', async (name, schema, values, args = []) => {
    const c = { name, chart: { 'Chart.yaml': CHART, 'values.yaml': values, 'values.schema.json': JSON.stringify(schema) }, args };
    const want = await helmValues(c);
    const got = ourValues(c);
    const lines = (e?: string): string[] | undefined => e?.split('\n').sort();
    expect(lines(got.error)).toEqual(lines(want.error));
    expect(got.ok).toBe(want.ok);
  });
});

/** Strings for each format, valid and not: a draft-07 schema asserts `format` in both helms. */
const FORMATS: [format: string, values: string[]][] = [
  ['date-time', ['2020-01-01T10:00:00Z', '2020-01-01t10:00:00.5+01:00', '2020-01-01T23:59:60Z', '2020-01-01T10:00:60Z', '2020-13-01T10:00:00Z', '2020-01-01 10:00:00Z', '2020-01-01T10:00Z', '2020-01-01T1:00:00Z', '2020-01-01T10:00:00+1:00', '2020-01-01T10:00:00.Z', '2020-01-01T10:00:00+24:00', '2020-01-01T10:00:00',
    // time.Parse's leniencies and limits, and the bare date and time gojsonschema also takes.
    '2020-01-01T10:00:00,5Z', '2020-01-01T10:00:00z', '2020-01-01T10:00:00+01:60', '2020-01-01T10:00:00+01:61', '2020-01-01T24:00:00Z', '2020-02-30T10:00:00Z', '2020-01-01T10:00:00.123456789123Z', '0000-01-01T00:00:00Z', '2020-01-01', '10:00:00', '10:00:00+01:00']],
  ['date', ['2020-02-29', '2021-02-29', '2020-1-01', '2020-01-01x', 'x']],
  ['time', ['10:00:00Z', '23:59:60Z', '10:00:00.1-05:00', '10:00:00', '1:00:00Z', '10:0a:00Z', '25:00:00Z', '10:00:00+0500', '23:59:60', '10:00:00,5Z', '10:00:00.5', '10:00:00z', '10:00:00-00:00', '10:00:00+24:00']],
  ['email', ['a@b.c', 'a.b@c', '.a@b', 'a.@b', 'a..b@c', 'a b@c', '"a b"@c', '"a\\b"@c', 'a@[1.2.3.4]', 'a@[1.2.3]', 'a@-b', 'ab', 'a@b_c', 'a@[IPv6:::1]', 'a@[IPv6:1:2]', 'a@[IPv6:fe80::1%en0]', 'a@[::1]',
    // net/mail.ParseAddress (helm 3.17.3) takes names, comments, groups of one and RFC 2047 words.
    'Name <a@b>', '<a@b>', 'a@b (Name)', 'a@b (Name', 'g: a@b;', 'g: a@b, c@d;', 'g:;', 'a@b, c@d', 'Name', 'Na.me', '"é"@b', 'é@b', 'a@[fe80::1%en0]', 'a@[::ffff:1.2.3.4]',
    '=?utf-8?q?x?= <a@b>', '=?koi8-r?b?eA==?= <a@b>', 'Name =?koi8-r?q?x?= <a@b>', '=?utf-8?b?eA=?= <a@b>', 'a@b (=?koi8-r?q?x?=)']],
  ['idn-email', ['a@b', 'Name <a@b>', 'a..b@c']],
  ['hostname', ['example.com', 'example.com.', '-a.com', 'a-.com', 'a_b', '', 'a..b', 'x'.repeat(64), 'x'.repeat(63), 'bücher.example', 'xn--bcher-kva.example', `${'a.'.repeat(127)}a`, `${'a.'.repeat(127)}ab`]],
  ['ipv4', ['1.2.3.4', '1.2.3', '01.2.3.4', '1.2.3.256', '1.2.3.x', '+1.2.3.4', '::ffff:1.2.3.4']],
  // One string for each of netip.ParseAddr's reasons.
  ['ipv6', ['::1', '::', '1:2:3:4:5:6:7:8', '::ffff:1.2.3.4', 'ABCD:ef01::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', '1:2:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3', '::01.2.3.4', '::1.2.3.256', '1::1.2.3.4.5', '::1..2.3', 'fe80::1%en0', 'fe80::1%', '1::2::3', ':1', '1:', '::g', '1:2:3:4:5:6:7:8::', '::1 ', '1.2.3.4', '%x', '[::1]', '::é']],
  ['uuid', ['123e4567-e89b-12d3-a456-426614174000', '123e4567e89b12d3a456426614174000', '123e4567-e89b-12d3-a456-42661417400', '123e4567-e89b-12d3-a456-42661417400g', '123E4567-E89B-12D3-A456-426614174000']],
  ['duration', ['P1Y2M3DT4H5M6S', 'P2W', 'PT', 'P', '1D', 'P1', 'PD', 'P1M1Y', 'P1X', 'P1DT1H1M1S1', 'PT1HT1M', 'PxW']],
  ['period', ['2020-01-01T00:00:00Z/P1D', 'P1D/2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z/2020-02-01T00:00:00Z', 'P1D', 'PX/2020-01-01T00:00:00Z', 'x/P1D', '2020-01-01T00:00:00Z/PX']],
  ['uri', ['https://example.com/a?b#c', 'urn:isbn:1', '/relative', 'a b://x', 'http://[::1]:80/', 'http://::1/', 'http://x/%zz', ':x']],
  // Hosts in brackets: Go 1.25's url.Parse (helm 4.1.4) takes only IPv6 there, Go 1.23's (helm 3.17.3) anything.
  ['uri', ['http://[x]/', 'http://[1.2.3.4]/', 'http://[::ffff:1.2.3.4]/', 'http://a[b]/', 'http://[[::1]]/', 'http://[fe80::1%25en0]:80/', 'http://[::1%25]/', 'http://[1:2:3]/', 'http://[::1]]/', 'http://[::1]:x/', 'http://[::1/', 'http://[::1]%41/', 'http://[fe80::1%en0]/']],
  ['uri-reference', ['/a/b', '#frag', 'a\\b', 'http://x/%zz', '1:x']],
  ['uri-template', ['http://x/{a}/{b}', 'http://x/{a{b}}', 'http://x/{a', 'http://x/a}', 'http://x/%7Ba', 'http://x/?{a', '{a}/b', 'http://x/{a}{']],
  ['iri', ['http://x/ü', '/relative', 'http://x/a\\b']],
  ['json-pointer', ['', '/a/b~0~1', 'a', '/a~2', '/a~']],
  ['relative-json-pointer', ['0', '1/a', '1#', '01', '-1', 'x']],
  ['semver', ['1.2.3', '1.2.3-rc.1+b.2', '1.2', '01.2.3', '1.02.3', '1.2.x', '1.2.3-', '1.2.3-01', '1.2.3+', '1.2.3+a..b', '1.2.3-a_b', '.2.3']],
  ['regex', ['^a+$', '(?=x)', '[', '']],
];

const helm3 = !isHelm4(REFERENCE.setting);

async function compareFormat(format: string, values: string[]): Promise<void> {
  const properties = Object.fromEntries(values.map((_, i) => [`v${i}`, { format }]));
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', properties };
  const yaml = values.map((v, i) => `v${i}: ${JSON.stringify(v)}\n`).join('');
  const c = { name: format, chart: { 'Chart.yaml': CHART, 'values.yaml': yaml, 'values.schema.json': JSON.stringify(schema) } };
  const want = await helmValues(c);
  // Every row holds strings v6 refuses, except for the formats v6 does not check.
  if (!helm3) expect(want.ok).toBe(format === 'idn-email');
  const got = ourValues(c);
  const lines = (e?: string): string[] | undefined => e?.split('\n').sort();
  expect(lines(got.error)).toEqual(lines(want.error));
  expect(got.ok).toBe(want.ok);
}

describe(`format checks match helm ${REFERENCE.release}`, () => {
  it.each(FORMATS)('format %s', compareFormat);
});
