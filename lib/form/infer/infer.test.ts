import { describe, expect, it } from 'vitest';
import { buildFormModel } from '../model';
import type { JsonSchema } from '../schema';
import { acceptShipped, helmAccepts } from './accept';
import { choicesIn } from './comments';
import { inferFromValues } from './infer';
import { effectiveSchema, exportableSchema, type ChartValuesSource } from './merge';

const prop = (s: JsonSchema, path: string): JsonSchema => {
  let node = s;
  for (const k of path.split('.')) node = node.properties![k];
  return node;
};

function source(valuesText: string, extra: Partial<ChartValuesSource> = {}): ChartValuesSource {
  return { valuesText, declared: null, samples: [], subcharts: [], ...extra };
}

/** Helm's verdict, 3.17's and 4.1's rules (their validators are checked against helm itself). */
const accepts = (schema: JsonSchema, value: unknown): boolean => helmAccepts(schema, [value]);

describe('inferFromValues without comments', () => {
  const s = inferFromValues(`replicaCount: 1
ratio: 0.5
enabled: true
name: ""
tag:
podAnnotations: {}
args: []
image:
  repository: nginx
ports:
  - name: http
    port: 80
  - name: metrics
    protocol: TCP
hosts: [a.example, b.example]
`);

  it.each([
    ['replicaCount', 'number'],
    ['ratio', 'number'],
    ['enabled', 'boolean'],
    ['podAnnotations', 'object'],
    ['args', 'array'],
    ['image', 'object'],
    ['image.repository', 'string'],
  ])('%s is typed %s from its default', (path, type) => {
    expect(prop(s, path).type).toBe(type);
  });

  it('leaves "" and null open', () => {
    expect(prop(s, 'name').type).toBeUndefined();
    expect(prop(s, 'tag').type).toBeUndefined();
  });

  it('merges the items of a list into one item schema', () => {
    const items = prop(s, 'ports').items as JsonSchema;
    expect(Object.keys(items.properties!)).toEqual(['name', 'port', 'protocol']);
    expect((prop(s, 'hosts').items as JsonSchema).type).toBe('string');
  });

  it('edits string maps as key/value rows and groups top-level scalars in General', () => {
    expect(prop(s, 'podAnnotations')['x-chartroom']).toMatchObject({ widget: 'key-value' });
    const model = buildFormModel(s);
    expect(model.sections[0].title).toBe('General');
    expect(model.fieldsById.get('podAnnotations')?.widget).toBe('key-value');
    expect(model.fieldsById.get('hosts')?.widget).toBe('list');
    expect(model.fieldsById.get('ports')?.widget).toBe('array');
  });
});

describe('commented-out examples and defaults', () => {
  const s = inferFromValues(`tolerations: []
# - key: dedicated
#   operator: Equal
#   effect: NoSchedule
resources: {}
  # limits:
  #   cpu: 100m
  #   memory: 128Mi
# Pin pods to nodes, for example:
# nodeSelector:
#   disktype: ssd
nodeSelector: {}
# -- The next key's description is not an example
next: ""
ports:
  - 80
`);

  it('reads list item shapes from a commented list below the key', () => {
    expect(Object.keys((prop(s, 'tolerations').items as JsonSchema).properties!)).toEqual(['key', 'operator', 'effect']);
    expect(buildFormModel(s).fieldsById.get('tolerations')?.widget).toBe('array');
  });

  it('reads map keys from an indented example below, or a block above that sets the key', () => {
    expect(Object.keys(prop(s, 'resources.limits').properties!)).toEqual(['cpu', 'memory']);
    expect(Object.keys(prop(s, 'nodeSelector').properties!)).toEqual(['disktype']);
  });

  it('keeps scalar defaults, but not for list items', () => {
    expect(prop(s, 'next')).toMatchObject({ default: '', description: "The next key's description is not an example" });
    expect((prop(s, 'ports').items as JsonSchema).default).toBeUndefined();
    expect(buildFormModel(s).fieldsById.get('next')?.widget).toBe('text');
  });
});

describe('helm-docs comments', () => {
  const s = inferFromValues(`# Not a description: this file uses helm-docs.
replicaCount: 1
image:
  # -- Container image repository.
  # Continued on the next line.
  repository: nginx
  # -- (string) Overrides the image tag.
  # @default -- the chart appVersion
  tag:
  # -- Image pull policy. One of \`Always\`, \`IfNotPresent\` or \`Never\`.
  pullPolicy: IfNotPresent
# -- Settings of the web server
# @section -- Web server
server:
  port: 8080
# @ignored
internal: {}
# image.registry -- old style description by path
`);

  it('reads descriptions with continuation lines, without @default', () => {
    expect(prop(s, 'image.repository').description).toBe('Container image repository. Continued on the next line.');
    expect(prop(s, 'replicaCount').description).toBeUndefined();
  });

  it('adds a declared type to the open default', () => {
    expect(prop(s, 'image.tag').type).toEqual(['string', 'null']);
    expect(prop(s, 'image.tag').description).toBe('Overrides the image tag.');
  });

  it('turns a listed choice into an enum holding the default', () => {
    expect(prop(s, 'image.pullPolicy').enum).toEqual(['Always', 'IfNotPresent', 'Never']);
  });

  it('puts keys in their @section, in file order', () => {
    expect(prop(s, 'server')['x-chartroom']).toMatchObject({ section: 'Web server' });
    expect(s['x-chartroom']).toMatchObject({ sections: [{ id: 'General' }, { id: 'Web server' }] });
    expect(prop(s, 'internal')['x-chartroom']).toMatchObject({ advanced: true });
  });
});

describe('Bitnami readme-generator comments', () => {
  const s = inferFromValues(`## @section Global parameters
## @param global.imageRegistry Global Docker image registry
##
global:
  imageRegistry: ""
## @section Redis&reg; master parameters
## @param master.count Number of Redis&reg; master instances
## @param master.extraFlags [array] Extra flags
## @param master.password [string, nullable] Password
## @skip master.podLabels
master:
  count: 1
  extraFlags: []
  password:
  podLabels: {}
`);

  it('takes descriptions, types and sections from @param lines', () => {
    expect(prop(s, 'master.count').description).toBe('Number of Redis&reg; master instances');
    expect(prop(s, 'master.password').type).toEqual(['string', 'null']);
    expect(prop(s, 'master')['x-chartroom']).toMatchObject({ section: 'Redis&reg; master parameters' });
    expect(prop(s, 'master.podLabels')['x-chartroom']).toMatchObject({ advanced: true });
  });

  it('decodes HTML entities in the form', () => {
    const model = buildFormModel(s);
    const master = model.sections.find((x) => x.id === 'Redis&reg; master parameters')!;
    expect(master.title).toBe('Redis® master parameters');
    expect(model.fieldsById.get('master.count')?.help).toBe('Number of Redis® master instances');
  });
});

describe('@schema annotations', () => {
  const s = inferFromValues(`# @schema
# type: integer
# minimum: 1
# maximum: 10
# @schema
# -- Replicas
replicaCount: 2
mode: fast # @schema enum:[fast, safe];description:How to run
tag: # @schema type:[string, null]
`);

  it('reads helm-schema blocks', () => {
    expect(prop(s, 'replicaCount')).toMatchObject({ type: 'integer', minimum: 1, maximum: 10, description: 'Replicas' });
  });

  it('reads helm-values-schema-json inline annotations', () => {
    expect(prop(s, 'mode')).toMatchObject({ enum: ['fast', 'safe'], description: 'How to run' });
    expect(prop(s, 'tag').type).toEqual(['string', 'null']);
  });
});

describe('effectiveSchema', () => {
  it('accepts every shipped values file, widening what they use', () => {
    const r = effectiveSchema(
      source('port: 80\n# -- One of a or b\nmode: a\ntags: []\nnested:\n  x: 1\n', {
        samples: [{ file: 'ci/x.yaml', text: 'port: "8080"\nmode: c\ntags: [1]\nextra: {y: true}\nnested: null\n' }],
      }),
    );
    expect(prop(r.schema, 'port').type).toEqual(['number', 'string']);
    expect(prop(r.schema, 'mode').enum).toBeUndefined();
    expect(accepts(r.schema, { port: '8080', mode: 'c', tags: [1], extra: { y: true } })).toBe(true);
  });

  it('drops inferred keywords the chart defaults break, and keeps a declared schema as strict as it is', () => {
    const inferred = effectiveSchema(source('port: 80 # @schema maximum:10;minimum:1\n'));
    expect(inferred.dropped).toEqual(['#/properties/port/maximum']);
    expect(prop(inferred.schema, 'port')).toMatchObject({ type: 'number', minimum: 1 });
    const declared = { type: 'object', properties: { port: { type: 'integer', maximum: 10 } }, required: ['host'] };
    const r = effectiveSchema(source('port: 80\n', { declared }));
    expect(r.origin).toBe('declared');
    expect(r.dropped).toEqual([]);
    expect(prop(r.schema, 'port')).toMatchObject({ type: 'integer', maximum: 10 });
    expect(r.schema.required).toEqual(['host']);
  });

  it('drops what a shipped file breaks where either Helm rejects it: a $ref target, a pattern, a combinator', () => {
    const schema: JsonSchema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      definitions: { port: { type: 'integer', minimum: 1, maximum: 10 } },
      properties: {
        port: { $ref: '#/definitions/port' },
        level: { type: 'string', pattern: '^(debug|info)$' },
        size: { anyOf: [{ type: 'string', pattern: 'Gi$' }, { type: 'integer' }] },
      },
    };
    const docs = [{ port: 80, level: 'info', size: '1Gi' }, { port: 8, level: 'trace', size: '512Mi' }];
    expect(helmAccepts(schema, docs)).toBe(false);
    const r = acceptShipped(schema, docs);
    expect(helmAccepts(r.schema, docs)).toBe(true);
    // A failed choice goes whole: which option was meant is unknown.
    expect(r.dropped.sort()).toEqual(['#/definitions/port/maximum', '#/properties/level/pattern', '#/properties/size/anyOf']);
    expect(r.schema.properties?.size).toEqual({});
    expect(r.schema.definitions?.port).toEqual({ type: 'integer', minimum: 1 });
    expect(accepts(r.schema, { port: 0 })).toBe(false);
    expect(schema.definitions?.port).toHaveProperty('maximum', 10);
  });

  it('returns a schema Helm refuses unchanged', () => {
    const broken: JsonSchema = { type: 'object', properties: { a: { type: 'strnig' } } } as unknown as JsonSchema;
    expect(acceptShipped(broken, [{ a: 1 }])).toEqual({ schema: broken, dropped: [] });
  });

  it('lets the declared schema win; comments fill in descriptions, values the keys it leaves open', () => {
    const declared = { type: 'object', properties: { port: { type: 'integer', description: 'Declared' }, host: { type: 'string' } } };
    const r = effectiveSchema(source('# -- From comment\nport: 80\n# -- Host name\nhost: x\n# -- Undeclared\nextra: 1\n', { declared }));
    expect(prop(r.schema, 'port')).toMatchObject({ type: 'integer', description: 'Declared' });
    expect(prop(r.schema, 'host').description).toBe('Host name');
    expect(prop(r.schema, 'extra')).toMatchObject({ type: 'number', description: 'Undeclared' });
    const closed = effectiveSchema(source('port: 80\nextra: 1\n', { declared: { ...declared, additionalProperties: false } }));
    expect(closed.schema.properties!.extra).toBeUndefined();
  });

  it('gives subcharts sections under their alias and global one', () => {
    const sub = source('# -- Sub port\nport: 1\nglobal:\n  region: eu\n', { declared: null });
    const r = effectiveSchema(source('cache:\n  port: 2\nglobal:\n  env: prod\n', { subcharts: [{ key: 'cache', source: sub }] }));
    expect(prop(r.schema, 'cache.port').description).toBe('Sub port');
    expect(Object.keys(prop(r.schema, 'global').properties!)).toEqual(['env', 'region']);
    const model = buildFormModel(r.schema);
    expect(model.sections.map((x) => x.title)).toEqual(expect.arrayContaining(['cache (subchart)', 'Global']));
  });

  it('exports without chartroom hints', () => {
    const r = effectiveSchema(source('# -- x\npodLabels: {}\n'));
    expect(JSON.stringify(exportableSchema(r.schema))).not.toContain('x-chartroom');
  });
});

describe('choicesIn', () => {
  it.each([
    ['One of: a, b, c', ['a', 'b', 'c']],
    ['Possible values are "x" or "y".', ['x', 'y']],
    ['Can be set to the URL of your server', undefined],
    ['Service type', undefined],
  ])('%s', (text, want) => {
    expect(choicesIn(text)).toEqual(want);
  });
});
