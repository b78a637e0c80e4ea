/** Hostile and careless input in the configurator: the page stays usable and nothing typed is lost. */
import { expect, test } from '@playwright/test';
import { constants, createGzip } from 'node:zlib';
import { editorText, manifestStream, openFresh, renderStatus, setEditorText, waitForMonaco, waitRendered } from './helpers';
import { tarHeader } from './chart-archive';

/** A packaged chart whose one template is `size` zero bytes: a few MB of gzip that inflate to `size`. */
async function archiveBomb(size: number): Promise<Buffer> {
  // Run-length matching: zeros compress as well as at level 9, several times faster.
  const gzip = createGzip({ level: 9, strategy: constants.Z_RLE });
  const out: Buffer[] = [];
  gzip.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const write = (b: Buffer) => new Promise<void>((resolve) => (gzip.write(b) ? resolve() : gzip.once('drain', resolve)));
  const chart = Buffer.from('apiVersion: v2\nname: bomb\nversion: 0.1.0\n');
  await write(tarHeader('bomb/Chart.yaml', chart.length));
  await write(Buffer.concat([chart, Buffer.alloc(512 - chart.length)]));
  await write(tarHeader('bomb/templates/zeros.yaml', size));
  const zeros = Buffer.alloc(1 << 20);
  for (let left = size; left > 0; left -= zeros.length) await write(left >= zeros.length ? zeros : zeros.subarray(0, left));
  await write(Buffer.alloc(512 - (size % 512 || 512) + 1024));
  gzip.end();
  await done;
  return Buffer.concat(out);
}

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

test("an archive bomb is refused with Helm 4's message, and the page stays usable", async ({ page }) => {
  const bomb = await archiveBomb(2560 * 1024 * 1024);
  expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
  const crashes: string[] = [];
  page.on('crash', () => crashes.push('page crashed'));
  await page.goto('/');
  const started = Date.now();
  await page.getByLabel('Choose a .tgz file').setInputFiles({ name: 'bomb-0.1.0.tgz', mimeType: 'application/gzip', buffer: bomb });
  await expect(page).toHaveURL(/\/configure\/local$/);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('This chart could not be loaded');
  await expect(alert).toContainText('decompressed chart is larger than the maximum size 104857600');
  console.log(`[hostile] ${(bomb.length / 1e6).toFixed(1)} MB archive of a 2.5 GiB file refused in ${Date.now() - started} ms`);

  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toContainText('decompressed chart is larger than the maximum size 104857600');
  await page.getByRole('link', { name: 'Pick another chart' }).click();
  await page.getByRole('link', { name: 'Configure aeterna' }).click();
  await waitRendered(page);
  expect(crashes).toEqual([]);
});
