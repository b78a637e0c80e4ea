/**
 * The note on dependencies the preview renders without (they could not be fetched: no network
 * to their repositories here) can be put away for a chart version: it stays away in this tab,
 * told once more to screen readers only, and the Dependencies tab brings it back.
 */
import { expect, test } from '@playwright/test';
import { previewTab, waitRendered } from './helpers';

test('the note on dependencies left out can be dismissed per chart version, and brought back from the Dependencies tab', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.goto('/configure/aeterna');
  await waitRendered(page);
  const note = page.getByRole('status', { name: 'Dependencies left out' });
  await expect(note).toContainText('The preview renders without');
  const unseen = page.locator('.visually-hidden[role="status"]', { hasText: 'The preview renders without' });

  await note.getByRole('button', { name: 'Dismiss the note on dependencies left out' }).click();
  await expect(note).toHaveCount(0);
  // Just dismissed: read a moment ago, so not told again.
  await expect(unseen).toHaveCount(0);

  // Kept as a preference of the tab, apart from the values.
  const stored = await page.evaluate(() => ({
    notes: sessionStorage.getItem('chartroom:dismissed-notes'),
    local: Object.keys(localStorage).filter((k) => (localStorage.getItem(k) ?? '').includes('dependencies-left-out')),
    session: Object.keys(sessionStorage).filter((k) => k !== 'chartroom:dismissed-notes' && (sessionStorage.getItem(k) ?? '').includes('dependencies-left-out')),
  }));
  expect(stored.notes).toMatch(/^\["dependencies-left-out:aeterna@[^"]+"\]$/);
  expect(stored.local).toEqual([]);
  expect(stored.session).toEqual([]);

  // The next visit: no banner, but a screen reader hears it once, where to look included.
  await page.reload();
  await waitRendered(page);
  await expect(unseen).toHaveCount(1);
  await expect(unseen).toContainText('The Dependencies tab of the preview shows why.');
  await expect(note).toHaveCount(0);
  expect(await unseen.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(1);

  // Still reachable: the Dependencies tab brings it back, reasons and all.
  await previewTab(page, /^Dependencies/);
  await page.getByRole('button', { name: 'Show the note on dependencies left out' }).click();
  await expect(note).toBeVisible();
  await expect(note).toContainText('cloudnative-pg 0.29.0 from https://cloudnative-pg.github.io/charts');
  await expect(page.getByRole('button', { name: 'Show the note on dependencies left out' })).toHaveCount(0);
  await page.reload();
  await waitRendered(page);
  await expect(note).toBeVisible();
});
