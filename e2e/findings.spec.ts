import { expect, test } from '@playwright/test';
import { editorText, openFresh, setEditorText, waitRendered } from './helpers';

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

test('a key no template reads is a finding with its suggestion and a mark on that key in values.yaml, both gone once it is fixed', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  image:\n    tag: "1.0"\n  replica: 3\n');
  await waitRendered(page);
  const preview = page.getByRole('region', { name: 'Rendered manifests' });
  await preview.getByRole('tab', { name: /Findings/ }).click();
  const findings = page.getByRole('list', { name: 'Findings' });
  const finding = findings.locator('li[data-rule="values/unused-override"]');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('aeterna.replica is set but no template reads it; did you mean aeterna.replicas?');
  await expect(finding.getByRole('button', { name: 'aeterna.replica', exact: true })).toBeVisible();

  // The same finding, as a warning on the key in the editor: the squiggle sits on line 4 (`replica: 3`).
  const editor = page.getByRole('region', { name: 'values.yaml' });
  const squiggle = editor.locator('.view-overlays .squiggly-warning');
  await expect(squiggle).toHaveCount(1);
  const top = await squiggle.evaluate((e) => (e.parentElement as HTMLElement).style.top);
  await expect(editor.locator(`.margin-view-overlays > div[style*="top:${top};"] .line-numbers`)).toHaveText('4');
  await expect(editor.locator(`.view-line[style*="top:${top};"]`)).toContainText('replica: 3');
  // F8 shows its message.
  await editor.locator('.view-line', { hasText: 'tag:' }).click();
  await page.keyboard.press('F8');
  await expect(editor.locator('.marker-widget')).toContainText('aeterna.replica is set but no template reads it; did you mean aeterna.replicas? (values/unused-override)');
  await page.keyboard.press('Escape');

  // Typing the missing "s" fixes it: the mark goes with the misspelt key, the finding with the next check.
  await editor.locator('.view-line', { hasText: 'replica: 3' }).click();
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('s');
  await expect.poll(() => editorText(page)).toContain('replicas: 3');
  await expect(squiggle).toHaveCount(0);
  await waitRendered(page);
  await expect(finding).toHaveCount(0);
  await expect(editor.locator('.squiggly-warning, .squiggly-error')).toHaveCount(0);
});
