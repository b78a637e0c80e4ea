/**
 * pkg/getter's HTTP side over an injected `fetch`: chartroom never calls the network itself, so
 * the same code runs in Node (global fetch), in the browser (through the app's server route) and in
 * tests. Redirects are followed here, one hop at a time, so a transport that vets every address
 * (the server route) sees each hop, and a loop ends after Go's ten.
 */

/** The part of a WHATWG `Response` chartroom reads. */
export interface FetchResponse {
  readonly status: number;
  readonly statusText: string;
  readonly type?: string;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FetchInit {
  method?: 'GET' | 'HEAD';
  headers: Record<string, string>;
  redirect: 'manual';
  signal?: AbortSignal;
}

/** A `fetch`-like function: `globalThis.fetch` fits. */
export type Fetch = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** A download that failed, with the URL it was for and Helm's wording where Helm has one. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The most redirects followed for one request (Go's http.Client stops after 10). */
export const MAX_REDIRECTS = 10;
/** The largest chart archive downloaded. */
export const MAX_ARCHIVE_BYTES = 50 * 1024 * 1024;
/** The largest repository index downloaded. */
export const MAX_INDEX_BYTES = 20 * 1024 * 1024;
/** The largest OCI manifest, tag list or config blob downloaded. */
export const MAX_METADATA_BYTES = 4 * 1024 * 1024;

export interface GetOptions {
  /** The Accept header. */
  accept?: string;
  headers?: Record<string, string>;
  /** The most bytes the body may have. */
  maxBytes: number;
  signal?: AbortSignal;
}

export interface GetResult {
  /** The URL that answered, after redirects. */
  url: string;
  bytes: Uint8Array;
  headers: FetchResponse['headers'];
}

/** Reads a successful response: status 200, body within `maxBytes`. */
export type ResponseCheck = (res: FetchResponse, url: string) => void;

/**
 * GET `url` through `fetch`, following redirects (relative `Location`s resolved as Go does),
 * and returns the body. Fails with {@link FetchError}: Helm's `failed to fetch URL : 404 Not
 * Found` for an error status, Go's `Get "URL": stopped after 10 redirects` for a loop.
 */
export async function getBytes(fetch: Fetch, url: string, opts: GetOptions): Promise<GetResult> {
  const res = await getResponse(fetch, url, opts);
  if (res.response.status < 200 || res.response.status > 299) {
    await res.response.body?.cancel().catch(() => {});
    throw new FetchError(res.url, `failed to fetch ${res.url} : ${res.response.status} ${res.response.statusText || statusText(res.response.status)}`.trimEnd(), res.response.status);
  }
  return { url: res.url, bytes: await readBody(res.response, res.url, opts.maxBytes), headers: res.response.headers };
}

/** The final response to a GET, after redirects; the caller reads or cancels its body. */
export async function getResponse(fetch: Fetch, url: string, opts: Omit<GetOptions, 'maxBytes'>): Promise<{ url: string; response: FetchResponse }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.accept) headers.Accept = opts.accept;
  let current = url;
  for (let hop = 0; ; hop++) {
    let res: FetchResponse;
    try {
      res = await fetch(current, { method: 'GET', headers, redirect: 'manual', signal: opts.signal });
    } catch (e) {
      throw new FetchError(current, `Get ${JSON.stringify(current)}: ${transportReason(e)}`);
    }
    if (res.type === 'opaqueredirect') throw new FetchError(current, `Get ${JSON.stringify(current)}: redirected, and this transport cannot follow redirects`);
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (location === null) return { url: current, response: res };
    await res.body?.cancel().catch(() => {});
    if (hop + 1 >= MAX_REDIRECTS) throw new FetchError(current, `Get ${JSON.stringify(current)}: stopped after ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, current);
    // Credentials go only to the host they were meant for (Go drops Authorization on a new host).
    if (next.host !== new URL(current).host) delete headers.Authorization;
    current = next.href;
  }
}

/** The response body, refused as soon as it passes `maxBytes`. */
export async function readBody(res: FetchResponse, url: string, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new FetchError(url, `${url}: the response is larger than the limit of ${maxBytes} bytes`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!res.body) {
    const whole = new Uint8Array(await res.arrayBuffer());
    if (whole.length > maxBytes) throw tooLarge();
    return whole;
  }
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      parts.push(value);
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(url, `${url}: ${transportReason(e)}`);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Why a request failed, from a fetch error and its causes (Node puts the socket error in `cause`). */
function transportReason(e: unknown): string {
  const parts: string[] = [];
  for (let x: unknown = e; x instanceof Error && parts.length < 4; x = (x as Error & { cause?: unknown }).cause) {
    const code = (x as Error & { code?: string }).code;
    parts.push(code && !x.message.includes(code) ? `${x.message} (${code})` : x.message);
  }
  return parts.length ? parts.join(': ') : String(e);
}

const STATUS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function statusText(status: number): string {
  return STATUS[status] ?? '';
}
