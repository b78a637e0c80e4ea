/**
 * The upgrade preview: a configuration of storefront 1.0.0 (tests/upgrade, opened from its folder)
 * compared with 2.0.0 opened in the Upgrade tab: the values report flags the renamed key with
 * its new name, the resources come with a diff each, and the values bundle carries the report.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { previewTab, setEditorText, waitRendered } from './helpers';

const fixture = (p: string) => fileURLToPath(new URL(`../tests/upgrade/charts/${p}`, import.meta.url));

test('a configuration of version A compared with version B: report, diffs, and the bundle', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a chart folder').setInputFiles(fixture('storefront-1'));
  await expect(page).toHaveURL(/\/configure\/local$/);
  await waitRendered(page);
  await setEditorText(page, readFileSync(fixture('values-a.yaml'), 'utf8'));
  await waitRendered(page);

  await previewTab(page, 'Upgrade');
  await page.getByLabel('Choose its folder').setInputFiles(fixture('storefront-2'));
  const report = page.locator('.upgrade-report');
  await expect(report.getByRole('heading', { name: 'storefront 1.0.0 → storefront 2.0.0' })).toBeVisible({ timeout: 30_000 });

  const values = report.getByRole('region', { name: 'Your values' });
  const row = (path: string) => values.getByRole('row').filter({ has: page.getByRole('rowheader', { name: path, exact: true }) });
  await expect(row('service.port')).toContainText('no longer read');
  await expect(row('service.port')).toContainText('now service.http.port?');
  await expect(row('listenAddress')).toContainText('now bindAddress?');
  await expect(row('timeout')).toContainText('type changed');
  await expect(row('logLevel')).toContainText('rejected by schema');
  await expect(row('image.tag')).toContainText('default changed');
  await expect(row('replicaCount')).toContainText('kept');

  const risks = report.getByRole('region', { name: 'Risks' });
  await expect(risks).toContainText('apps/Deployment default/release-name-storefront: spec.selector changed');
  await expect(risks).toContainText('PersistentVolumeClaim release-name-cache is removed');
  await expect(risks).toContainText('crds/widgets.yaml changed');

  const resources = report.getByRole('region', { name: 'Resources' });
  await expect(resources.getByRole('heading')).toHaveText('Resources: 3 added, 3 removed, 5 changed, 1 renamed, 2 unchanged');
  await resources.getByRole('button', { name: 'changed apps/StatefulSet default/release-name-db' }).click();
  const diff = resources.getByRole('group', { name: 'Diff of apps/StatefulSet default/release-name-db' });
  await expect(diff.getByRole('status')).toHaveText(/^\d+ changes?; unchanged lines are folded\.$/);
  await expect(diff).toContainText(/serviceName:\s+release-name-db-headless/);
  // The Secret with a generated password is the same in both versions.
  await resources.getByText('2 unchanged', { exact: true }).click();
  await expect(resources.getByRole('button', { name: 'Secret default/release-name-auth' })).toBeVisible();

  // The report stays while another tab is looked at, and goes into the values bundle.
  await previewTab(page, /Resources/);
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download values bundle' }).click()]);
  const files = unzipSync(readFileSync((await download.path())!));
  const name = Object.keys(files).find((f) => f.endsWith('/upgrade-report.txt'));
  expect(name).toBeDefined();
  const text = new TextDecoder().decode(files[name!]);
  expect(text).toContain('Upgrade preview: storefront 1.0.0 -> storefront 2.0.0');
  expect(text).toMatch(/no longer read +service\.port = 9090 +\(now service\.http\.port\?\)/);
});

test('a configuration made with version A, opened on version B, compared the other way round', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a chart folder').setInputFiles(fixture('storefront-2'));
  await waitRendered(page);
  const saved = { format: 1, chart: { name: 'storefront', version: '1.0.0' }, release: { name: 'shop', namespace: 'default' }, values: 'service:\n  port: 9090\n' };
  await page.getByLabel('Open configuration…').setInputFiles({ name: 'chartroom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await previewTab(page, 'Upgrade');
  await expect(page.getByRole('note')).toContainText('The opened configuration was made with storefront 1.0.0');
  await page.getByLabel('Choose its folder').setInputFiles(fixture('storefront-1'));
  const report = page.locator('.upgrade-report');
  await expect(report.getByRole('heading', { name: 'storefront 1.0.0 → storefront 2.0.0' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('the version this configuration was made with')).toBeChecked();
  await expect(report.getByRole('row', { name: /service\.port/ })).toContainText('now service.http.port?');
  await expect(report.getByRole('region', { name: 'Risks' })).toContainText('apps/Deployment default/shop-storefront: spec.selector changed');
});

test('edits on one version: the remembered values against the edited ones', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a chart folder').setInputFiles(fixture('storefront-1'));
  await waitRendered(page);
  await setEditorText(page, 'replicaCount: 2\n');
  await waitRendered(page);
  await previewTab(page, 'Upgrade');
  await page.getByRole('button', { name: 'Remember the values as they are' }).click();
  await setEditorText(page, 'replicaCount: 2\npersistence:\n  storageClass: fast\n');
  await waitRendered(page);
  await page.getByRole('button', { name: 'Compare my edits since then' }).click();
  const report = page.locator('.upgrade-report');
  await expect(report.getByRole('region', { name: 'Resources' }).getByRole('heading')).toHaveText('Resources: 1 changed, 10 unchanged', { timeout: 30_000 });
  await expect(report.getByRole('region', { name: 'Risks' })).toContainText('PersistentVolumeClaim default/release-name-storefront-data: spec.storageClassName changed');
});

test('a chart that is not a chart gives a message in the Upgrade tab, and the page keeps working', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a chart folder').setInputFiles(fixture('storefront-1'));
  await waitRendered(page);
  await previewTab(page, 'Upgrade');
  await page.getByLabel('Choose a .tgz of the other version').setInputFiles({ name: 'broken.tgz', mimeType: 'application/gzip', buffer: Buffer.from('not gzip') });
  await expect(page.locator('.upgrade-tab').getByRole('alert')).toContainText('broken.tgz is not a gzip archive');
  await previewTab(page, /Resources/);
  await waitRendered(page);
});
