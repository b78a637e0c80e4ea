/**
 * A bundled chart named on the command line fetches its dependencies when their repositories
 * answer. Aeterna's three (an OCI chart on ghcr.io and two Helm repositories on github.io) are
 * served here by the test servers, as stand-in charts of our own with the same names and
 * versions; the network is pointed at them by a fetch that rewrites those hosts. helm renders a
 * copy of the chart with the same archives in its charts/: both outputs must be the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startChartRepository, type ChartRepositoryServer } from '../servers/chart-repository';
import { startOciRegistry, type OciRegistryServer } from '../servers/oci-registry';
import type { Fetch } from '../../lib/helm/repo';
import type { ChartFiles } from '../helm/reference';
import { chartroom, helm, helmHome, HELMS } from './cli-helpers';

const standIn = (name: string, version: string): ChartFiles => ({
  'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: ${version}\ndescription: stand-in for ${name} in tests\n`,
  'values.yaml': 'standIn: true\n',
  'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-{{ .Chart.Name }}-standin\ndata:\n  chart: {{ .Chart.Name }}-{{ .Chart.Version }}\n',
});

let repo: ChartRepositoryServer;
let registry: OciRegistryServer;
let viaTestServers: Fetch;

beforeAll(async () => {
  [repo, registry] = await Promise.all([
    startChartRepository({ 'dragonfly-v1.30.3': standIn('dragonfly', 'v1.30.3'), 'cloudnative-pg-0.29.0': standIn('cloudnative-pg', '0.29.0'), 'qdrant-1.16.3': standIn('qdrant', '1.16.3') }),
    startOciRegistry(),
  ]);
  await registry.push(repo.archives['dragonfly-v1.30.3'], 'dragonflydb/dragonfly/helm');
  const rewrite = (url: string) =>
    url
      .replace('https://ghcr.io/', `http://${registry.host}/`)
      .replace('https://cloudnative-pg.github.io/charts', repo.url)
      .replace('https://qdrant.github.io/qdrant-helm', repo.url);
  viaTestServers = (url, init) => fetch(rewrite(url), init);
});
afterAll(async () => {
  await Promise.all([repo?.close(), registry?.close()]);
});

describe.each(HELMS)('chartroom template aeterna with reachable dependencies, against helm %s', (version) => {
  it('renders the dependencies Chart.lock pins, as helm renders them vendored', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'chartroom-aeterna-')), 'aeterna');
    cpSync(resolve(__dirname, '../../charts/aeterna'), copy, { recursive: true });
    mkdirSync(join(copy, 'charts'));
    for (const key of ['dragonfly-v1.30.3', 'cloudnative-pg-0.29.0', 'qdrant-1.16.3']) cpSync(repo.archives[key], join(copy, 'charts', `${key}.tgz`));
    // A fixed key: the generated one is random on each side.
    const flags = ['--set', 'redis.enabled=true', '--set', 'postgresql.enabled=true', '--set', 'qdrant.enabled=true', '--set', 'secrets.localKmsKey=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY='];
    const h = await helm(version, ['template', 'rel', copy, ...flags], helmHome().env);
    expect(h.status, h.stderr).toBe(0);
    for (const name of ['redis', 'cloudnative-pg', 'qdrant']) expect(h.stdout).toContain(`name: rel-${name}-standin`);
    const ours = await chartroom(['template', 'rel', 'aeterna', ...flags, '--helm-version', version.startsWith('3') ? '3' : '4'], { fetch: viaTestServers });
    expect(ours.stderr).toBe(h.stderr);
    expect(ours.stdout).toBe(h.stdout);
  });
});
