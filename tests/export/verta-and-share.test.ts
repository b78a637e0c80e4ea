import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { buildValuesBundle } from '../../lib/export/bundle';
import { runCli } from '../../lib/cli/main';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import type { HelmVersion } from '../../lib/helm/version';
import { encodeShareLink } from '../../lib/share/link';
import { leaks, plantedConfig, root, unzipText, PLANTED } from './fixtures';

const prod = readFileSync(resolve(root, 'charts/verta/values-prod.yaml'), 'utf8');
const vertaValues = `${prod.replace(/^frontend:\n/m, 'frontend:\n  tenantSlug: demo\n')}secrets:\n  databaseUrl: mysql://verta:${PLANTED}@gw.tidbcloud.com:4000/verta\n  discordToken: ${PLANTED}-discord\n`
  .replace(/^redis:\n/m, `redis:\n  auth:\n    password: ${PLANTED}-redis\n`);
const VERTA_BUNDLE = await buildValuesBundle(loadChartFromDisk(resolve(root, 'charts/verta')), {
  format: 1, chart: { name: 'verta', version: '1.0.0' }, release: { name: 'verta', namespace: 'verta' }, values: vertaValues,
});

describe('Verta bundle', () => {
  const bundle = VERTA_BUNDLE;
  const files = unzipText(bundle.zip);

  it('renders, leaks nothing, and wires both Secrets (with createSecret off for Redis)', () => {
    expect(bundle.warnings).toEqual([]);
    expect(leaks(files)).toEqual([]);
    const v = parse(files.get('values.yaml')!);
    expect(v.secrets).toEqual({ existingSecret: 'verta-secrets' });
    expect(v.redis.auth).toEqual({ existingSecret: 'verta-redis-auth', createSecret: false });
    const skeleton = files.get('secrets.example.yaml')!;
    for (const key of ['database-url', 'discord-bot-token', 'admin-api-key', 'ml-service-api-key', 'redis-password']) expect(skeleton).toContain(`${key}:`);
  });
});

describe('chartroom share', () => {
  const io = (out: string[], err: string[], files: Record<string, string> = {}) => ({
    loadChart: (ref: string, helmVersion?: HelmVersion) => loadChartFromDisk(ref, undefined, undefined, helmVersion),
    readFile: (p: string) => new TextEncoder().encode(files[p] ?? readFileSync(p, 'utf8')),
    writeFile: () => {},
    stdout: (t: string) => out.push(t),
    stderr: (t: string) => err.push(t),
  });

  it('prints the link the library makes, and decodes it back', async () => {
    const c = plantedConfig();
    const files = { 'v.yaml': c.values, 'dev.yaml': c.environments![0].values, 'prod.yaml': c.environments![1].values };
    const out: string[] = [];
    const err: string[] = [];
    const args = ['share', 'charts/aeterna', '-f', 'v.yaml', '--release', 'aeterna', '-n', 'aeterna', '--kube-version', '1.31.0', '--preset', 'production', '--env', 'dev=dev.yaml', '--env', 'prod=prod.yaml', '--base-url', 'https://chartroom.example/'];
    expect(await runCli(args, io(out, err, files))).toBe(0);
    const schema = JSON.parse(readFileSync(resolve(root, 'charts/aeterna/values.schema.json'), 'utf8'));
    const lib = encodeShareLink({ ...c, helmVersion: '4.1' }, { schema, baseUrl: 'https://chartroom.example/' });
    expect(out.join('')).toBe(`${lib.url}\n`);
    expect(out.join('')).not.toContain(PLANTED);
    expect(err.join('')).toContain('Left out because they are secrets: values: aeterna.extraEnv[0].value, values: qdrant.external.apiKey, environments.dev: secrets.openaiApiKey');

    const decoded: string[] = [];
    expect(await runCli(['share', '--decode', lib.url], io(decoded, []))).toBe(0);
    const text = decoded.join('');
    expect(text).toMatch(/^chart: aeterna 0\.1\.0\nrelease: aeterna\nnamespace: aeterna\nhelm-version: 4\.1\nkube-version: 1\.31\.0\npreset: production\n--- values\.yaml\n/);
    expect(text).toContain('--- values-prod.yaml\naeterna:\n  replicas: 5\n');
  });

  it.each([
    ['https://chartroom.example/#cr1.', /incomplete/],
    ['https://chartroom.example/#cr1.%%%%', /damaged/],
    ['https://chartroom.example/', /not a chartroom configuration link/],
  ])('explains why %s does not open', async (link, message) => {
    const err: string[] = [];
    expect(await runCli(['share', '--decode', link], io([], err))).toBe(1);
    expect(err.join('')).toMatch(message);
  });
});
