/**
 * Chart material kept in the browser, so a chart opened once reopens offline and no archive is
 * downloaded twice. Archives and content-addressed registry objects (blobs and manifests named by
 * digest) never change: they are read from the store first. Indexes, tag lists and manifests by
 * tag do change: they are fetched, and the stored copy answers only when the network fails.
 * Whatever is read back is checked again by the library (index digests, blob digests).
 */
import type { Fetch, FetchResponse } from '../helm';

export interface StoredResponse {
  url: string;
  contentType: string;
  body: Uint8Array;
  storedAt: number;
}

/** Where responses are kept (IndexedDB in the page, a Map in tests). */
export interface ResponseStore {
  get(key: string): Promise<StoredResponse | undefined>;
  put(key: string, value: StoredResponse): Promise<void>;
}

/** Whether `url` names content that never changes. */
export function isImmutable(url: string): boolean {
  const path = new URL(url).pathname;
  return /\.tgz$/i.test(path) || /\/(blobs|manifests)\/sha256:[0-9a-f]{64}$/.test(path);
}

function replay(s: StoredResponse): FetchResponse {
  const body = s.body;
  return {
    status: 200,
    statusText: 'OK',
    headers: new Headers({ 'content-type': s.contentType, 'content-length': String(body.length) }),
    body: null,
    arrayBuffer: async () => body.slice().buffer,
  };
}

/**
 * `inner` with a store in front. `onOffline` hears of each stored answer used because the
 * network failed, with the reason.
 */
export function cachingFetch(inner: Fetch, store: ResponseStore, onOffline: (url: string, reason: string) => void = () => {}): Fetch {
  return async (url, init) => {
    const immutable = isImmutable(url);
    const key = immutable ? url : `${init.headers.Accept ?? ''}\n${url}`;
    const stored = await store.get(key).catch(() => undefined);
    if (immutable && stored) return replay(stored);
    let res: FetchResponse;
    try {
      res = await inner(url, init);
    } catch (e) {
      if (!stored) throw e;
      onOffline(url, (e as Error).message);
      return replay(stored);
    }
    if (res.status < 200 || res.status > 299) return res;
    const body = new Uint8Array(await res.arrayBuffer());
    const entry = { url, contentType: res.headers.get('content-type') ?? '', body, storedAt: Date.now() };
    // A full store (quota) only costs the offline copy.
    await store.put(key, entry).catch(() => undefined);
    return replay(entry);
  };
}
