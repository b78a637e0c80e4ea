/**
 * The Helm version in the release bar: Helm 4.1 for new configurations, Helm 3.17 one choice
 * away. A chart with admission webhooks and a cert-manager Certificate shows the difference:
 * Helm 4 installs webhook configurations as known kinds, before the Certificate; Helm 3 sorts
 * them with the unknown kinds, after it. The choice is part of the configuration.
 */
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { encodeShareLink } from '../lib/share';
import { manifestStream, openFresh, previewTab, waitRendered } from './helpers';

const archive = fileURLToPath(new URL('./fixtures/webhooks-0.1.0.tgz', import.meta.url));

const releaseSummary = (page: Page) => page.locator('details.release-bar > summary');

async function chooseHelm(page: Page, label: 'Helm 4.1' | 'Helm 3.17'): Promise<void> {
  const summary = releaseSummary(page);
  if ((await page.locator('details.release-bar').getAttribute('open')) === null) await summary.click();
  await page.getByLabel('Helm version').selectOption({ label });
  await waitRendered(page);
  // The open release bar lies over the preview.
  await summary.click();
  await expect(page.locator('details.release-bar')).not.toHaveAttribute('open');
}

/** The kinds of the manifest stream, in order. */
async function kinds(page: Page): Promise<string[]> {
  return [...(await manifestStream(page)).matchAll(/^kind: (\S+)$/gm)].map((m) => m[1]);
}

test('switching the Helm version changes the install order, and survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a .tgz file').setInputFiles(archive);
  await expect(page).toHaveURL(/\/configure\/local$/);
  await waitRendered(page);
  await expect(releaseSummary(page)).toContainText('Helm 4.1');
  expect(await kinds(page)).toEqual(['Service', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'Certificate']);

  await chooseHelm(page, 'Helm 3.17');
  await expect(releaseSummary(page)).toContainText('Helm 3.17');
  expect(await kinds(page)).toEqual(['Service', 'Certificate', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);

  // The Diff tab renders the same configuration with the other Helm.
  await previewTab(page, 'Diff');
  await page.getByLabel('Against Helm 4.1').check();
  await expect(page.getByRole('group', { name: 'Helm 4.1 (left) against Helm 3.17 (right)' })).toBeVisible();

  await page.waitForTimeout(600); // autosave
  await page.reload();
  await waitRendered(page);
  await expect(releaseSummary(page)).toContainText('Helm 3.17');
  expect(await kinds(page)).toEqual(['Service', 'Certificate', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);
});

test('a share link carries the Helm version; a link without one opens as Helm 3.17 and says so', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page, 'aeterna');
  await expect(releaseSummary(page)).toContainText('Helm 4.1');
  await chooseHelm(page, 'Helm 3.17');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
  const url = await page.evaluate(() => navigator.clipboard.readText());

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await waitRendered(other);
  await expect(other.getByRole('alert', { name: 'Share link' })).toContainText('configuration from the share link is open');
  await expect(other.getByRole('alert', { name: 'Share link' })).not.toContainText('names no Helm version');
  await expect(releaseSummary(other)).toContainText('Helm 3.17');
  await fresh.close();

  const old = encodeShareLink({ format: 1, chart: { name: 'aeterna', version: '0.1.0' }, release: { name: 'shared', namespace: 'apps' }, values: 'aeterna:\n  replicas: 2\n' }).fragment;
  await page.goto('/');
  await page.goto(`/configure/aeterna#${old}`);
  await waitRendered(page);
  await expect(page.getByRole('alert', { name: 'Share link' })).toContainText('names no Helm version');
  await expect(releaseSummary(page)).toContainText('Helm 3.17');
});
