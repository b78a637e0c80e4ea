/*
 * chartroom's service worker: once a page has loaded, the app works without a network. Nothing a
 * user types is ever sent anywhere, so everything the configurator needs can be kept: the app's
 * scripts (the engine, Monaco and their workers), its pages and the bundled charts. Nothing else
 * is ever stored: the cache holds exactly the build's own files (PRECACHE), fetched at install
 * time, never a response to a request a page made (no values, no chart material from elsewhere).
 *
 * - Install: everything in PRECACHE (prepended at build time) goes into a cache named by its
 *   version; an install that can't fetch it all fails, and the previous worker stays.
 * - Activate: caches of other versions are deleted, so an old build is never served again once a
 *   new one is installed (a new build is a new script, which browsers install on their own).
 * - Files under /_next/static/ are named by their content: served from the cache first.
 * - Pages, chart files and the manifest: from the network, so an online user always gets the
 *   current build; the cached copy only when the network fails.
 * - Anything else (the chart material route, the router's payloads): not handled here at all.
 *
 * Plain JavaScript, served as it is (the build prepends `const PRECACHE = { version, urls }`).
 */
/* global PRECACHE */
const CACHE = `chartroom-${PRECACHE.version}`;
const STATIC = '/_next/static/';
const PAGES_AND_FILES = new Set(PRECACHE.urls.filter((u) => !u.startsWith(STATIC)));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One file at a time, so the page's own requests are never queued behind these. Pages
      // and chart data bypass the HTTP cache; hashed files may come from it.
      for (const url of PRECACHE.urls) {
        const request = new Request(url, { cache: url.startsWith(STATIC) ? 'default' : 'reload' });
        const response = await fetch(request);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await cache.put(url, response);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('chartroom-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(STATIC)) event.respondWith(cacheFirst(request, url));
  // A page's query is read by its scripts (a repository chart's address), so any query opens the cached page.
  else if (PAGES_AND_FILES.has(url.pathname) && (!url.search || request.mode === 'navigate') && !request.headers.has('RSC')) event.respondWith(networkFirst(request, url));
});

/**
 * The cached copy as a response of this request's own: Turbopack starts each worker with its
 * chunk list in the script URL's query, which the worker reads from its own location, and a
 * worker's location is its script response's URL. A cached response would carry the cached
 * (query-less) URL; a new Response carries none, so the request's URL stays.
 */
const asOwnResponse = (cached) => new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers: cached.headers });

async function cacheFirst(request, url) {
  const cached = await caches.match(url.pathname, { cacheName: CACHE });
  return cached ? asOwnResponse(cached) : fetch(request);
}

async function networkFirst(request, url) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await caches.match(url.pathname, { cacheName: CACHE });
    if (!cached) throw offline;
    return (cached.headers.get('content-type') ?? '').startsWith('text/html') ? withFreshNonce(cached) : asOwnResponse(cached);
  }
}

/**
 * A cached page with a new nonce: pages carry a per-response nonce in their Content-Security-Policy,
 * on their inline scripts and in the router's payload, and serving the same one again would make
 * it guessable. It is 128 random bits, so each occurrence of it is one of those.
 */
async function withFreshNonce(cached) {
  const policy = cached.headers.get('content-security-policy') ?? '';
  const old = /'nonce-([^']+)'/.exec(policy)?.[1];
  if (!old) return asOwnResponse(cached);
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const headers = new Headers(cached.headers);
  headers.set('content-security-policy', policy.replaceAll(`'nonce-${old}'`, `'nonce-${nonce}'`));
  for (const name of ['content-length', 'content-encoding']) headers.delete(name);
  const html = (await cached.text()).replaceAll(old, nonce);
  return new Response(html, { status: cached.status, statusText: cached.statusText, headers });
}
