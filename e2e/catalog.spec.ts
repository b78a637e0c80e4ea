import { expect, test } from '@playwright/test';

test('the catalog lists the bundled charts with versions and dependencies', async ({ page }) => {
  await page.goto('/');
  const list = page.getByRole('list', { name: 'Bundled charts' });
  await expect(list.getByRole('heading', { name: 'aeterna' })).toBeVisible();
  await expect(list.getByRole('heading', { name: 'verta' })).toBeVisible();
  await expect(list).toContainText('cloudnative-pg');
  await page.getByRole('link', { name: 'Configure verta' }).click();
  await expect(page).toHaveURL(/\/configure\/verta$/);
  await expect(page.getByRole('region', { name: 'Rendered manifests' })).toBeVisible();
});
