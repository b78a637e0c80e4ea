import { expect, test } from '@playwright/test';
import { openFresh, setEditorText, waitRendered } from './helpers';

test('a finding opens its resource at the reported line', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  image:\n    tag: latest\n');
  await waitRendered(page);
  const preview = page.getByRole('region', { name: 'Rendered manifests' });
  await preview.getByRole('tab', { name: /Findings/ }).click();
  const finding = page.getByRole('list', { name: 'Findings' }).locator('li[data-rule="prod/image-tag"]').first();
  const text = await finding.innerText();
  const line = Number(/\(line (\d+)\)/.exec(text)?.[1]);
  expect(line).toBeGreaterThan(0);
  await finding.getByRole('button').first().click();
  const marked = preview.locator('.resource-yaml .line.marked');
  await expect(marked).toHaveAttribute('data-line', String(line));
  await expect(marked).toContainText('image:');
  await expect(marked).toBeInViewport();
});
