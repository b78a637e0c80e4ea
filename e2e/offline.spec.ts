/**
 * Installable and offline: the page links a web app manifest whose icons load; after one visit
 * the service worker has cached the app, so with the network off the configurator reloads,
 * renders and follows an edit. A worker drops the caches of other builds.
 */
import { expect, test, type Page } from '@playwright/test';
import { manifestStream, openFresh, setEditorText, waitForMonaco, waitRendered } from './helpers';

/** Waits until the service worker has installed (its precache complete) and controls the page. */
async function waitOfflineReady(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return (await caches.keys()).join(',');
  });
}

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

test('after one visit, /configure/aeterna opens, renders and follows edits with the network off', async ({ page, context }) => {
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
  await setEditorText(page, 'aeterna:\n  replicas: 7\n');
  await waitRendered(page);
  const stream = await manifestStream(page);
  expect(stream).toContain('replicas: 7');
  expect(stream).toContain('# Source: aeterna/templates/deployment.yaml');
  await context.setOffline(false);
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
