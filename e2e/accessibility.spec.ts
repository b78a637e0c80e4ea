import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './helpers';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious axe violations (${theme} theme)`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('chartroom:theme', t), theme);
    await page.goto('/');
    expect(await seriousViolations(page)).toEqual([]);
    await openFresh(page, 'aeterna');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('named regions and labelled controls', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await expect(page.getByRole('region', { name: 'values.yaml' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rendered manifests' })).toBeVisible();
  await page.locator('details.release-bar > summary').click();
  await expect(page.getByRole('textbox', { name: 'Release name' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kubernetes version' })).toBeAttached();
  await expect(page.getByRole('checkbox', { name: /monitoring\.coreos\.com\/v1/ })).toBeAttached();
});
