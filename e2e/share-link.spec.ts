/**
 * Share links meeting real tabs: pasted into a tab already on the configurator, opened over
 * autosaved work (which stays one click away), and pointing at a chart opened from disk.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { aeternaLinkFragment, editorText, openFresh, setEditorText, waitForMonaco, waitRendered } from './helpers';

const replicasField = (page: Page) => page.getByRole('region', { name: 'Application' }).getByRole('textbox', { name: 'Replicas' });

test('a link pasted into a tab already on the page opens, and the work it replaced is one click away', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, '# my own work\naeterna:\n  replicas: 4\n');
  await waitRendered(page);

  // As if pasted into the address bar: only the fragment changes, the page is not reloaded.
  await page.goto(`/configure/aeterna#${aeternaLinkFragment('aeterna:\n  replicas: 2\n')}`);
  const banner = page.getByRole('alert', { name: 'Share link' });
  await expect(banner).toContainText('The configuration from the share link is open.');
  await expect(banner).toContainText('Your previous configuration was kept.');
  await expect.poll(() => editorText(page)).toContain('replicas: 2');
  await expect(replicasField(page)).toHaveValue('2');
  await waitRendered(page);
  // The link left the address bar: a reload shows the autosave, not the link again.
  expect(new URL(page.url()).hash).toBe('');

  await banner.getByRole('button', { name: 'Restore it' }).click();
  await expect.poll(() => editorText(page)).toContain('# my own work');
  await expect(replicasField(page)).toHaveValue('4');
  await expect(banner).toHaveCount(0);
});

test('opening a link in a fresh tab over autosaved work keeps that work restorable', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  replicas: 5\n');
  await waitRendered(page);
  await page.goto('/');
  await page.goto(`/configure/aeterna#${aeternaLinkFragment('aeterna:\n  replicas: 3\n')}`);
  await waitForMonaco(page);
  await expect.poll(() => editorText(page)).toContain('replicas: 3');
  await page.getByRole('alert', { name: 'Share link' }).getByRole('button', { name: 'Restore it' }).click();
  await expect.poll(() => editorText(page)).toContain('replicas: 5');
});

const archive = fileURLToPath(new URL('./fixtures/hello-0.1.0.tgz', import.meta.url));

test('a link to a chart opened from disk names the chart it needs and opens once it is given', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a .tgz file').setInputFiles(archive);
  await expect(page).toHaveURL(/\/configure\/local$/);
  await waitRendered(page);
  await setEditorText(page, 'greeting: bonjour\n');
  await waitRendered(page);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const result = page.getByRole('status', { name: 'Export result' });
  await expect(result).toContainText('Link copied');
  // "Copy link" warns that the chart itself is not in the link.
  await expect(result).toContainText('hello 0.1.0 was opened from your disk, and the link does not contain it');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const digest = `sha256:${createHash('sha256').update(readFileSync(archive)).digest('hex')}`;

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('This link needs the chart hello 0.1.0');
  await expect(other.locator('code.digest')).toHaveText(digest);
  await other.getByLabel('Choose a .tgz file').setInputFiles(archive);
  await expect(other.getByRole('alert', { name: 'Share link' })).toContainText('The configuration from the share link is open.');
  await waitRendered(other);
  await waitForMonaco(other);
  await expect.poll(() => editorText(other)).toContain('greeting: bonjour');
  await fresh.close();
});
