import { expect, test } from '@playwright/test';
import { editorText, openFresh, setEditorText, waitForMonaco, waitRendered } from './helpers';

test('work survives a reload, and reset brings back the defaults', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, '# kept across reloads\naeterna:\n  replicas: 5\n');
  await waitRendered(page);
  await page.waitForTimeout(600); // autosave runs shortly after the last change

  await page.reload();
  await waitRendered(page);
  await waitForMonaco(page);
  await expect.poll(() => editorText(page)).toContain('replicas: 5');
  expect(await editorText(page)).toContain('# kept across reloads');
  await expect(page.getByRole('region', { name: 'Application' }).getByRole('textbox', { name: 'Replicas' })).toHaveValue('5');

  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect.poll(() => editorText(page)).not.toContain('replicas');
  await page.waitForTimeout(600);
  await page.reload();
  await waitRendered(page);
  await waitForMonaco(page);
  expect(await editorText(page)).not.toContain('replicas: 5');
});

test('presets are starting points', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await page.getByRole('combobox', { name: 'Start from' }).selectOption({ label: 'local (values-local.yaml)' });
  await page.getByRole('button', { name: 'Apply preset' }).click();
  await waitRendered(page);
  await expect.poll(() => editorText(page)).toContain('logLevel: debug');
});

for (const delay of [0, 200]) {
  test(`the last edit survives a reload ${delay} ms after it, in the editor and in the form`, async ({ page }) => {
    await openFresh(page, 'aeterna');
    await setEditorText(page, 'aeterna:\n  replicas: 7\n');
    await page.waitForTimeout(delay);
    await page.reload();
    await waitRendered(page);
    await waitForMonaco(page);
    await expect.poll(() => editorText(page)).toContain('replicas: 7');

    const replicas = page.getByRole('region', { name: 'Application' }).getByRole('textbox', { name: 'Replicas' });
    await replicas.fill('9');
    await page.waitForTimeout(delay);
    await page.reload();
    await waitRendered(page);
    await expect(page.getByRole('region', { name: 'Application' }).getByRole('textbox', { name: 'Replicas' })).toHaveValue('9');
  });
}
