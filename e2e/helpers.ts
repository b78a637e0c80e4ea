import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { encodeShareLink } from '../lib/share';

const aeternaVersion = (parse(readFileSync('charts/aeterna/Chart.yaml', 'utf8')) as { version: string }).version;

/** The fragment of a share link to the bundled Aeterna (its current version) with these values. */
export const aeternaLinkFragment = (values: string): string =>
  encodeShareLink({ format: 1, chart: { name: 'aeterna', version: aeternaVersion }, release: { name: 'release-name', namespace: 'default' }, values }).fragment;

/** Opens a chart's configurator with nothing autosaved. */
export async function openFresh(page: Page, chart: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/configure/${chart}`);
  await waitSettled(page);
}

/** Waits until the newest render has come back, whatever its outcome. */
export async function waitSettled(page: Page): Promise<void> {
  await expect(renderStatus(page)).not.toHaveText(/Rendering/);
  await expect(renderStatus(page)).toHaveAttribute('data-pending', 'false');
}

/** The preview's status line. */
export const renderStatus = (page: Page) => page.getByRole('region', { name: 'Rendered manifests' }).getByRole('status').first();

/** Waits for a successful, current render. */
export async function waitRendered(page: Page): Promise<void> {
  await expect(renderStatus(page)).toHaveText(/Rendered in \d+ ms/);
  await expect(renderStatus(page)).toHaveAttribute('data-pending', 'false');
}

/** Waits until Monaco has replaced the plain textarea. */
export async function waitForMonaco(page: Page): Promise<void> {
  await expect(page.locator('.monaco-host[data-ready="true"] .monaco-editor').first()).toBeVisible({ timeout: 30_000 });
}

/** Replaces the whole values.yaml text, as if pasted. */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await waitForMonaco(page);
  await page.getByRole('region', { name: 'values.yaml' }).locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // A paste, not typing: Monaco would re-indent typed lines.
  if (text) {
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
  }
}

/** The editor's text as displayed. */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.getByRole('region', { name: 'values.yaml' }).locator('.monaco-editor .view-line').evaluateAll((els) =>
    els
      .map((e) => ({ top: parseFloat((e as HTMLElement).style.top || '0'), text: (e.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
  return lines.join('\n');
}

/** Opens the preview tab with this name. */
export async function previewTab(page: Page, name: RegExp | string): Promise<void> {
  await page.getByRole('region', { name: 'Rendered manifests' }).getByRole('tab', { name }).click();
}

/** The manifest viewer (Monaco, once loaded) with this accessible name. */
export async function manifestViewer(page: Page, name: string | RegExp) {
  const viewer = page.getByRole('region', { name: 'Rendered manifests' }).getByRole('group', { name });
  await expect(viewer.locator('.monaco-host[data-ready="true"] .view-lines')).toBeVisible({ timeout: 30_000 });
  return viewer;
}

/** Opens the first resource of a kind in the preview's Resources tab; returns its viewer. */
export async function openResource(page: Page, kind: string): Promise<Locator> {
  await previewTab(page, /Resources/);
  await page.getByRole('region', { name: 'Rendered manifests' }).getByRole('navigation', { name: 'Resources by kind' }).locator('.resource-group', { has: page.getByRole('heading', { name: new RegExp(`^${kind} `) }) }).getByRole('button').first().click();
  return manifestViewer(page, new RegExp(`^${kind} `));
}

/** Clicks the rendered line that reads `text` in a Monaco viewer (scrolling it into view with Ctrl+F first). */
export async function clickLine(page: Page, viewer: Locator, text: string): Promise<void> {
  await viewer.locator('.view-lines').click({ position: { x: 40, y: 5 } });
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  const line = viewer.locator('.view-line', { hasText: text }).first();
  await expect(line).toBeVisible();
  // Find leaves a match already in view where it is, and the last line in view sits under the horizontal
  // scrollbar, which takes the click: wheel it up into the open part of the view first.
  const view = viewer.locator('.monaco-scrollable-element').first();
  for (let turn = 0; turn < 10; turn++) {
    const [at, box] = [await line.boundingBox(), await view.boundingBox()];
    if (at && box && at.y + at.height <= box.y + box.height - 24) break;
    if (at) await page.mouse.move(at.x + 40, at.y + at.height / 2);
    await page.mouse.wheel(0, 60);
  }
  await line.click({ position: { x: 2, y: 5 } });
}

/** Opens a chart folder of the tests (`tests/<dir>/<name>`) as an uploaded .tgz, nothing autosaved, and waits for its render. */
export async function openUploadedChart(page: Page, dir: string, name: string, version: string): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), `${name}-`));
  const archive = join(tmp, `${name}-${version}.tgz`);
  execFileSync('tar', ['-czf', archive, '-C', resolve(dir), name]);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a .tgz file').setInputFiles({ name: `${name}-${version}.tgz`, mimeType: 'application/gzip', buffer: readFileSync(archive) });
  rmSync(tmp, { recursive: true });
  await expect(page).toHaveURL(/\/configure\/local$/);
  await waitRendered(page);
}

/** The clipboard's text after `copy` (empty before it, so an old copy is never read). */
export async function copiedText(page: Page, copy: () => Promise<void>): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await copy();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The whole `helm template` stream in the "All manifests" viewer, selected and copied as a user would. */
export async function manifestStream(page: Page): Promise<string> {
  await previewTab(page, 'All manifests');
  const viewer = await manifestViewer(page, 'helm template output');
  const text = await copiedText(page, async () => {
    // The first line: a click opens where that line comes from, and the panel takes part of the view.
    await viewer.locator('.view-lines').click({ position: { x: 40, y: 5 } });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
  });
  await previewTab(page, /Resources/);
  return text;
}

/** The YAML of the resource open in the Resources tab, by its "Copy this resource" button. */
export async function shownResource(page: Page, name: string | RegExp): Promise<string> {
  const viewer = await manifestViewer(page, name);
  return copiedText(page, () => viewer.getByRole('button', { name: 'Copy this resource' }).click());
}

/** Opens a chart from a repository or registry as a user would: the catalog's "Find charts", then chart and version. */
export async function openFromCatalog(page: Page, location: string, chart: string, version: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Helm repository URL, oci:// reference or Artifact Hub package URL').fill(location);
  await page.getByRole('button', { name: 'Find charts' }).click();
  const pick = page.getByRole('form', { name: 'Chart to open' });
  await pick.getByLabel('Chart').selectOption(chart);
  await pick.getByLabel('Version').selectOption(version);
  await pick.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/configure\/remote\?repository=/);
  await waitRendered(page);
}

/** Waits until the service worker has installed (its precache complete) and controls the page; returns the origin's cache names. */
export async function waitOfflineReady(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return (await caches.keys()).join(',');
  });
}

/** Where the browser reports the violations watchPolicy collects; answered by the test, never by the app. */
const CSP_REPORTS = '/__csp-report';

/**
 * Collects CSP violations from the page, its frames and its workers, and CSP errors any worker or
 * the page logs. The served policies (a worker's comes with its script) gain a `report-uri`, so the
 * browser reports each violation itself, one that code caught included: a worker's
 * `securitypolicyviolation` event never reaches the page, and a refused `new Function` it catches
 * logs nothing.
 */
export async function watchPolicy(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (new URL(request.url()).pathname === CSP_REPORTS) {
      const r = (request.postDataJSON() as { 'csp-report': Record<string, string | number> })['csp-report'];
      seen.push(`${r['effective-directive']} blocked ${r['blocked-uri'] || 'inline'} at ${r['source-file'] ?? r['document-uri']}:${r['line-number'] ?? ''}`);
      return route.fulfill({ status: 204 });
    }
    // A request the page gave up (it navigated away), before its answer came or while it was
    // being passed on (Playwright then has disposed of the answer), has nothing to answer.
    const response = await route.fetch().catch(() => null);
    if (response === null) return route.abort().catch(() => {});
    const headers = response.headers();
    if (headers['content-security-policy']) headers['content-security-policy'] += `; report-uri ${CSP_REPORTS}`;
    return route.fulfill({ response, headers }).catch(() => route.abort().catch(() => {}));
  });
  const csp = /content security policy|Content-Security-Policy/i;
  page.on('console', (m) => csp.test(m.text()) && seen.push(`console: ${m.text()}`));
  page.on('worker', (w) => w.on('console', (m) => csp.test(m.text()) && seen.push(`worker ${w.url()}: ${m.text()}`)));
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
  return seen;
}
