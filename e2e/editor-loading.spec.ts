/**
 * Before Monaco is ready the page is usable with plain text views, and Monaco takes their place
 * without a gap: every key typed into the plain values.yaml, before and while the editor is made,
 * ends up in the editor in order, with the focus; no editor or viewer is ever an empty box.
 */
import { expect, test } from '@playwright/test';
import { editorText, waitRendered } from './helpers';

// Chunks are slowed below by intercepting them, which a service worker would bypass.
test.use({ serviceWorkers: 'block' });

test('keys typed before Monaco is ready land in the editor, and no view is ever blank', async ({ page }) => {
  test.setTimeout(180_000);
  // After each DOM change: the values editor shows a textarea or an editor, a manifest viewer text or an editor.
  await page.addInitScript(() => {
    const w = window as unknown as { __blank: string[] };
    w.__blank = [];
    const check = (): void => {
      for (const el of document.querySelectorAll('.values-editor')) {
        if (!el.querySelector('textarea.plain-editor:not([hidden])') && !el.querySelector('.monaco-host:not([hidden]) .monaco-editor')) w.__blank.push(`values.yaml: ${el.innerHTML.slice(0, 300)}`);
      }
      for (const el of document.querySelectorAll('.manifest-viewer')) {
        if (!el.querySelector('.code-block, .monaco-editor')) w.__blank.push(el.getAttribute('aria-label') ?? 'manifest viewer');
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
  });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  // Once the page is up, every further script chunk (Monaco's) arrives late, so typing starts well before the editor.
  let slow = false;
  await page.route('**/_next/static/chunks/**', async (route) => {
    if (slow) await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.goto('/configure/aeterna');
  const plain = page.getByRole('textbox', { name: 'values.yaml editor' });
  await expect(plain).toBeVisible();
  slow = true;
  await waitRendered(page);
  const host = page.getByRole('region', { name: 'values.yaml' }).locator('.monaco-host');
  await expect(host).toHaveAttribute('data-ready', 'false');

  await plain.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# ');
  let typed = '';
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let after = 0;
  // Typing until the editor has taken over, and on after it.
  for (let i = 0; after < 15 && i < 2000; i++) {
    const ch = letters[i % letters.length];
    await page.keyboard.type(ch);
    typed += ch;
    if (after > 0 || (await host.getAttribute('data-ready')) === 'true') after++;
  }
  expect(after, 'the editor was ready before typing stopped').toBe(15);
  expect(typed.length, 'keys were typed into the plain text first').toBeGreaterThan(15);

  await expect.poll(() => editorText(page)).toContain(`# ${typed}`);
  expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(true);
  // The plain view of the first resource gave way to Monaco's too.
  await expect(page.getByRole('region', { name: 'Rendered manifests' }).locator('.manifest-viewer .monaco-editor').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __blank: string[] }).__blank)).toEqual([]);
});

test('Monaco takes over within a few seconds even when the first preview never comes', async ({ page }) => {
  test.setTimeout(120_000);
  // An engine that never answers: the page waits for its first preview forever.
  await page.addInitScript(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(options?.name === 'chartroom-render' ? URL.createObjectURL(new Blob([''], { type: 'text/javascript' })) : url, options);
      }
    };
  });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/configure/aeterna');
  await expect(page.getByRole('textbox', { name: 'values.yaml editor' })).toBeVisible();
  const host = page.getByRole('region', { name: 'values.yaml' }).locator('.monaco-host');
  await expect(host).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  // Still no preview: Monaco did not wait for one.
  await expect(page.getByRole('region', { name: 'Rendered manifests' }).getByRole('status').first()).not.toHaveText(/Rendered in/);
});
