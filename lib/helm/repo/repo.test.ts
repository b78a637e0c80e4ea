import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FetchError, getBytes, type Fetch, type FetchResponse } from '../getter/fetch';
import { getChartVersion, parseIndexFile } from './index-file';
import { findChartInRepoUrl, resolveReferenceUrl } from './chart-repo';
import { parseRepositoriesFile, sameRepositoryUrl } from './repositories';
import { hashReq, lockYaml } from '../chartutil/lock';
import { loadChartFiles } from '../chart/loader';

/** An in-memory web: URL → status, headers, body. */
function fakeFetch(routes: Record<string, { status?: number; headers?: Record<string, string>; body?: string | Uint8Array }>): Fetch & { calls: string[] } {
  const calls: string[] = [];
  const f = (async (url: string) => {
    calls.push(url);
    const r = routes[url] ?? { status: 404 };
    const body = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : (r.body ?? new Uint8Array());
    const headers = new Map(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const res: FetchResponse = {
      status: r.status ?? 200,
      statusText: '',
      headers: { get: (n) => headers.get(n.toLowerCase()) ?? null },
      body: new ReadableStream({ start: (c) => { c.enqueue(body); c.close(); } }),
      arrayBuffer: async () => body.buffer as ArrayBuffer,
    };
    return res;
  }) as unknown as Fetch & { calls: string[] };
  f.calls = calls;
  return f;
}

const INDEX = `apiVersion: v1
entries:
  app:
  - {apiVersion: v2, name: app, version: 1.2.0, urls: [app-1.2.0.tgz], digest: abc}
  - {apiVersion: v2, name: app, version: 1.10.0, urls: [app-1.10.0.tgz]}
  - {apiVersion: v2, name: app, version: 2.0.0-rc.1, urls: [app-2.0.0-rc.1.tgz]}
  - {apiVersion: v2, name: app, version: v1.3, urls: [app-v1.3.tgz]}
  - {apiVersion: v2, name: app, version: not-a-version, urls: [x.tgz]}
  - {apiVersion: v2, name: app, urls: [noversion.tgz]}
  - null
  other: []
`;

describe('repository index', () => {
  it('sorts versions newest first and drops the entries helm skips, saying why', () => {
    const warnings: string[] = [];
    const idx = parseIndexFile(INDEX, 'https://r.example', (m) => warnings.push(m));
    expect(idx.entries.get('app')!.map((cv) => cv.metadata.version)).toEqual(['2.0.0-rc.1', '1.10.0', 'v1.3', '1.2.0']);
    expect(warnings).toEqual([
      'skipping loading invalid entry for chart "app" from https://r.example: empty entry',
      'skipping loading invalid entry for chart "app" "" from https://r.example: validation: chart.metadata.version is required',
      'skipping loading invalid entry for chart "app" "not-a-version" from https://r.example: validation: chart.metadata.version "not-a-version" is invalid',
    ]);
  });

  it.each([
    ['', '1.10.0'],
    ['1.2.0', '1.2.0'],
    ['v1.3', 'v1.3'],
    ['~1.2', '1.2.0'],
    ['^1.0.0', '1.10.0'],
    ['>=2.0.0-0', '2.0.0-rc.1'],
    ['1.3.0', 'v1.3'],
  ])('picks for constraint %j the version helm picks (%s)', (constraint, want) => {
    const idx = parseIndexFile(INDEX, 'r');
    expect(getChartVersion(idx, 'app', constraint).metadata.version).toBe(want);
  });

  it.each([
    ['app', '~3.0', 'no chart version found for app-~3.0'],
    ['missing', '', 'no chart name found'],
    ['other', '', 'no chart version found'],
    ['app', '>>1', 'improper constraint: >>1'],
  ])('refuses %s %j: %s', (name, constraint, message) => {
    expect(() => getChartVersion(parseIndexFile(INDEX, 'r'), name, constraint)).toThrow(message);
  });

  it.each([
    ['', 'https://r.example: empty index.yaml file'],
    ['entries: {}\n', 'https://r.example: no API version specified'],
    ['apiVersion: v1\nentries: [1, 2]\n', 'https://r.example: index.yaml "entries" is not a map of charts'],
    ['apiVersion: v1\nentries:\n  a: [\n', 'https://r.example: index.yaml is not valid YAML'],
  ])('refuses a malformed index %j', (text, message) => {
    expect(() => parseIndexFile(text, 'https://r.example')).toThrow(message);
  });

  it.each([
    ['https://r.example/charts', 'app-1.0.0.tgz', 'https://r.example/charts/app-1.0.0.tgz'],
    ['https://r.example/charts/', 'app-1.0.0.tgz', 'https://r.example/charts/app-1.0.0.tgz'],
    ['https://r.example/charts?token=x', 'a/app.tgz', 'https://r.example/charts/a/app.tgz?token=x'],
    ['https://r.example/charts', '/abs/app.tgz', 'https://r.example/abs/app.tgz'],
    ['https://r.example/charts', 'https://cdn.example/app.tgz', 'https://cdn.example/app.tgz'],
  ])('resolves chart URLs against the repository as helm does: %s + %s', (base, ref, want) => {
    expect(resolveReferenceUrl(base, ref)).toBe(want);
  });

  it('names the chart, version and repository when the index lacks the version', async () => {
    const fetch = fakeFetch({ 'https://r.example/index.yaml': { body: INDEX } });
    await expect(findChartInRepoUrl('https://r.example', 'app', '9.9.9', { fetch })).rejects.toThrow('chart "app" version "9.9.9" not found in https://r.example repository');
    const found = await findChartInRepoUrl('https://r.example', 'app', '1.2.0', { fetch });
    expect(found).toMatchObject({ url: 'https://r.example/app-1.2.0.tgz', digest: 'sha256:abc' });
  });

  it('says the repository cannot be reached, naming it, on a 404', async () => {
    const fetch = fakeFetch({});
    await expect(findChartInRepoUrl('https://r.example/x', 'app', '', { fetch })).rejects.toThrow(
      'looks like "https://r.example/x" is not a valid chart repository or cannot be reached: failed to fetch https://r.example/x/index.yaml : 404 Not Found',
    );
  });
});

describe('getBytes', () => {
  it('follows relative redirects and stops a loop after 10, naming the URL', async () => {
    const fetch = fakeFetch({
      'https://a.example/start': { status: 302, headers: { Location: '/next' } },
      'https://a.example/next': { status: 301, headers: { Location: 'https://b.example/file' } },
      'https://b.example/file': { body: 'ok' },
      'https://a.example/loop': { status: 302, headers: { Location: '/loop' } },
    });
    const got = await getBytes(fetch, 'https://a.example/start', { maxBytes: 10 });
    expect(new TextDecoder().decode(got.bytes)).toBe('ok');
    expect(got.url).toBe('https://b.example/file');
    const err = await getBytes(fetch, 'https://a.example/loop', { maxBytes: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toBe('Get "https://a.example/loop": stopped after 10 redirects');
    expect(fetch.calls.filter((u) => u.endsWith('/loop'))).toHaveLength(10);
  });

  it('refuses a body over the limit, by its declared length or as it streams', async () => {
    const fetch = fakeFetch({
      'https://a.example/declared': { headers: { 'Content-Length': '100' }, body: 'x' },
      'https://a.example/streamed': { body: 'x'.repeat(11) },
    });
    await expect(getBytes(fetch, 'https://a.example/declared', { maxBytes: 10 })).rejects.toThrow('https://a.example/declared: the response is larger than the limit of 10 bytes');
    await expect(getBytes(fetch, 'https://a.example/streamed', { maxBytes: 10 })).rejects.toThrow('https://a.example/streamed: the response is larger than the limit of 10 bytes');
  });

  it('names the URL when the transport fails', async () => {
    const fetch: Fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    };
    await expect(getBytes(fetch, 'http://127.0.0.1:1/index.yaml', { maxBytes: 10 })).rejects.toThrow('Get "http://127.0.0.1:1/index.yaml": fetch failed: connect ECONNREFUSED 127.0.0.1:1');
  });
});

describe('Chart.lock', () => {
  it('digests Chart.yaml and Chart.lock as helm did for the bundled Aeterna chart', () => {
    const read = (f: string) => ({ name: f, data: readFileSync(`charts/aeterna/${f}`) });
    const c = loadChartFiles([read('Chart.yaml'), read('Chart.lock')]);
    expect(hashReq(c.metadata.dependencies, c.lock!.dependencies)).toBe(c.lock!.digest);
  });

  it('writes the lock with the keys in the order sigs.k8s.io/yaml gives them', () => {
    const text = lockYaml(
      { generated: '', digest: 'sha256:00', dependencies: [{ name: 'a', repository: 'https://r.example', version: '1.0', condition: '', enabled: false, alias: '' }] },
      new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 600)),
    );
    expect(text).toBe('dependencies:\n- name: a\n  repository: https://r.example\n  version: "1.0"\ndigest: sha256:00\ngenerated: "2026-01-02T03:04:05.6Z"\n');
  });
});

describe('repositories.yaml', () => {
  it('reads named repositories and compares URLs as helm does', () => {
    const repos = parseRepositoriesFile('apiVersion: ""\nrepositories:\n- name: local\n  url: http://127.0.0.1:8080/charts/\n- name: ""\n  url: x\n');
    expect(repos).toEqual([{ name: 'local', url: 'http://127.0.0.1:8080/charts/', username: undefined, password: undefined, passCredentialsAll: false }]);
    expect(sameRepositoryUrl('http://127.0.0.1:8080/charts/', 'http://127.0.0.1:8080/charts')).toBe(true);
    expect(sameRepositoryUrl('http://127.0.0.1:8080/charts', 'http://127.0.0.1:8080/other')).toBe(false);
  });
});

describe('OCI registry client', () => {
  it('asks the token service for an anonymous pull token when the registry says 401, then sends it', async () => {
    const { RegistryClient } = await import('../registry/client');
    const { parseOciReference } = await import('../registry/reference');
    const seen: Record<string, string | undefined> = {};
    const fetch: Fetch = async (url, init) => {
      seen[url] = init.headers.Authorization;
      const json = (status: number, body: unknown, headers: Record<string, string> = {}): FetchResponse => {
        const bytes = new TextEncoder().encode(JSON.stringify(body));
        const h = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
        return { status, statusText: '', headers: { get: (n) => h.get(n.toLowerCase()) ?? null }, body: null, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
      };
      if (url.startsWith('https://auth.example/token')) return json(200, { token: 'T0K' });
      if (init.headers.Authorization !== 'Bearer T0K') return json(401, {}, { 'WWW-Authenticate': 'Bearer realm="https://auth.example/token",service="reg.example",scope="repository:org/app:pull"' });
      if (url.endsWith('/tags/list')) return json(200, { tags: ['1.0.0', '1.2.0_build.1', 'latest', 'v2.0.0', '1.10.0'] }, {});
      return json(404, {});
    };
    const client = new RegistryClient({ fetch });
    expect(await client.tags(parseOciReference('oci://reg.example/org/app'))).toEqual(['1.10.0', '1.2.0+build.1', '1.0.0']);
    expect(seen['https://auth.example/token?service=reg.example&scope=repository%3Aorg%2Fapp%3Apull']).toBeUndefined();
    expect(seen['https://reg.example/v2/org/app/tags/list']).toBe('Bearer T0K');
  });
});
