import { describe, expect, it } from 'vitest';
import { goMap } from '../go/value';
import { dottedKeys, dottedUserValues, RELEASE, storefront, userValues } from '../../tests/upgrade/fixture';
import { renderText } from './render';
import { errorsAt, schemaDeclares, suggestRename, valuesReport } from './values-report';
import type { Chart } from '../helm';
import type { OverrideReport } from './types';

const release = { releaseName: RELEASE, helmVersion: '4.1' as const };
const v1 = storefront(1);
const v2 = storefront(2);
const side = (chart: Chart) => ({ chart, render: (v: Parameters<typeof renderText>[1]) => renderText(chart, v, release) });
const report = valuesReport(userValues(), side(v1), side(v2), '4.1');
const byPath = (p: string): OverrideReport => report.overrides.find((o) => o.path === p)!;

describe('values report on the storefront fixture, 1.0.0 → 2.0.0', () => {
  it.each([
    ['replicaCount', 'kept', undefined],
    ['image.tag', 'default-changed', undefined],
    // Gone from values and schema; a new key of the same name appeared.
    ['service.port', 'unread', 'service.http.port'],
    // Gone; a new key holds the old default.
    ['listenAddress', 'unread', 'bindAddress'],
    ['timeout', 'type-changed', undefined],
    ['logLevel', 'rejected', undefined],
    // Still in values.yaml and the schema, but no template reads it.
    ['legacyMetrics', 'unread', undefined],
  ])('%s is %s', (path, status, suggestion) => {
    const o = byPath(path);
    expect(o.status).toBe(status);
    expect(o.suggestion).toBe(suggestion);
  });

  it('says why, with the defaults underneath', () => {
    expect(byPath('image.tag')).toMatchObject({ value: '1.4.2', oldDefault: '1.4.0', newDefault: '2.0.0' });
    expect(byPath('timeout').detail).toBe('The default was a number and is now a string.');
    expect(byPath('logLevel').detail).toBe("storefront 2.0.0's values.schema.json rejects it: value must be one of 'debug', 'info', 'warn', 'error'");
    expect(byPath('legacyMetrics').detail).toBe('No template of storefront 2.0.0 reads it any more.');
  });

  it('lists the changed defaults that reach this configuration, not those behind a disabled feature', () => {
    expect(report.changedDefaults.map((d) => d.path).sort()).toEqual(['persistence.storageClass', 'resources.limits.memory']);
    expect(report.changedDefaults.find((d) => d.path === 'resources.limits.memory')).toEqual({ path: 'resources.limits.memory', oldDefault: '128Mi', newDefault: '256Mi' });
  });

  it('a changed default the user overrides is not listed again', () => {
    expect(report.changedDefaults.some((d) => d.path === 'image.tag')).toBe(false);
  });

  it("rejection is helm's own schema check, as Helm 3 words it too", () => {
    const h3 = valuesReport(userValues('3.17'), side(v1), side(v2), '3.17');
    expect(h3.overrides.find((o) => o.path === 'logLevel')).toMatchObject({ status: 'rejected', detail: expect.stringContaining('logLevel must be one of the following: "debug", "info", "warn", "error"') });
  });

  it('the same chart keeps every override', () => {
    const same = valuesReport(userValues(), side(v1), side(v1));
    expect(new Set(same.overrides.map((o) => o.status))).toEqual(new Set(['kept']));
    expect(same.changedDefaults).toEqual([]);
  });

  it('an override of a feature off in both versions is not taken for one no longer read', () => {
    const r = valuesReport(goMap({ ingress: goMap({ className: 'haproxy' }) }), side(v1), side(v2));
    expect(r.overrides).toMatchObject([{ path: 'ingress.className', status: 'default-changed' }]);
  });
});

describe('suggestRename', () => {
  const oldDefaults = { a: { port: 80, name: 'web' }, flag: true };
  it.each([
    ['same name scores above same value', ['a', 'port'], 80, { b: { port: 81 }, c: 80 }, 'b.port'],
    ['same value alone', ['a', 'name'], 'web', { label: 'web' }, 'label'],
    ['the user value counts too', ['a', 'name'], 'shop', { label: 'shop' }, 'label'],
    ['a common value (true) is no clue', ['flag'], true, { enabled: true }, undefined],
    ['keys the old chart had are no candidates', ['a', 'port'], 80, { a: { port: 80 } }, undefined],
    ['among equals, the one nearer the old key', ['a', 'port'], 80, { x: { port: 1 }, a: { http: { port: 1 } } }, 'a.http.port'],
  ])('%s', (_n, path, user, newDefaults, expected) => {
    expect(suggestRename(path, user, oldDefaults, { ...oldDefaults, ...newDefaults } as never)).toBe(expected);
  });
});

describe('schemaDeclares', () => {
  const schema = {
    type: 'object',
    properties: { a: { $ref: '#/definitions/A' }, open: { type: 'object', additionalProperties: { type: 'string' } }, pat: { type: 'object', patternProperties: { '^x-': {} } } },
    definitions: { A: { type: 'object', properties: { b: { type: 'string' } } } },
  };
  it.each([
    [['a', 'b'], true],
    [['a', 'c'], false],
    [['open', 'anything'], true],
    [['pat', 'x-y'], true],
    [['pat', 'y'], false],
    [['missing'], false],
  ])('%j → %s', (path, declared) => {
    expect(schemaDeclares(schema as never, path)).toBe(declared);
  });
  it('no schema declares nothing', () => expect(schemaDeclares(null, ['a'])).toBe(false));
});

describe('errorsAt: the schema problems about one value', () => {
  const problems = [
    { path: 'a.b', message: 'got string, want integer' },
    { path: 'service', message: "additional properties 'port' not allowed" },
    { path: 'service', message: 'Additional property port is not allowed' },
    { path: 'c', message: 'missing property d' },
    { path: 'e.f.g', message: 'too long' },
  ];
  it.each([
    ['a.b', ['got string, want integer']],
    ['service.port', ["additional properties 'port' not allowed", 'Additional property port is not allowed']],
    ['service.portal', []],
    ['c.x', []],
    ['e', ['f.g: too long']],
  ])('%s', (path, expected) => {
    expect(errorsAt(problems, path)).toEqual(expected);
  });
});

describe('keys holding dots: paths written as everywhere in chartroom (`--set` escapes)', () => {
  const dotted = valuesReport(dottedUserValues(), side(dottedKeys(1)), side(dottedKeys(2)), '4.1');
  const at = (p: string) => dotted.overrides.find((o) => o.path === p);

  it('names each override by its escaped path, `a\\.b` apart from `a.b`', () => {
    expect(dotted.overrides.map((o) => o.path).sort()).toEqual(['a.b', 'a\\.b', 'podAnnotations.prometheus\\.io/scrape', 'scrapePort', 'sso.id\\.example\\.com/client']);
    expect(at('podAnnotations.prometheus\\.io/scrape')).toMatchObject({ status: 'kept', value: 'false', oldDefault: 'true', newDefault: 'true' });
  });

  it("places a schema problem on the key it is about: `a`'s `b`, not the key `a.b`", () => {
    expect(at('a.b')).toMatchObject({ status: 'rejected', value: 2 });
    expect(at('a\\.b')).toMatchObject({ status: 'kept', value: 1 });
  });

  it('suggests a new key holding dots by its escaped path', () => {
    expect(at('scrapePort')).toMatchObject({ status: 'unread', suggestion: 'podAnnotations.prometheus\\.io/port' });
    expect(at('scrapePort')!.detail).toBe('dotted 2.0.0 has no scrapePort in its values or schema; podAnnotations.prometheus\\.io/port looks like its new name.');
  });

  it('names a changed default by its escaped path', () => {
    expect(dotted.changedDefaults).toEqual([{ path: 'nodeSelector.kubernetes\\.io/os', oldDefault: 'linux', newDefault: 'windows' }]);
  });
});
