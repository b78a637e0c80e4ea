/**
 * The page's way to chart hosts: every request goes through the app's chart material route
 * (app/api/chart-material), which fetches it under the server's rules, since most hosts send no
 * CORS headers. Only the Accept header travels; the page's cookies and any Authorization a
 * caller sets stay here (registries' anonymous tokens are the route's business).
 */
import type { Fetch, FetchResponse } from '../helm';

export const CHART_MATERIAL_ROUTE = '/api/chart-material';

/** A {@link Fetch} through the route; `base` is the app's origin ('' on the page itself). */
export function routeFetch(base = '', transport: typeof fetch = (...args) => fetch(...args)): Fetch {
  return async (url, init) => {
    const accept = init.headers.Accept ?? init.headers.accept;
    const res = await transport(`${base}${CHART_MATERIAL_ROUTE}?url=${encodeURIComponent(url)}`, {
      headers: accept ? { accept } : {},
      signal: init.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    if (res.ok) return res as FetchResponse;
    const refusal = await res.json().then(
      (body: { error?: unknown }) => (typeof body.error === 'string' ? body.error : null),
      () => null,
    );
    // A host's 404 stays a 404, so the library words it as helm does; any other failure or
    // refusal is the route's message, which names the URL and the reason.
    if (res.status === 404) return { status: 404, statusText: 'Not Found', headers: new Headers(), body: null, arrayBuffer: async () => new ArrayBuffer(0) };
    throw new Error(refusal ?? `the chart material route answered ${res.status}`);
  };
}
