import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { renderStatus } from './helpers';

const archive = fileURLToPath(new URL('./fixtures/spin-0.1.0.tgz', import.meta.url));

test('a template that never finishes is stopped with a clear message; the page stays responsive', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a .tgz file').setInputFiles(archive);
  await expect(page).toHaveURL(/\/configure\/local$/);
  const alert = page.getByRole('region', { name: 'Rendered manifests' }).getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText(/stopped|deadline|took longer|time/i);
  await expect(renderStatus(page)).toHaveText('Not rendered');
  // The main thread was never blocked: controls answer at once.
  const started = Date.now();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(Date.now() - started).toBeLessThan(2000);
  // Smaller values render again.
  await page.locator('.monaco-host[data-ready="true"] .monaco-editor').first().waitFor({ timeout: 30_000 });
  await page.getByRole('region', { name: 'values.yaml' }).locator('.monaco-editor .view-lines').click();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'spin: false\n');
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(renderStatus(page)).toHaveText(/Rendered in/, { timeout: 20_000 });
});
