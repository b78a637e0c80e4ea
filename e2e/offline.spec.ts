/**
 * Installable and offline: the page links a web app manifest whose icons load; after one visit
 * the service worker has cached the app, so with the network off the configurator reloads,
 * renders and follows an edit. The cache holds the build's files and nothing a user typed, a
 * page served from it gets a fresh nonce, and a worker drops the caches of other builds.
 */
import { expect, test, type Page } from '@playwright/test';
import { manifestStream, openFresh, setEditorText, waitForMonaco, waitOfflineReady, waitRendered } from './helpers';

/** Every entry of every cache of the origin: its path and its text. */
const cachedEntries = (page: Page) =>
  page.evaluate(async () => {
    const out: { path: string; text: string }[] = [];
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const req of await cache.keys()) out.push({ path: new URL(req.url).pathname + new URL(req.url).search, text: await (await cache.match(req))!.text() });
    }
    return out;
  });

const nonceOf = (policy: string | undefined): string | undefined => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

test('the app is installable: a manifest with icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: 'chartroom', start_url: '/', display: 'standalone' });
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toContain(icon.type);
  }
});

test('after one visit, /configure/aeterna opens, renders and follows edits with the network off', async ({ page, context, request }) => {
  await openFresh(page, 'aeterna');
  await waitForMonaco(page);
  const cachesOnline = await waitOfflineReady(page);
  expect(cachesOnline).toMatch(/^chartroom-[0-9a-f]{16}$/);

  await context.setOffline(true);
  // The network is off for the service worker too: what it never cached fails.
  expect(await page.evaluate(() => fetch('/charts/aeterna/files.json?not-cached').then(() => 'fetched', () => 'failed'))).toBe('failed');

  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await waitRendered(page);
  await waitForMonaco(page);
  const marker = 'typed-offline-7f3a9c';
  await setEditorText(page, `aeterna:\n  replicas: 7\n  podAnnotations:\n    note: ${marker}\n`);
  await waitRendered(page);
  const stream = await manifestStream(page);
  expect(stream).toContain('replicas: 7');
  expect(stream).toContain(marker);
  expect(stream).toContain('# Source: aeterna/templates/deployment.yaml');

  // Each page served from the cache has a nonce of its own, and its scripts run under it.
  const again = await page.reload();
  expect(nonceOf(again?.headers()['content-security-policy'])).toBeTruthy();
  expect(nonceOf(again?.headers()['content-security-policy'])).not.toBe(nonceOf(reload?.headers()['content-security-policy']));
  await waitRendered(page);
  await context.setOffline(false);

  // The cache is the build's file list, nothing else: no value a user typed, no response to a request a page made.
  const precached: string[] = JSON.parse(/const PRECACHE = (\{.*\});/.exec(await (await request.get('/sw.js')).text())![1]).urls;
  const entries = await cachedEntries(page);
  expect(entries.map((e) => e.path).sort()).toEqual([...precached].sort());
  expect(entries.filter((e) => e.text.includes(marker)).map((e) => e.path)).toEqual([]);
});

test("a worker deletes the caches of other versions: an older build's files are not served again", async ({ page, request }) => {
  // What a worker of an earlier build left: its cache, with a page in it.
  await page.addInitScript(() => {
    if (navigator.serviceWorker.controller) return;
    void caches.open('chartroom-0000000000000000').then((c) => c.put('/', new Response('an older build')));
  });
  await openFresh(page, 'aeterna');
  const version = /"version":"([0-9a-f]{16})"/.exec(await (await request.get('/sw.js')).text())![1];
  await expect.poll(() => waitOfflineReady(page), { timeout: 60_000 }).toBe(`chartroom-${version}`);
  const home = await page.evaluate(async () => (await (await caches.match('/'))?.text()) ?? '');
  expect(home).toContain('<html');
});
