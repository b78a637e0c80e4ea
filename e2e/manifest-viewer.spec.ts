/**
 * The preview is a code viewer: rendered manifests in Monaco, read-only, highlighted as YAML,
 * folding per document, Ctrl+F, "Copy this resource", and a re-render that leaves the view
 * where the user was reading.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { copiedText, manifestStream, manifestViewer, openFresh, previewTab, setEditorText, waitRendered } from './helpers';

/** The lines Monaco shows, top to bottom. */
async function visibleLines(viewer: Locator): Promise<string[]> {
  return viewer.locator('.view-line').evaluateAll((els) =>
    els
      .map((e) => ({ top: parseFloat((e as HTMLElement).style.top || '0'), text: (e.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
}

/** The number of the first line in view. */
async function firstLineNumber(viewer: Locator): Promise<number> {
  return viewer.locator('.margin-view-overlays .line-numbers').evaluateAll((els) => {
    const top = els[0]?.closest('.monaco-editor')?.getBoundingClientRect().top ?? 0;
    return Math.min(...els.filter((e) => e.getBoundingClientRect().top >= top - 1).map((e) => Number(e.textContent)));
  });
}

async function openStream(page: Page): Promise<Locator> {
  await previewTab(page, 'All manifests');
  return manifestViewer(page, 'helm template output');
}

test('a resource shows as highlighted, read-only YAML and copies as the stream has it', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const viewer = await manifestViewer(page, /^NetworkPolicy /);
  await expect(viewer.locator('.view-lines')).toContainText('kind: NetworkPolicy');
  // Keys, punctuation and values get different token colours (tokenizing runs after the first paint).
  await expect
    .poll(() => viewer.locator('.view-line span span').evaluateAll((els) => new Set(els.map((e) => e.className).filter((c) => /^mtk\d+$/.test(c))).size))
    .toBeGreaterThanOrEqual(3);

  // On the first line: a click below the fold would scroll the view. The click also opens the
  // answer to where that line comes from, under the preview, which makes the view shorter.
  await viewer.locator('.view-lines').click({ position: { x: 40, y: 5 } });
  await expect(page.getByRole('heading', { name: 'Where line 1 comes from' })).toBeVisible();
  await expect(page.locator('.source-panel').getByText(/^Traced in \d+ ms$/)).toHaveCount(1);
  // The view as it settles once the answer is laid out.
  let before = await visibleLines(viewer);
  await expect
    .poll(async () => {
      const now = await visibleLines(viewer);
      const settled = JSON.stringify(now) === JSON.stringify(before);
      before = now;
      return settled;
    }, { intervals: [500] })
    .toBe(true);
  await page.keyboard.type('typed');
  expect(await visibleLines(viewer)).toEqual(before);

  const copied = await copiedText(page, () => viewer.getByRole('button', { name: 'Copy this resource' }).click());
  await expect(viewer.getByRole('status')).toHaveText(/Copied NetworkPolicy release-name-aeterna.* \(\d+ lines\)/);
  const stream = await manifestStream(page);
  expect(stream).toContain(`---\n# Source: aeterna/templates/networkpolicy.yaml\n${copied}\n---\n`);
  expect(copied.startsWith('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n')).toBe(true);
});

test('Ctrl+F finds a resource in All manifests, and "Copy this resource" copies that one', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const stream = await manifestStream(page);
  const viewer = await openStream(page);
  await viewer.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+F');
  const find = viewer.locator('.find-widget');
  await expect(find).toBeVisible();
  await page.keyboard.type('kind: Deployment');
  await expect(find.locator('.matchesCount')).toHaveText('1 of 1');
  await page.keyboard.press('Escape');
  await expect(viewer.locator('.view-lines')).toContainText('kind: Deployment');
  await expect(viewer.locator('.viewer-target')).toHaveText(/^Deployment release-name-aeterna, document \d+$/);

  const copied = await copiedText(page, () => viewer.getByRole('button', { name: 'Copy this resource' }).click());
  // The Deployment's document in the stream, without its separator and source comment.
  const deployment = stream.split('\n---\n').find((d) => /^# Source: aeterna\/templates\/deployment\.yaml\n/.test(d))!;
  expect(copied).toBe(deployment.replace(/^# Source: .*\n/, ''));
});

test('documents fold one at a time and all at once', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const viewer = await openStream(page);
  const lines = await visibleLines(viewer);
  expect(lines.slice(0, 3)).toEqual(['---', '# Source: aeterna/templates/networkpolicy.yaml', 'apiVersion: networking.k8s.io/v1']);

  // Folding the source line hides the document: the next separator follows it.
  await viewer.locator('.view-line', { hasText: '# Source: aeterna/templates/networkpolicy.yaml' }).first().click();
  await page.keyboard.press('ControlOrMeta+Shift+BracketLeft');
  await expect.poll(async () => (await visibleLines(viewer)).slice(0, 4)).toEqual(['---', '# Source: aeterna/templates/networkpolicy.yaml', '---', '# Source: aeterna/templates/networkpolicy.yaml']);

  await viewer.getByRole('button', { name: 'Fold all documents' }).click();
  await expect
    .poll(async () => (await visibleLines(viewer)).filter((l) => l !== '').every((l) => l === '---' || l.startsWith('# Source: ')))
    .toBe(true);
  expect((await visibleLines(viewer)).filter((l) => l.startsWith('# Source: ')).length).toBeGreaterThan(4);

  await viewer.getByRole('button', { name: 'Unfold all' }).click();
  await expect.poll(async () => (await visibleLines(viewer))[2]).toBe('apiVersion: networking.k8s.io/v1');
});

test('a re-render changes the text in place: the view stays where the user was reading', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const viewer = await openStream(page);
  await viewer.locator('.view-lines').click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await expect.poll(() => firstLineNumber(viewer)).toBeGreaterThan(40);
  const at = await firstLineNumber(viewer);

  await setEditorText(page, 'aeterna:\n  replicas: 5\n');
  await waitRendered(page);
  expect(await firstLineNumber(viewer)).toBe(at);
  const text = await copiedText(page, async () => {
    await viewer.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
  });
  expect(text).toContain('\n  replicas: 5\n');
  expect(await firstLineNumber(viewer)).toBe(at);
});
