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
  // Monaco draws the mark, the line number and the text as rows at the same height.
  const viewer = preview.locator('.resource-yaml .monaco-editor');
  const marked = viewer.locator('.view-overlays .marked-line');
  await expect(marked).toBeInViewport();
  const top = await marked.evaluate((e) => (e.parentElement as HTMLElement).style.top);
  await expect(viewer.locator(`.margin-view-overlays > div[style*="top:${top};"] .line-numbers`)).toHaveText(String(line));
  await expect(viewer.locator(`.view-line[style*="top:${top};"]`)).toContainText('image:');
});

test('on a narrow screen, a finding’s values path opens the Form tab at its field', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  image:\n    tag: latest\n');
  await waitRendered(page);
  await page.setViewportSize({ width: 390, height: 800 });
  const panes = page.getByRole('tablist', { name: 'Panes' });
  await panes.getByRole('tab', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Rendered manifests' });
  await preview.getByRole('tab', { name: /Findings/ }).click();
  const finding = page.getByRole('list', { name: 'Findings' }).locator('li[data-rule="prod/image-tag"]').first();
  await finding.getByRole('button', { name: 'aeterna.image.tag' }).click();
  await expect(panes.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-field="aeterna.image.tag"] input')).toBeFocused();
  await expect(page.locator('[data-field="aeterna.image.tag"] input')).toBeInViewport();
});
