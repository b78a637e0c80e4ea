/*
 * chartroom's service worker: once a page has loaded, the app works without a network. Nothing a
 * user types is ever sent anywhere, so everything the configurator needs can be kept: the app's
 * scripts (the engine, Monaco and their workers), its pages and the bundled charts.
 *
 * - Install: everything in PRECACHE (prepended at build time) goes into a cache named by its
 *   version; an install that can't fetch it all fails, and the previous worker stays.
 * - Activate: caches of other versions are deleted, so an old build is never served again once a
 *   new one is installed.
 * - Files under /_next/static/ are named by their content: served from the cache first.
 * - Everything else (pages, chart JSON, the manifest): from the network first, so an online user
 *   always gets the current build; the cached copy only when the network fails.
 *
 * Plain JavaScript, served as it is (the build prepends `const PRECACHE = { version, urls }`).
 */
/* global PRECACHE */
const CACHE = `chartroom-${PRECACHE.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One file at a time, so the page's own requests are never queued behind these. Pages
      // and chart data bypass the HTTP cache; hashed files may come from it.
      for (const url of PRECACHE.urls) {
        const request = new Request(url, { cache: url.startsWith('/_next/static/') ? 'default' : 'reload' });
        const response = await fetch(request);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await cache.put(request, response);
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
  // The router's payloads for client-side navigation: offline, the router falls back to loading
  // the page, which is cached.
  if (request.headers.has('RSC') || url.searchParams.has('_rsc')) return;
  event.respondWith(url.pathname.startsWith('/_next/static/') ? cacheFirst(request) : networkFirst(request));
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.status === 200) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.status === 200 && response.type === 'basic') await cache.put(request.url, response.clone());
    return response;
  } catch (offline) {
    // Pages vary on the router's headers, which a page load doesn't send.
    const cached = await cache.match(request.url, { ignoreVary: true });
    if (cached) return cached;
    throw offline;
  }
}
