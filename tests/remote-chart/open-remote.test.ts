/**
 * The page's way to repository charts, end to end in Node: the browser-side modules
 * (lib/remote-chart) go through the app's chart material route (called as Next.js calls it) to a
 * Helm repository served on 127.0.0.1 with charts packaged by the reference helm, and to
 * Debian's docker-registry with charts pushed by `helm push`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/chart-material/route';
import { loadChartSource, renderConfiguration } from '@/lib/configurator/render-job';
import { DEFAULT_RELEASE } from '@/lib/configurator/release-options';
import { archiveDigest } from '@/lib/helm/downloader';
import { listOffer, openRemoteChart, remoteEnv } from '@/lib/remote-chart/open-remote';
import { cachingFetch, type ResponseStore, type StoredResponse } from '@/lib/remote-chart/response-cache';
import { locateChart, type ChartLocation } from '@/lib/remote-chart/locate';
import { routeFetch } from '@/lib/remote-chart/route-fetch';
import { FIXTURE_CHARTS, parentChart } from '../servers/fixture-charts';
import { startChartRepository, type ChartRepositoryServer } from '../servers/chart-repository';
import { startOciRegistry, type OciRegistryServer } from '../servers/oci-registry';
import { addUnbuiltChart } from '../servers/unbuilt-chart';

let deps: ChartRepositoryServer;
let parents: ChartRepositoryServer;
let registry: OciRegistryServer;
let parentArchive = '';
let hub: Server;
let hubOrigin = '';
// The least a repository server holds (its broken repositories are made from these two).
const SMALL_REPOSITORY = { 'greeter-0.1.0': FIXTURE_CHARTS['greeter-0.1.0'], 'greeter-1.0.0': FIXTURE_CHARTS['greeter-1.0.0'] };

const viaRoute = routeFetch('', async (input) => GET(new Request(`http://app.test${input as string}`)));

beforeAll(async () => {
  process.env.CHARTROOM_FETCH_ALLOW_LOCAL = '1';
  [deps, registry] = await Promise.all([startChartRepository(), startOciRegistry()]);
  await registry.push(deps.archives['greeter-1.0.0'], 'charts');
  await registry.push(deps.archives['counter-1.1.0'], 'charts');
  // A parent in its own repository: one dependency from the fixtures' repository, one from the registry.
  parents = await startChartRepository(SMALL_REPOSITORY);
  const parent = parentChart(`  - name: greeter\n    version: ">=0.1.0 <1.0.0"\n    repository: ${deps.url}\n  - name: counter\n    version: 1.1.0\n    repository: ${registry.url}/charts\n`);
  parentArchive = await addUnbuiltChart(parents, parent, 'parent', '1.0.0');
  hub = createServer((req, res) => {
    const pkg = hubPackages()[req.url ?? ''];
    if (pkg) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(pkg));
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
  });
  await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r));
  hubOrigin = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise<void>((r) => (hub ? hub.close(() => r()) : r()));
  delete process.env.CHARTROOM_FETCH_ALLOW_LOCAL;
  await Promise.all([deps?.close(), parents?.close(), registry?.close()]);
});

/**
 * Artifact Hub's answers to GET /api/v1/packages/helm/{repo}/{package}, in the shape its API
 * documents (docs/api/openapi.yaml: Package, RepositorySummary), pointing at the test servers.
 */
function hubPackages(): Record<string, unknown> {
  const repository = (name: string, url: string) => ({
    repository_id: '0cbd4a5c-6b5e-4b8b-9bd4-0e4c6a6b2a11',
    kind: 0,
    name,
    display_name: name,
    url,
    verified_publisher: false,
    official: false,
    private: false,
    scanner_disabled: false,
    organization_name: 'fixtures',
  });
  const versions = (list: string[]) => list.map((version, i) => ({ version, contains_security_updates: false, prerelease: version.includes('-'), ts: 1767225600 - i * 86400 }));
  const pkg = (name: string, version: string, repo: ReturnType<typeof repository>, list: string[]) => ({
    package_id: 'e2f1e3a0-5a7b-4f7e-9d1c-3b9f2c1d0a42',
    name,
    normalized_name: name,
    version,
    app_version: version,
    description: `${name} fixture`,
    stars: 0,
    deprecated: false,
    signed: false,
    has_values_schema: false,
    has_changelog: false,
    contains_security_updates: false,
    prerelease: false,
    ts: 1767225600,
    latest_version: list[0],
    repository: repo,
    available_versions: versions(list),
    ...(repo.url.startsWith('oci://') ? {} : { content_url: `${repo.url}/${name}-${version}.tgz` }),
  });
  return {
    '/api/v1/packages/helm/fixtures/greeter': pkg('greeter', '1.0.0', repository('fixtures', deps.url), ['0.1.0', '1.0.0', '0.3.0-rc.1', '0.2.0']),
    '/api/v1/packages/helm/fixtures/greeter/0.2.0': pkg('greeter', '0.2.0', repository('fixtures', deps.url), ['1.0.0', '0.3.0-rc.1', '0.2.0', '0.1.0']),
    '/api/v1/packages/helm/fixtures-oci/greeter': pkg('greeter', '1.0.0', repository('fixtures-oci', `${registry.url}/charts/greeter`), ['1.0.0']),
  };
}

function memoryStore(): ResponseStore & { entries: Map<string, StoredResponse> } {
  const entries = new Map<string, StoredResponse>();
  return { entries, get: async (k) => entries.get(k), put: async (k, v) => void entries.set(k, v) };
}

const located = (text: string): ChartLocation => {
  const l = locateChart(text);
  if (!l.ok) throw new Error(l.message);
  return l.location;
};

function render(bytes: Uint8Array, subcharts: { fileName: string; bytes: Uint8Array }[]): string {
  const chart = loadChartSource({ kind: 'archive', bytes, subcharts });
  const out = renderConfiguration(chart, { valuesText: '', release: DEFAULT_RELEASE, budget: { deadlineMs: 10_000, maxOutputBytes: 1_000_000 } });
  if (!out.ok) throw new Error(out.message);
  return out.output;
}

describe('charts from a Helm repository, through the route', () => {
  it('lists the charts and versions of the index', async () => {
    const offer = await listOffer(located(`${deps.url}/index.yaml`), remoteEnv(viaRoute));
    expect(offer.repository).toBe(deps.url);
    expect(offer.charts).toEqual([
      { name: 'counter', versions: ['1.1.0', '1.0.0'] },
      { name: 'greeter', versions: ['1.0.0', '0.3.0-rc.1', '0.2.0', '0.1.0'] },
    ]);
  });

  it('opens a chart with its dependencies resolved as helm resolves them, and renders their objects', async () => {
    const opened = await openRemoteChart({ repository: parents.url, name: 'parent', version: '' }, remoteEnv(viaRoute));
    expect(opened.origin).toEqual({ repository: parents.url, name: 'parent', version: '1.0.0', digest: archiveDigest(readFileSync(parentArchive)) });
    expect(opened.dependencies.missing).toEqual([]);
    expect(opened.dependencies.fetched).toEqual([
      { name: 'greeter', version: '0.2.0', repository: deps.url, digest: archiveDigest(readFileSync(deps.archives['greeter-0.2.0'])) },
      { name: 'counter', version: '1.1.0', repository: `${registry.url}/charts`, digest: archiveDigest(readFileSync(deps.archives['counter-1.1.0'])) },
    ]);
    const output = render(opened.bytes, opened.dependencies.subcharts);
    expect(output).toContain('chart: greeter-0.2.0');
    expect(output).toContain('greeting: "hello from the parent"');
    expect(output).toContain('name: release-name-count');
  });

  it('opens a chart from the registry by its oci:// reference', async () => {
    const offer = await listOffer(located(`${registry.url}/charts/greeter:1.0.0`), remoteEnv(viaRoute));
    expect(offer).toEqual({ repository: `${registry.url}/charts`, charts: [{ name: 'greeter', versions: ['1.0.0'] }], preferred: { name: 'greeter', version: '1.0.0' } });
    const opened = await openRemoteChart({ repository: `${registry.url}/charts`, name: 'greeter', version: '1.0.0' }, remoteEnv(viaRoute));
    expect(opened.origin.digest).toBe(archiveDigest(readFileSync(deps.archives['greeter-1.0.0'])));
    expect(render(opened.bytes, [])).toContain('chart: greeter-1.0.0');
  });

  it('reopens from the browser store with the servers gone, and fetches no archive twice', async () => {
    const store = memoryStore();
    const offline: string[] = [];
    let down = false;
    const network = routeFetch('', async (input) => {
      if (down) throw new TypeError('Failed to fetch');
      return GET(new Request(`http://app.test${input as string}`));
    });
    const env = remoteEnv(cachingFetch(network, store, (url) => offline.push(url)));
    const first = await openRemoteChart({ repository: parents.url, name: 'parent', version: '1.0.0' }, env);
    const archiveRequests = () => [...deps.requests, ...parents.requests].filter((p) => p.endsWith('.tgz')).length;
    const before = archiveRequests();
    await openRemoteChart({ repository: parents.url, name: 'parent', version: '1.0.0' }, env);
    expect(archiveRequests()).toBe(before);
    down = true;
    const again = await openRemoteChart({ repository: parents.url, name: 'parent', version: '1.0.0' }, env);
    expect(again.origin).toEqual(first.origin);
    expect(again.dependencies.missing).toEqual([]);
    expect(render(again.bytes, again.dependencies.subcharts)).toBe(render(first.bytes, first.dependencies.subcharts));
    expect(offline).toContain(`${parents.url}/index.yaml`);
  });

  it('names what failed: a tampered dependency is left out with the reason, an unknown version fails', async () => {
    const tampered = await startChartRepository(SMALL_REPOSITORY);
    await addUnbuiltChart(tampered, parentChart(`  - name: greeter\n    version: 1.0.0\n    repository: ${deps.origin}/tampered\n`), 'parent', '1.0.0');
    try {
      const opened = await openRemoteChart({ repository: tampered.url, name: 'parent', version: '1.0.0' }, remoteEnv(viaRoute));
      expect(opened.dependencies.subcharts).toEqual([]);
      expect(opened.dependencies.missing).toHaveLength(1);
      expect(opened.dependencies.missing[0].reason).toMatch(/^dependency "greeter": chart "greeter" 1\.0\.0 from .*\/tampered\/greeter-1\.0\.0\.tgz: digest mismatch/);
    } finally {
      await tampered.close();
    }
    await expect(openRemoteChart({ repository: deps.url, name: 'greeter', version: '9.9.9' }, remoteEnv(viaRoute))).rejects.toThrow(`chart "greeter" version "9.9.9" not found in ${deps.url} repository`);
  });

  it('resolves Artifact Hub package pages to the chart repository or registry', async () => {
    expect(await listOffer(located(`${hubOrigin}/packages/helm/fixtures/greeter`), remoteEnv(viaRoute))).toEqual({
      repository: deps.url,
      charts: [{ name: 'greeter', versions: ['1.0.0', '0.3.0-rc.1', '0.2.0', '0.1.0'] }],
      preferred: { name: 'greeter', version: '1.0.0' },
    });
    expect((await listOffer(located(`${hubOrigin}/packages/helm/fixtures/greeter/0.2.0`), remoteEnv(viaRoute))).preferred).toEqual({ name: 'greeter', version: '0.2.0' });
    const oci = await listOffer(located(`${hubOrigin}/packages/helm/fixtures-oci/greeter`), remoteEnv(viaRoute));
    expect(oci.repository).toBe(`${registry.url}/charts`);
    const opened = await openRemoteChart({ repository: oci.repository, name: 'greeter', version: oci.preferred!.version }, remoteEnv(viaRoute));
    expect(render(opened.bytes, [])).toContain('chart: greeter-1.0.0');
    await expect(listOffer(located(`${hubOrigin}/packages/helm/fixtures/nothing`), remoteEnv(viaRoute))).rejects.toThrow(`${hubOrigin}/api/v1/packages/helm/fixtures/nothing : 404 Not Found`);
  });

  it('is refused by the route for local addresses outside tests, naming the URL', async () => {
    delete process.env.CHARTROOM_FETCH_ALLOW_LOCAL;
    try {
      // (a repository the route has not cached while tests allowed it)
      await expect(listOffer(located(`${deps.origin}/malformed`), remoteEnv(viaRoute))).rejects.toThrow(`${deps.origin}/malformed/index.yaml: only https URLs are fetched`);
    } finally {
      process.env.CHARTROOM_FETCH_ALLOW_LOCAL = '1';
    }
  });
});
