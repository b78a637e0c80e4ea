/**
 * Schema problems as data: each problem of Helm's text as a chart, values path and message (the
 * text itself is compared with helm in schema.diff.test.ts). Helm 3 lists one line per problem;
 * Helm 4 prints a tree whose innermost lines say what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { addDependency, newChart, emptyMetadata, type Chart } from '../chart/chart';
import type { GoMap, GoValue } from '../../go/value';
import { checkAgainstSchema } from './schema';

function chart(name: string, schema: object): Chart {
  const c = newChart({ ...emptyMetadata(), name, version: '0.1.0', apiVersion: 'v2' });
  c.schema = new TextEncoder().encode(JSON.stringify(schema));
  return c;
}

const goMap = (o: Record<string, GoValue>): GoMap => new Map(Object.entries(o));

describe('checkAgainstSchema: problems as data', () => {
  it('Helm 3: every problem with its chart, subcharts under their own name', () => {
    const top = chart('aeterna', { type: 'object', additionalProperties: false, properties: { postgresql: { properties: { external: { properties: { port: { maximum: 65535 } } } } }, sub: {} } });
    addDependency(top, chart('sub', { properties: { a: { type: 'object' } } }));
    const values = goMap({ postgresql: goMap({ external: goMap({ port: 70000 }) }), x: 1, sub: goMap({ a: 'text' }) });
    const check = checkAgainstSchema(top, values, '3.17');
    expect(check.problems.map(({ chart: c, path, message }) => ({ chart: c, path, message }))).toEqual([
      { chart: 'aeterna', path: '(root)', message: 'Additional property x is not allowed' },
      { chart: 'aeterna', path: 'postgresql.external.port', message: 'Must be less than or equal to 65535' },
      { chart: 'sub', path: 'a', message: 'Invalid type. Expected: object, given: string' },
    ]);
    expect(check.problems.map((p) => p.valuesPath)).toEqual(['', 'postgresql.external.port', 'sub.a']);
    // Each is a line of helm's text, under its chart's heading.
    for (const p of check.problems) expect(check.text).toContain(`${p.chart}:\n`);
    for (const p of check.problems) expect(check.text).toContain(`- ${p.path}: ${p.message}\n`);
  });

  it("Helm 4: the innermost problems of the tree, at values paths; a choice keeps its own line", () => {
    const top = chart('aeterna', {
      type: 'object',
      required: ['image'],
      properties: {
        port: { maximum: 65535 },
        name: { minLength: 2, pattern: '^[a-z]+$' },
        'a/b': { properties: { c: { type: 'object' } } },
        size: { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 5 }] },
      },
    });
    const values = goMap({ port: 70000, name: 'X', 'a/b': goMap({ c: 'text' }), size: 1 });
    const check = checkAgainstSchema(top, values, '4.1');
    const problems = check.problems.map(({ path, message }) => `${path}: ${message}`).sort();
    expect(problems).toEqual(
      [
        'port: maximum: got 70,000, want 65,535',
        'name: minLength: got 1, want 2',
        "name: 'X' does not match pattern '^[a-z]+$'",
        "(root): missing property 'image'",
        'a/b.c: got string, want object',
        "size: 'anyOf' failed",
        'size: got number, want string',
        'size: minimum: got 1, want 5',
      ].sort(),
    );
    // The tree's group line for `name` is not a problem of its own.
    expect(check.text).toContain("- at '/name': validation failed\n");
    expect(check.problems.some((p) => p.message === 'validation failed')).toBe(false);
  });

  it('a schema that does not compile names no value', () => {
    const top = chart('t', { properties: { a: { type: 5 } } });
    for (const helm of ['3.17', '4.1'] as const) {
      const check = checkAgainstSchema(top, goMap({ a: 1 }), helm);
      expect(check.text).not.toBe('');
      expect(check.problems).toEqual([]);
    }
  });
});
