import { expect, test } from '@playwright/test';
import { editorText, manifestStream, openFresh, renderStatus, setEditorText, waitRendered } from './helpers';

test('invalid YAML keeps the text, marks the preview stale, and recovers', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  replicas: 3\n');
  await waitRendered(page);

  await setEditorText(page, 'aeterna:\n  replicas: 3\n  config: logLevel: debug\n');
  await expect(page.getByRole('alert', { name: 'values.yaml problems' })).toBeVisible();
  await expect(renderStatus(page)).toHaveText(/Stale/);
  const previewAlert = page.getByRole('region', { name: 'Rendered manifests' }).getByRole('alert');
  await expect(previewAlert).toContainText('values.yaml could not be read');
  expect(await editorText(page)).toContain('config: logLevel: debug');
  // One place for the error: the editor's list, its squiggle and the preview name the same line and column.
  const where = /Line (\d+), column (\d+)/.exec(await page.getByRole('alert', { name: 'values.yaml problems' }).innerText());
  expect(where).not.toBeNull();
  expect(where![1]).toBe('3');
  await expect(previewAlert).toContainText(where![0]);
  const editor = page.getByRole('region', { name: 'values.yaml' });
  await expect(editor.locator('.squiggly-error').first()).toBeAttached();
  const squiggled = await editor.evaluate((region) => {
    const rows = [...region.querySelectorAll('.margin-view-overlays .line-numbers')].map((e) => ({ line: Number(e.textContent), top: e.getBoundingClientRect().top }));
    return [...region.querySelectorAll('.squiggly-error')].map((s) => rows.find((r) => Math.abs(r.top - s.getBoundingClientRect().top) <= 3)?.line ?? -1);
  });
  expect(new Set(squiggled)).toEqual(new Set([Number(where![1])]));
  // The last good preview stays visible.
  await expect(page.getByRole('tab', { name: /Resources \(\d+\)/ })).toBeVisible();

  await setEditorText(page, 'aeterna:\n  replicas: 3\n  config:\n    logLevel: debug\n');
  await waitRendered(page);
  await expect(page.getByRole('alert', { name: 'values.yaml problems' })).toHaveCount(0);
});

test('duplicate keys: the editor, the form and the preview report the same problem at the same place', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  replicas: 4\n');
  await waitRendered(page);
  // The duplicate is added below the good line, as someone would paste it.
  await page.getByRole('region', { name: 'values.yaml' }).locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '  replicas: 3\n');
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => editorText(page)).toContain('replicas: 4\n  replicas: 3');
  const editorProblems = page.getByRole('alert', { name: 'values.yaml problems' });
  await expect(editorProblems).toBeVisible();
  const where = /Line (\d+), column (\d+)/.exec(await editorProblems.innerText());
  expect(where).not.toBeNull();
  // The preview was not rendered from the broken text: it says why, at the same place.
  await expect(renderStatus(page)).toHaveText(/Stale/);
  const previewAlert = page.getByRole('region', { name: 'Rendered manifests' }).getByRole('alert');
  await expect(previewAlert).toContainText('values.yaml could not be read');
  await expect(previewAlert).toContainText(where![0]);
  await expect(page.getByRole('region', { name: 'Rendered manifests' })).not.toContainText(/Rendered in/);
  // The form keeps the last values that parsed, and says so.
  await expect(page.getByRole('region', { name: 'Application' }).getByRole('textbox', { name: 'Replicas' })).toHaveValue('4');
  await expect(page.getByRole('region', { name: 'aeterna settings' })).toContainText('values.yaml has a syntax error');
  // The stale preview is the one with 4 replicas.
  expect(await manifestStream(page)).toContain('replicas: 4');
});

test('a schema violation is reported with the values path, in the preview and inline', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  replicas: 0\n');
  const preview = page.getByRole('region', { name: 'Rendered manifests' });
  await expect(preview.getByRole('alert')).toContainText("The values don't match the chart's schema");
  await expect(preview.getByRole('alert')).toContainText('aeterna.replicas: minimum: got 0, want 1');
  await expect(renderStatus(page)).toHaveText(/Stale/);
  // monaco-yaml checks the same schema in the editor: a squiggle, and F8 shows its message.
  const editor = page.getByRole('region', { name: 'values.yaml' });
  await expect(editor.locator('.squiggly-warning, .squiggly-error').first()).toBeAttached({ timeout: 30_000 });
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('F8');
  await expect(editor.locator('.marker-widget')).toContainText('Value is below the minimum of 1');
  // The form shows the problem next to the field.
  await expect(page.getByRole('region', { name: 'Application' })).toContainText('minimum: got 0, want 1');
});

test('a template failure points at the template source', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  kms:\n    provider: aws\n');
  const alert = page.getByRole('region', { name: 'Rendered manifests' }).getByRole('alert');
  await expect(alert).toBeVisible();
  const showSource = alert.getByRole('button', { name: 'Show the template source' });
  if (await showSource.count()) {
    await showSource.click();
    await expect(alert.locator('.line.marked')).toBeVisible();
  }
});

test('the form edits values.yaml without losing comments', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, '# my notes\naeterna:\n  # why three\n  replicas: 3\n');
  await waitRendered(page);
  const replicas = page.getByRole('region', { name: 'Application' }).getByRole('textbox', { name: 'Replicas' });
  await replicas.fill('4');
  await replicas.blur();
  await expect.poll(() => editorText(page)).toContain('replicas: 4');
  const text = await editorText(page);
  expect(text).toContain('# my notes');
  expect(text).toContain('# why three');
});
