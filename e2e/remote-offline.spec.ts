/**
 * A chart opened from a Helm repository or an OCI registry, then the network goes off
 * (`context.setOffline`, for the page and its service worker alike) and the page reloads: it opens
 * from the browser's copy and renders with what the user typed. Without a copy, it says that it
 * needs the network, and once the network is back the typed values are all there.
 */
import { expect, test, type Page } from '@playwright/test';
import { startChartRepository, type ChartRepositoryServer } from '../tests/servers/chart-repository';
import { startOciRegistry, type OciRegistryServer } from '../tests/servers/oci-registry';
import { editorText, manifestStream, openFromCatalog, setEditorText, waitForMonaco, waitOfflineReady, waitRendered } from './helpers';

let repo: ChartRepositoryServer;
let registry: OciRegistryServer;

test.beforeAll(async () => {
  [repo, registry] = await Promise.all([startChartRepository(), startOciRegistry()]);
  await registry.push(repo.archives['counter-1.1.0'], 'charts');
});

test.afterAll(async () => {
  await Promise.all([repo?.close(), registry?.close()]);
});

/** Replaces values.yaml and waits until the preview shows it. */
async function type(page: Page, text: string): Promise<void> {
  await waitForMonaco(page);
  await setEditorText(page, text);
  await waitRendered(page);
}

test('repository and registry charts reopen offline from the browser’s copy, with the values typed', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openFromCatalog(page, `${registry.url}/charts/counter`, 'counter', '1.1.0');
  await type(page, 'greeting: typed for the registry chart\n');
  const registryPage = page.url();
  await openFromCatalog(page, repo.url, 'greeter', '1.0.0');
  await type(page, 'greeting: typed before going offline\n');
  await waitOfflineReady(page);

  await context.setOffline(true);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await waitRendered(page);
  await expect(page.getByRole('status', { name: 'Opened offline' })).toContainText(`${repo.url}/index.yaml`);
  await waitForMonaco(page);
  expect(await editorText(page)).toContain('greeting: typed before going offline');
  expect(await manifestStream(page)).toContain('greeting: "typed before going offline"');
  // Still editable offline: the next edit renders too.
  await type(page, 'greeting: typed offline\n');
  expect(await manifestStream(page)).toContain('greeting: "typed offline"');

  await page.goto(registryPage);
  await waitRendered(page);
  expect(await manifestStream(page)).toContain('greeting: "typed for the registry chart"');
  await context.setOffline(false);
});

test('without a copy in the browser, it says it needs the network; back online, nothing typed is lost', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openFromCatalog(page, repo.url, 'greeter', '0.2.0');
  await type(page, 'greeting: typed, then the copy is gone\n');
  await waitOfflineReady(page);
  // As after the browser cleared site storage other than the autosave (or a private window that keeps none).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chartroom-chart-material');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('responses', 'readwrite');
          tx.objectStore('responses').clear();
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Could not open greeter 0.2.0 from ${repo.url}`);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('offline');
  await expect(alert).toContainText('needs the network');
  await expect(alert).toContainText('The values you typed are kept');
  // Trying again offline says the same; nothing is reset.
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toContainText('needs the network');

  // Back online, it opens by itself.
  await context.setOffline(false);
  await waitRendered(page);
  await waitForMonaco(page);
  expect(await editorText(page)).toContain('greeting: typed, then the copy is gone');
  expect(await manifestStream(page)).toContain('greeting: "typed, then the copy is gone"');
});
