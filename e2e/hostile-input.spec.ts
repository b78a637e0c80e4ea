/** Hostile and careless input in the configurator: the page stays usable and nothing typed is lost. */
import { expect, test } from '@playwright/test';
import { editorText, manifestStream, openFresh, renderStatus, setEditorText, waitForMonaco, waitRendered } from './helpers';

/** "Billion laughs": ten short lines whose aliases expand to 9^9 strings. */
const LEVELS = 'abcdefghij'.split('');
const ALIAS_BOMB = LEVELS.map((k, i) => `${k}: &${k} [${Array(9).fill(i === 0 ? '"lol"' : `*${LEVELS[i - 1]}`).join(', ')}]`).join('\n') + '\n';

test('a pasted alias bomb is a problem in the text, and the text survives a reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  replicas: 3\n');
  await waitRendered(page);

  await setEditorText(page, ALIAS_BOMB);
  const problems = page.getByRole('alert', { name: 'values.yaml problems' });
  await expect(problems).toContainText('Line 2, column 8: document contains excessive aliasing');
  await expect(renderStatus(page)).toHaveText(/Stale/);
  // Marked in the editor, at the first alias.
  const editor = page.getByRole('region', { name: 'values.yaml' });
  await expect(editor.locator('.squiggly-error').first()).toBeAttached();
  await page.waitForTimeout(600); // autosave runs shortly after the last change

  await page.reload();
  await waitForMonaco(page);
  await expect.poll(() => editorText(page)).toContain('j: &j [*i, *i');
  expect(await editorText(page)).toContain('a: &a ["lol"');
  await expect(problems).toContainText('document contains excessive aliasing');
  expect(errors).toEqual([]);
});

test('a map key named __proto__ is kept like any other', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const annotations = page.getByRole('region', { name: 'Networking' }).getByRole('group', { name: 'Service' }).getByRole('group', { name: 'Annotations' });
  await annotations.getByRole('button', { name: 'Add to Annotations' }).click();
  await annotations.getByRole('textbox', { name: 'Annotations key 1' }).fill('__proto__');
  await annotations.getByRole('textbox', { name: 'Annotations key 1' }).blur();
  await annotations.getByRole('textbox', { name: 'Annotations value 1' }).fill('kept');
  await expect.poll(() => editorText(page)).toContain('__proto__: kept');
  await waitRendered(page);
  expect(await manifestStream(page)).toContain('__proto__: kept');
});
