import { describe, expect, it } from 'vitest';
import type { Fetch, FetchResponse } from '../helm/repo';
import { cachingFetch, isImmutable, type ResponseStore, type StoredResponse } from './response-cache';

function memoryStore(): ResponseStore {
  const m = new Map<string, StoredResponse>();
  return { get: async (k) => m.get(k), put: async (k, v) => void m.set(k, v) };
}

const response = (status: number, text: string): FetchResponse => new Response(status === 404 ? null : text, { status, headers: { 'content-type': 'text/yaml' } });
const init = { headers: { Accept: 'text/yaml' }, redirect: 'manual' as const };
const text = async (r: FetchResponse) => new TextDecoder().decode(await r.arrayBuffer());

describe('cachingFetch', () => {
  it('knows which URLs never change', () => {
    expect(isImmutable('https://h/charts/app-1.0.0.tgz')).toBe(true);
    expect(isImmutable(`https://h/v2/org/app/blobs/sha256:${'a'.repeat(64)}`)).toBe(true);
    expect(isImmutable(`https://h/v2/org/app/manifests/sha256:${'b'.repeat(64)}`)).toBe(true);
    expect(isImmutable('https://h/v2/org/app/manifests/1.0.0')).toBe(false);
    expect(isImmutable('https://h/charts/index.yaml')).toBe(false);
  });

  it('reads archives from the store first, and indexes from the network, the store answering when it fails', async () => {
    const calls: string[] = [];
    let down = false;
    let version = 1;
    const inner: Fetch = async (url) => {
      calls.push(url);
      if (down) throw new Error('route unreachable');
      return response(200, `${url} v${version}`);
    };
    const offline: string[] = [];
    const f = cachingFetch(inner, memoryStore(), (url, reason) => offline.push(`${url}: ${reason}`));
    expect(await text(await f('https://h/a-1.tgz', init))).toBe('https://h/a-1.tgz v1');
    version = 2;
    expect(await text(await f('https://h/a-1.tgz', init))).toBe('https://h/a-1.tgz v1');
    expect(await text(await f('https://h/index.yaml', init))).toBe('https://h/index.yaml v2');
    version = 3;
    expect(await text(await f('https://h/index.yaml', init))).toBe('https://h/index.yaml v3');
    expect(calls).toEqual(['https://h/a-1.tgz', 'https://h/index.yaml', 'https://h/index.yaml']);
    down = true;
    expect(await text(await f('https://h/index.yaml', init))).toBe('https://h/index.yaml v3');
    expect(offline).toEqual(['https://h/index.yaml: route unreachable']);
    await expect(f('https://h/other.yaml', init)).rejects.toThrow('route unreachable');
  });

  it('keeps no failed answers', async () => {
    let status = 404;
    const f = cachingFetch(async () => response(status, 'ok'), memoryStore());
    expect((await f('https://h/b-1.tgz', init)).status).toBe(404);
    status = 200;
    expect(await text(await f('https://h/b-1.tgz', init))).toBe('ok');
  });
});
