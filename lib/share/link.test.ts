import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { base64urlnopad } from '@scure/base';
import { stringify } from 'yaml';
import { decodeShareLink, encodeShareLink, MAX_INFLATED_BYTES } from './link';
import { valuesOf } from './secrets';
import type { ChartroomConfig } from './config';

const aeternaSchema = JSON.parse(readFileSync('charts/aeterna/values.schema.json', 'utf8'));
const production = readFileSync('charts/aeterna/values-production.yaml', 'utf8');
const BASE = 'https://chartroom.example/configure';

function config(values: string, extra: Partial<ChartroomConfig> = {}): ChartroomConfig {
  return { format: 1, chart: { name: 'aeterna', version: '0.1.0' }, release: { name: 'aeterna', namespace: 'aeterna' }, kubeVersion: '1.31.0', preset: 'production', values, ...extra };
}

const fragmentOf = (payload: unknown) => `cr1.${base64urlnopad.encode(deflateSync(new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload))))}`;

describe('share links', () => {
  it('fit a production configuration of Aeterna in under 2,000 characters', () => {
    const link = encodeShareLink(config(production), { schema: aeternaSchema, baseUrl: BASE });
    expect(link.url.length).toBeLessThan(2000);
    expect(link.url.startsWith(`${BASE}#cr1.`)).toBe(true);
    const back = decodeShareLink(link.url);
    expect(back).toEqual({ ok: true, config: link.config });
  });

  it('leave secrets out and say which', () => {
    const values = `${production}postgresql:\n  external:\n    password: PLANTED-hunter2\n`;
    const env = 'secrets:\n  openaiApiKey: PLANTED-sk-123\n  existingSecret: mine\n';
    const link = encodeShareLink(config(values, { environments: [{ name: 'prod', values: env }] }), { schema: aeternaSchema, baseUrl: BASE });
    expect(link.removed).toEqual(['values: postgresql.external.password', 'environments.prod: secrets.openaiApiKey']);
    const back = decodeShareLink(link.url);
    expect(back.ok && JSON.stringify(back.config)).not.toContain('PLANTED');
    expect(back.ok && back.config.environments?.[0].values).toBe('secrets:\n  existingSecret: mine\n');
  });

  it("record a repository chart's source (repository, name, version, digest) and bring it back", () => {
    const chart = { name: 'parent', version: '1.0.0', repository: 'oci://ghcr.io/org/charts', digest: `sha256:${'ab'.repeat(32)}` };
    const link = encodeShareLink(config('replicas: 2\n', { chart }), { baseUrl: BASE });
    const back = decodeShareLink(link.url);
    expect(back.ok && back.config.chart).toEqual(chart);
    expect(Object.keys(link.config.chart)).toEqual(['name', 'version', 'repository', 'digest']);
  });

  it.each(['https://user:secret@charts.example.com', 'file:///etc', 'charts.example.com'])('refuse a chart repository like %s', (repository) => {
    const back = decodeShareLink(fragmentOf({ ...config(''), chart: { name: 'a', version: '1.0.0', repository } }));
    expect(back.ok).toBe(false);
    expect(!back.ok && back.message).toContain('repository is an https:// repository URL or an oci:// reference, without credentials');
  });

  it('open from a whole URL or from the fragment alone', () => {
    const link = encodeShareLink(config('a: 1\n'));
    expect(decodeShareLink(link.fragment)).toEqual(decodeShareLink(`https://x.example/p?q=1#${link.fragment}`));
  });

  const bomb = `cr1.${base64urlnopad.encode(deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 }))}`;
  const good = encodeShareLink(config(production)).fragment;
  it.each([
    ['not a link', 'https://chartroom.example/configure', 'not-a-link', /not a chartroom configuration link/],
    ['a newer link format', 'https://x/#cr2.AAAA', 'newer-format', /link format 2/],
    ['a truncated link', good.slice(0, good.length - 7), 'corrupt', /damaged or cut short/],
    ['a link cut to its prefix', 'https://x/#cr1.', 'corrupt', /incomplete/],
    ['tampered characters', `${good.slice(0, 40)}!!${good.slice(42)}`, 'corrupt', /damaged/],
    ['tampered data that still inflates', fragmentOf('{"format":1,"chart":'), 'corrupt', /not a configuration/],
    ['a configuration that fails validation', fragmentOf({ format: 1, chart: { name: 'a', version: '1' }, release: { name: 'Bad Name', namespace: 'x' }, values: '' }), 'invalid', /release\.name/],
    ['a newer configuration format', fragmentOf({ format: 2 }), 'newer-format', /format 2/],
    ['a decompression bomb', bomb, 'too-large', new RegExp(`${MAX_INFLATED_BYTES / 1024} KiB`)],
    ['an oversized link', `cr1.${'A'.repeat(70_000)}`, 'too-large', /too long/],
  ])('give a clear message for %s', (_, input, problem, message) => {
    const r = decodeShareLink(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe(problem);
      expect(r.message).toMatch(message);
    }
  });

  it('round-trip random configurations, minus their secrets', () => {
    const key = fc.constantFrom('alpha', 'beta', 'replicas', 'image', 'tag', 'host', 'port', 'enabled', 'labels', 'mode', 'size', 'config', 'nested', 'name');
    const leaf = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9 -]{0,12}$/), fc.integer({ min: -1000, max: 100000 }), fc.boolean(), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, leaf, tie('tree'), fc.array(leaf, { maxLength: 3 })), { minKeys: 1, maxKeys: 5 }),
    }));
    const secret = fc.record({ at: fc.nat(), key: fc.constantFrom('password', 'apiToken', 'clientSecret', 'privateKey'), value: fc.stringMatching(/^[A-Za-z0-9]{6,20}$/) });
    const meta = fc.record({
      release: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
      namespace: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
      kube: fc.constantFrom(undefined, '1.29.0', '1.31.0'),
      preset: fc.constantFrom(undefined, 'production', 'local'),
    });
    fc.assert(
      fc.property(tree, fc.array(secret, { maxLength: 4 }), meta, (values, secrets, m) => {
        const maps: Record<string, unknown>[] = [];
        const collect = (v: unknown) => {
          if (v && typeof v === 'object' && !Array.isArray(v)) {
            maps.push(v as Record<string, unknown>);
            Object.values(v).forEach(collect);
          }
        };
        const planted = structuredClone(values);
        collect(planted);
        for (const s of secrets) maps[s.at % maps.length][s.key] = `S3CRET-${s.value}`;
        const c: ChartroomConfig = { format: 1, chart: { name: 'demo', version: '1.2.3' }, release: { name: m.release, namespace: m.namespace }, values: stringify(planted) };
        if (m.kube) c.kubeVersion = m.kube;
        if (m.preset) c.preset = m.preset;
        const link = encodeShareLink(c, { baseUrl: BASE });
        expect(link.url).not.toContain('S3CRET');
        const back = decodeShareLink(link.url);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.config.values).not.toContain('S3CRET');
        expect(valuesOf(back.config.values)).toEqual(values);
        expect({ ...back.config, values: '' }).toEqual({ ...c, values: '' });
      }),
      { numRuns: 300 },
    );
  });
});
