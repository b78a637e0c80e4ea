/**
 * Secret values at rest: masked in the values.yaml editor until revealed, never written to the
 * browser's lasting storage (localStorage, IndexedDB) in plain text, kept for the tab only.
 */
import { expect, test, type Page } from '@playwright/test';
import { editorText, openFresh, renderStatus, setEditorText, waitForMonaco, waitRendered } from './helpers';

const SECRET = 'sk-live-0123456789abcdef';

/** Everything this origin keeps in localStorage and IndexedDB, as text. */
async function lastingStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      out.push(`${key}=${localStorage.getItem(key)}`);
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        out.push(`${info.name}/${store}=${JSON.stringify(all, (_, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Array.from(new Uint8Array(v as ArrayBuffer)) : v))}`);
      }
      db.close();
    }
    return out.join('\n');
  });
}

test('a secret is masked in the editor, kept for the tab, and never stored in plain text', async ({ page, context }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, `aeterna:\n  replicas: 2\nsecrets:\n  openaiApiKey: ${SECRET}\n`);
  await waitRendered(page);
  const editor = page.getByRole('region', { name: 'values.yaml' });

  // Masked by default: the value is there (editable) but not readable on screen.
  const mask = editor.locator('.masked-secret').first();
  await expect(mask).toBeAttached();
  await expect(mask).toContainText(SECRET.slice(0, 8));
  expect(await mask.evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
  await expect(editor).toContainText('kept only while this tab is open');
  await editor.getByLabel('Show secret values').check();
  await expect(editor.locator('.masked-secret')).toHaveCount(0);
  await editor.getByLabel('Show secret values').uncheck();
  await expect(editor.locator('.masked-secret').first()).toBeAttached();

  // Saved: right away when the page goes, and lasting storage holds no secret.
  await page.reload();
  await waitRendered(page);
  await waitForMonaco(page);
  await expect.poll(() => editorText(page)).toContain('replicas: 2');
  // The same tab still has it.
  expect(await page.evaluate(() => Object.values(sessionStorage).join('\n'))).toContain(SECRET);
  const stored = await lastingStorage(page);
  expect(stored).toContain('replicas: 2');
  expect(stored).not.toContain(SECRET);

  // A new tab starts from lasting storage: the work without the secret.
  const other = await context.newPage();
  await other.goto('/configure/aeterna');
  // A second tab starts its own engine: on a busy machine that takes a while.
  await expect(renderStatus(other)).toHaveText(/Rendered in/, { timeout: 60_000 });
  await waitRendered(other);
  await waitForMonaco(other);
  await expect.poll(() => editorText(other)).toContain('replicas: 2');
  expect(await editorText(other)).not.toContain(SECRET.slice(0, 8));
});
