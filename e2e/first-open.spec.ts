/**
 * First contact: a chart whose defaults don't render yet (Verta needs a database URL and a bot
 * token), bad files on the chart picker, and a number field given text.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { decodeShareLink } from '../lib/share';
import { editorText, openFresh, renderStatus, waitForMonaco, waitRendered } from './helpers';

test('Verta opens with the values it needs first, and one click fills marked placeholders that never leave as secrets', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page, 'verta');
  await expect(renderStatus(page)).toHaveText('Not rendered');
  const form = page.getByRole('region', { name: 'verta settings' });
  const needed = form.getByRole('region', { name: 'Needed before verta can render' });
  await expect(needed).toBeVisible();
  for (const path of ['frontend.tenantSlug', 'secrets.databaseUrl', 'secrets.discordToken']) await expect(needed).toContainText(path);
  // It comes before every other field of the form.
  const neededTop = (await needed.boundingBox())!.y;
  const firstInput = (await form.locator('.pane-body input').first().boundingBox())!.y;
  expect(neededTop).toBeLessThan(firstInput);
  // Each entry leads to its field.
  await needed.getByRole('button', { name: 'secrets.discordToken' }).click();
  await expect(page.locator('[data-field="secrets.discordToken"] input')).toBeFocused();

  await needed.getByRole('button', { name: 'Fill placeholders for a preview' }).click();
  await waitRendered(page);
  await expect(needed).toHaveCount(0);
  await waitForMonaco(page);
  await page.getByRole('region', { name: 'values.yaml' }).getByLabel('Show secret values').check();
  const text = await editorText(page);
  expect(text.match(/# placeholder for the preview: replace it/g)?.length).toBe(3);

  // The secret placeholders are secrets: a share link leaves them out and says so.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const result = page.getByRole('status', { name: 'Export result' });
  await expect(result).toContainText('secrets.databaseUrl');
  await expect(result).toContainText('secrets.discordToken');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const decoded = decodeShareLink(link.slice(link.indexOf('#') + 1));
  expect(decoded.ok).toBe(true);
  if (decoded.ok) {
    expect(decoded.config.values).toContain('tenantSlug');
    expect(decoded.config.values).not.toContain('databaseUrl');
    expect(decoded.config.values).not.toContain('discordToken');
  }
});

test('a corrupt .tgz or a values zip on the chart picker says what is wrong and stays on the catalog', async ({ page }) => {
  await page.goto('/');
  const dir = tmpdir();
  const corrupt = join(dir, 'broken-1.0.0.tgz');
  writeFileSync(corrupt, 'this is not gzip');
  await page.getByLabel('Choose a .tgz file').setInputFiles(corrupt);
  const picker = page.getByRole('region', { name: 'Your own chart' });
  await expect(picker.getByRole('alert')).toContainText('broken-1.0.0.tgz is not a gzip archive');
  await expect(page).toHaveURL(/\/$/);

  const zip = join(dir, 'release-name-values.zip');
  writeFileSync(zip, 'PK\u0003\u0004');
  await page.getByLabel('Choose a .tgz file').setInputFiles(zip);
  await expect(picker.getByRole('alert')).toContainText('looks like a saved configuration');
  await expect(picker.getByRole('alert')).toContainText('A saved configuration');
});

test('text in a number field says it was not applied', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const replicas = page.getByRole('region', { name: 'Application' }).getByRole('textbox', { name: 'Replicas' });
  const before = await replicas.inputValue();
  await replicas.fill('abc');
  await expect(page.getByRole('region', { name: 'Application' })).toContainText(`Not applied: values.yaml and the preview keep ${before}.`);
  await waitRendered(page);
  await waitForMonaco(page);
  expect(await editorText(page)).not.toContain('abc');
});
