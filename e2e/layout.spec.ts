/**
 * The page at phone, small-laptop and desktop widths: nothing wider than the viewport, the
 * panes as tabs when narrow, popovers inside the screen, and the keyboard way around.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { aeternaLinkFragment, openFresh, setEditorText, waitForMonaco, waitRendered, waitSettled } from './helpers';

const fitsViewport = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function insideViewport(page: Page, selector: string, width: number): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

for (const width of [390, 800, 1280]) {
  test(`nothing overflows the viewport at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    expect(await fitsViewport(page)).toBe(true);
    // Catalog cards wrap long words (dependency conditions) instead of spilling out.
    for (const card of await page.locator('.chart-card').all()) {
      expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }

    await page.evaluate(() => localStorage.clear());
    await page.goto('/configure/aeterna');
    const panes = page.getByRole('tablist', { name: 'Panes' });
    // Narrow, the preview is a tab of its own.
    if (width < 900) await panes.getByRole('tab', { name: 'Preview' }).click();
    await waitSettled(page);
    expect(await fitsViewport(page)).toBe(true);
    if (width < 900) {
      // One pane at a time, each usable at full width.
      for (const [tab, region] of [
        ['values.yaml', 'values.yaml'],
        ['Preview', 'Rendered manifests'],
        ['Form', 'aeterna settings'],
      ] as const) {
        await panes.getByRole('tab', { name: tab, exact: true }).click();
        const box = await page.getByRole('region', { name: region, exact: true }).boundingBox();
        expect(box!.width).toBeGreaterThan(width - 40);
        expect(await fitsViewport(page)).toBe(true);
      }
    } else {
      await expect(panes).toHaveCount(0);
    }
    // "Open configuration…" doesn't sit on the page title.
    const open = await page.getByText('Open configuration…').boundingBox();
    const brand = await page.getByRole('link', { name: 'chartroom' }).boundingBox();
    expect(open!.x >= brand!.x + brand!.width || open!.y >= brand!.y + brand!.height).toBe(true);

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
    await insideViewport(page, '#export-dialog', width);
    expect(await fitsViewport(page)).toBe(true);
  });
}

test('the Export popover closes on Escape and on a click outside', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const button = page.getByRole('button', { name: 'Export', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await button.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  await button.click();
  await expect(dialog).toBeVisible();
  // A click inside keeps it open; one outside closes it.
  await dialog.getByLabel('Branch').click();
  await expect(dialog).toBeVisible();
  await page.getByRole('heading', { name: 'Preview' }).click();
  await expect(dialog).toHaveCount(0);
});

test('the theme button names the theme it switches to', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('skip links reach the editor and the preview in a few key presses', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await waitRendered(page);
  await waitForMonaco(page);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  let presses = 0;
  const focused = () => page.evaluate(() => (document.activeElement?.tagName === 'A' ? document.activeElement.textContent : ''));
  while (presses < 10 && (await focused()) !== 'Skip to the values.yaml editor') {
    await page.keyboard.press('Tab');
    presses++;
  }
  expect(presses).toBeLessThan(10);
  await expect(page.getByRole('link', { name: 'Skip to the values.yaml editor' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.editor-pane .monaco-editor'))).toBe(true);

  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.getByRole('link', { name: 'Skip to the preview' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Rendered manifests' })).toBeFocused();
});

test('the pane separators move with the arrow keys and the pointer, never past a pane\'s minimum', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const separator = page.getByRole('separator', { name: 'Resize the form and editor panes' });
  const width = (id: string) => page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().width);
  const [form, editor, preview] = [await width('form'), await width('editor'), await width('preview')];
  await expect(separator).toHaveAttribute('aria-valuenow', '30');

  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', '35');
  expect(await width('form')).toBeGreaterThan(form + 40);
  expect(await width('editor')).toBeLessThan(editor - 40);
  // Only the two panes beside a separator share its move.
  expect(Math.abs((await width('preview')) - preview)).toBeLessThan(2);

  await page.keyboard.press('Home');
  await expect(separator).toHaveAttribute('aria-valuenow', '15');

  const box = (await separator.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect(separator).toHaveAttribute('data-separator', 'active');
  await page.mouse.move(box.x + 3000, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(separator).toHaveAttribute('data-separator', 'inactive');
  // As far as the editor's minimum lets it: form 15 + editor 32 - editor minimum 15.
  await expect(separator).toHaveAttribute('aria-valuenow', '47');
  expect(Math.abs((await width('preview')) - preview)).toBeLessThan(2);
});

/** What the page shows at the element's own centre: '' when it is the element (nothing lies over it there),
 *  else a description of what covers it, so a failure says what was in the way. */
const coveredBy = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + Math.min(r.width / 2, 40);
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    if (hit && (hit === el || el.contains(hit))) return '';
    const what = hit ? `<${hit.tagName.toLowerCase()} class="${hit.className}">` : 'nothing (outside the viewport)';
    return `${what} at (${Math.round(x)}, ${Math.round(y)}), page scrolled to ${Math.round(window.scrollY)}`;
  });

for (const width of [1280, 390]) {
  test(`banners take their own room at ${width} px: the first editor lines and the preview header stay visible`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    // A share link's banner over the panes, and values.yaml's problems under the editor.
    await page.goto(`/configure/aeterna#${aeternaLinkFragment('aeterna:\n  replicas: 2\n')}`);
    await expect(page.getByRole('alert', { name: 'Share link' })).toBeVisible();
    const panes = page.getByRole('tablist', { name: 'Panes' });
    if (width < 900) await panes.getByRole('tab', { name: 'values.yaml', exact: true }).click();
    await waitForMonaco(page);
    await setEditorText(page, 'aeterna:\n  replicas: 2\n  config: logLevel: debug\n');
    await expect(page.getByRole('alert', { name: 'values.yaml problems' })).toBeVisible();

    const editor = page.getByRole('region', { name: 'values.yaml' });
    for (const line of [1, 2, 3]) {
      const row = editor.locator('.margin-view-overlays .line-numbers').getByText(String(line), { exact: true });
      await expect(row).toBeVisible();
      // Monaco redraws its margin as the text settles: a node taken mid-redraw is detached (a 0×0 box), so poll.
      await expect.poll(() => coveredBy(row), { message: `values.yaml line ${line} is covered` }).toBe('');
    }
    // The problems sit under the editor's box (which scrolls what it can't show), not over it.
    const problems = await page.getByRole('alert', { name: 'values.yaml problems' }).boundingBox();
    const body = await editor.locator('.editor-body').boundingBox();
    expect(problems!.y).toBeGreaterThanOrEqual(body!.y + body!.height - 1);

    if (width < 900) await panes.getByRole('tab', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Rendered manifests' });
    for (const part of [preview.getByRole('heading', { name: 'Preview' }), preview.getByRole('status').first()]) {
      await expect(part).toBeVisible();
      await expect.poll(() => coveredBy(part), { message: `preview header: ${await part.innerText()} is covered` }).toBe('');
    }
    const banner = await page.getByRole('alert', { name: 'Share link' }).boundingBox();
    const header = await preview.locator('.pane-header').boundingBox();
    expect(header!.y).toBeGreaterThanOrEqual(banner!.y + banner!.height - 1);
  });
}
