/**
 * The downloader library against a real chart repository and a real OCI registry (tests/servers):
 * the bytes helm packaged arrive intact, helm's version choice, and every broken source refused
 * with a message that names it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startChartRepository, type ChartRepositoryServer } from '../servers/chart-repository';
import { startOciRegistry, type OciRegistryServer } from '../servers/oci-registry';
import { downloadChart, fetchDependencies, resolveDependencies } from '../../lib/helm/downloader';
import { CONFIG_MEDIA_TYPE, RegistryClient, parseOciReference } from '../../lib/helm/registry';
import type { Dependency } from '../../lib/helm/chart/chart';

let repo: ChartRepositoryServer;
let registry: OciRegistryServer;
const env = () => ({ fetch, plainHttp: true });

beforeAll(async () => {
  [repo, registry] = await Promise.all([startChartRepository(), startOciRegistry()]);
  for (const key of ['greeter-0.1.0', 'greeter-0.2.0', 'greeter-0.3.0-rc.1', 'greeter-1.0.0', 'counter-1.0.0']) await registry.push(repo.archives[key]);
  await registry.pushArtifact('charts/image', '1.0.0', { configMediaType: 'application/vnd.oci.image.config.v1+json', layerMediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', layer: new Uint8Array([1, 2, 3]) });
  await registry.pushArtifact('charts/liar', '1.0.0', { configMediaType: CONFIG_MEDIA_TYPE, layerMediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', layer: readFileSync(repo.archives['counter-1.0.0']) });
});
afterAll(async () => {
  await Promise.all([repo?.close(), registry?.close()]);
});

const dep = (name: string, version: string, repository: string, alias = ''): Dependency => ({ name, version, repository, condition: '', enabled: false, alias });

describe('downloading charts', () => {
  it('gets the bytes helm packaged, from the repository and from the registry', async () => {
    const packaged = readFileSync(repo.archives['greeter-1.0.0']);
    const a = await downloadChart('greeter', { repoUrl: repo.url, version: '1.0.0' }, env());
    const b = await downloadChart(`${registry.url}/charts/greeter`, { version: '1.0.0' }, env());
    const c = await downloadChart(`${repo.url}/greeter-1.0.0.tgz`, {}, env());
    for (const got of [a, b, c]) expect(Buffer.from(got.bytes).equals(packaged)).toBe(true);
    expect([a.fileName, b.fileName, c.fileName]).toEqual(['greeter-1.0.0.tgz', 'greeter-1.0.0.tgz', 'greeter-1.0.0.tgz']);
    expect(a.source).toMatchObject({ kind: 'repo', location: repo.url, name: 'greeter', version: '1.0.0' });
    expect(b.source).toMatchObject({ kind: 'oci', location: `${registry.url}/charts/greeter`, version: '1.0.0', digest: a.source.digest });
  });

  it('picks the newest release for a constraint, in the index and among the tags', async () => {
    expect((await downloadChart('greeter', { repoUrl: repo.url, version: '<1.0.0' }, env())).source.version).toBe('0.2.0');
    expect((await downloadChart(`${registry.url}/charts/greeter`, { version: '<1.0.0' }, env())).source.version).toBe('0.2.0');
    expect((await downloadChart(`${registry.url}/charts/greeter`, {}, env())).source.version).toBe('1.0.0');
    const tags = await new RegistryClient(env()).tags(parseOciReference(`${registry.url}/charts/greeter`));
    expect(tags).toEqual(['1.0.0', '0.3.0-rc.1', '0.2.0', '0.1.0']);
  });

  it.each([
    ['an unknown version', () => downloadChart('greeter', { repoUrl: repo.url, version: '7.0.0' }, env()), /chart "greeter" version "7.0.0" not found in http:\/\/127\.0\.0\.1:\d+\/charts repository/],
    ['a 404 repository', () => downloadChart('greeter', { repoUrl: `${repo.origin}/nowhere` }, env()), /looks like "http:\/\/127\.0\.0\.1:\d+\/nowhere" is not a valid chart repository or cannot be reached: failed to fetch http:\/\/127\.0\.0\.1:\d+\/nowhere\/index\.yaml : 404 Not Found/],
    ['an unreachable host', () => downloadChart('greeter', { repoUrl: 'http://127.0.0.1:2/charts' }, env()), /looks like "http:\/\/127\.0\.0\.1:2\/charts" is not a valid chart repository or cannot be reached: Get "http:\/\/127\.0\.0\.1:2\/charts\/index\.yaml": fetch failed: connect ECONNREFUSED/],
    ['a redirect loop', () => downloadChart('greeter', { repoUrl: `${repo.origin}/loop` }, env()), /Get "http:\/\/127\.0\.0\.1:\d+\/loop\/index\.yaml": stopped after 10 redirects/],
    ['a huge index', () => downloadChart('greeter', { repoUrl: `${repo.origin}/huge` }, env()), /\/huge\/index\.yaml: the response is larger than the limit of 20971520 bytes/],
    ['a malformed index', () => downloadChart('greeter', { repoUrl: `${repo.origin}/malformed` }, env()), /\/malformed" is not a valid chart repository or cannot be reached: index\.yaml is not valid YAML/],
    ['a tampered archive', () => downloadChart('greeter', { repoUrl: `${repo.origin}/tampered` }, env()), /chart "greeter" 1\.0\.0 from http:\/\/127\.0\.0\.1:\d+\/tampered\/greeter-1\.0\.0\.tgz: digest mismatch: the repository index says sha256:[0-9a-f]{64}, the archive is sha256:[0-9a-f]{64}/],
    ['a zip-slip archive', () => downloadChart('greeter', { repoUrl: `${repo.origin}/zipslip` }, env()), /\/zipslip\/greeter-1\.0\.0\.tgz: not a usable chart archive: chart illegally references parent directory/],
    ['an oversized archive', () => downloadChart('greeter', { repoUrl: `${repo.origin}/bomb` }, env()), /\/bomb\/greeter-1\.0\.0\.tgz: not a usable chart archive: decompressed chart file "greeter\/templates\/big\.yaml" is larger than the maximum file size 5242880/],
    ['an archive missing from its repository', () => downloadChart('greeter', { repoUrl: `${repo.origin}/missing-archive` }, env()), /failed to fetch http:\/\/127\.0\.0\.1:\d+\/missing-archive\/greeter-1\.0\.0\.tgz : 404 Not Found/],
    ['an OCI image that is not a chart', () => downloadChart(`${registry.url}/charts/image`, { version: '1.0.0' }, env()), /oci:\/\/127\.0\.0\.1:\d+\/charts\/image:1\.0\.0: could not load config with mediatype application\/vnd\.cncf\.helm\.config\.v1\+json \(the manifest's config is application\/vnd\.oci\.image\.config\.v1\+json\)/],
    ['an unknown OCI tag', () => downloadChart(`${registry.url}/charts/greeter`, { version: '9.9.9' }, env()), /failed to fetch http:\/\/127\.0\.0\.1:\d+\/v2\/charts\/greeter\/manifests\/9\.9\.9 : oci:\/\/127\.0\.0\.1:\d+\/charts\/greeter:9\.9\.9: not found/],
    ['an unsatisfiable OCI constraint', () => downloadChart(`${registry.url}/charts/greeter`, { version: '^5' }, env()), /could not locate a version matching provided version string \^5/],
  ])('refuses %s, naming it', async (_, run, message) => {
    await expect(run()).rejects.toThrow(message);
  });
});

describe('resolving dependencies', () => {
  it('locks each dependency at the version helm picks and fetches each archive once', async () => {
    const req = [dep('greeter', '~0.1 || ^0.2', repo.url), dep('greeter', '>=0.1.0', `${registry.url}/charts`, 'g2'), dep('counter', '1.0.0', `${registry.url}/charts`), dep('greeter', '~0.2', repo.url, 'again')];
    const { lock } = await resolveDependencies(req, env());
    expect(lock.dependencies!.map((d) => `${d!.name} ${d!.version} ${d!.repository}`)).toEqual([
      `greeter 0.2.0 ${repo.url}`,
      `greeter 1.0.0 ${registry.url}/charts`,
      `counter 1.0.0 ${registry.url}/charts`,
      `greeter 0.2.0 ${repo.url}`,
    ]);
    const archives = await fetchDependencies(lock.dependencies!, env());
    expect(archives.map((a) => a.fileName)).toEqual(['greeter-0.2.0.tgz', 'greeter-1.0.0.tgz', 'counter-1.0.0.tgz']);
  });

  it('lists every dependency without a matching version, as helm does', async () => {
    await expect(resolveDependencies([dep('greeter', '^3', repo.url), dep('counter', '^9', `${registry.url}/charts`)], env())).rejects.toThrow(
      `can't get a valid version for 2 subchart(s): "greeter" (repository "${repo.url}", version "^3"), "counter" (repository "${registry.url}/charts", version "^9"). Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml`,
    );
  });
});
