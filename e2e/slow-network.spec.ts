/**
 * The first visit on a slow network (1.6 Mbps, 150 ms, as DevTools throttles it): downloading
 * the engine and the chart takes long, but the render budget counts template execution only,
 * so the first preview arrives and no "took longer… probably loops" message is ever shown.
 */
import { expect, test } from '@playwright/test';
import { renderStatus } from './helpers';

test('on a slow network the first preview arrives, loading shows progress, nothing is blamed on a template', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1000 * 1000) / 8,
    uploadThroughput: (750 * 1000) / 8,
  });
  // Every status and alert text the page shows on its way to the first preview.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role=status], [role=alert]')) {
        const text = el.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });

  const started = Date.now();
  await page.goto('/configure/aeterna');
  await expect(renderStatus(page)).toHaveText(/Rendered in \d+ ms/, { timeout: 200_000 });
  const seconds = (Date.now() - started) / 1000;
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  console.log(`first preview after ${seconds.toFixed(1)} s at 1.6 Mbps / 150 ms; statuses: ${[...new Set(seen)].filter((s) => /Loading|Render/.test(s)).join(' | ')}`);
  expect(seen.join('\n')).not.toMatch(/took longer|probably loops|stopped/);
  expect(seen.some((s) => /Loading the engine…/.test(s))).toBe(true);
  expect(seen.some((s) => /Loading the chart… \d+%/.test(s))).toBe(true);
  await expect(page.getByRole('region', { name: 'Rendered manifests' }).getByRole('alert')).toHaveCount(0);
});
