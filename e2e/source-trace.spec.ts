/**
 * Where a line of the manifests came from, and where a value is used: a click on a rendered line
 * shows the template with the span that wrote it, the includes it came through and the values it
 * read (each a link to its form field and its line in values.yaml); a field or a key of values.yaml
 * shows the lines that read it. Checked against the bundled charts' own templates.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { clickLine, manifestViewer, openFresh, openResource, openUploadedChart, previewTab, setEditorText, waitForMonaco, waitRendered } from './helpers';

const chartFile = (path: string): string => readFileSync(fileURLToPath(new URL(`../charts/${path}`, import.meta.url)), 'utf8');
const template = (chart: string, file: string): string[] => chartFile(`${chart}/templates/${file}`).split('\n');
/** The 1-based line of a chart template that matches. */
const templateLine = (chart: string, file: string, re: RegExp): number => template(chart, file).findIndex((l) => re.test(l)) + 1;

const preview = (page: Page) => page.getByRole('region', { name: 'Rendered manifests' });
const panel = (page: Page) => preview(page).getByRole('region', { name: /^Where / });

test('a click on a rendered line shows the template span that wrote it and the values it read', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  replicas: 3\n');
  await waitRendered(page);
  const viewer = await openResource(page, 'Deployment');
  await clickLine(page, viewer, 'replicas: 3');

  const where = panel(page);
  await expect(where.getByRole('heading')).toHaveText(/^Where line \d+ comes from$/);
  await expect(where.getByLabel('The line', { exact: true })).toHaveText('  replicas: 3');
  const source = where.getByRole('group', { name: 'Source of templates/deployment.yaml (read-only)' });
  await expect(source).toHaveAttribute('data-line', String(templateLine('aeterna', 'deployment.yaml', /^ {2}replicas: \{\{ \.Values\.aeterna\.replicas \}\}$/)));
  await expect(source).toHaveAttribute('data-marked', '.Values.aeterna.replicas }}');
  // The template in Monaco, read-only, the span marked.
  await expect(source.locator('.monaco-editor .traced-span').first()).toBeVisible();
  await expect(source.locator('.view-line', { hasText: 'replicas: {{ .Values.aeterna.replicas }}' })).toBeVisible();

  const values = where.getByRole('table', { name: /Values the line reads/ });
  const replicas = values.locator('tr[data-path="aeterna.replicas"]');
  await expect(replicas.getByRole('cell').first()).toHaveText('3');
  await expect(values.locator('tr[data-path="autoscaling.enabled"]')).toContainText('decides whether the line is written');
  await expect(values.locator('tr[data-path="autoscaling.enabled"]').getByRole('cell').first()).toHaveText('false');

  // Its line in values.yaml: the key selected in the editor.
  await replicas.getByRole('button', { name: 'values.yaml:2' }).click();
  const editor = page.getByRole('region', { name: 'values.yaml' });
  await expect(editor.locator('.view-overlays .selected-text')).toBeVisible();
  const top = await editor.locator('.view-overlays .selected-text').first().evaluate((e) => (e.parentElement as HTMLElement).style.top);
  await expect(editor.locator(`.margin-view-overlays > div[style*="top:${top};"] .line-numbers`)).toHaveText('2');

  // Its form field, focused.
  await replicas.getByRole('button', { name: 'Form' }).click();
  await expect(page.locator('[data-field="aeterna.replicas"] input')).toBeFocused();
  await expect(page.locator('[data-field="aeterna.replicas"] input')).toHaveValue('3');
});

test('a default value links to its line in the merged values', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const viewer = await openResource(page, 'Deployment');
  await clickLine(page, viewer, 'terminationGracePeriodSeconds:');
  const row = panel(page).locator('tr[data-path="aeterna.terminationGracePeriodSeconds"]');
  await row.getByRole('button', { name: 'default' }).click();
  const editor = page.getByRole('region', { name: 'values.yaml' });
  await expect(editor.getByRole('checkbox', { name: 'Show full merged values' })).toBeChecked();
  await expect(editor.locator('.view-overlays .selected-text')).toBeVisible();
  await expect(editor.locator('.view-line', { hasText: 'terminationGracePeriodSeconds:' })).toBeVisible();
});

test('a line written by a named template shows the includes it came through (Verta)', async ({ page }) => {
  await openFresh(page, 'verta');
  await setEditorText(page, chartFile('verta/ci/default-values.yaml'));
  await waitRendered(page);
  await previewTab(page, 'All manifests');
  const viewer = await manifestViewer(page, 'helm template output');
  await clickLine(page, viewer, 'revisionHistoryLimit: 5');
  const where = panel(page);
  const chain = where.getByRole('list', { name: 'Where it came from, outermost first' });
  await expect(chain.getByRole('listitem')).toHaveCount(2);
  await expect(chain.getByRole('listitem').first()).toContainText('includes "verta.deploymentSpecHead"');
  const inner = templateLine('verta', '_pod.tpl', /^revisionHistoryLimit: 5$/);
  await expect(chain.getByRole('listitem').last()).toContainText(`templates/_pod.tpl:${inner}:1 template text, copied as written`);
  const source = where.getByRole('group', { name: /^Source of / });
  await expect(source).toHaveAttribute('data-file', 'verta/templates/_pod.tpl');
  await expect(source).toHaveAttribute('data-marked', 'revisionHistoryLimit: 5');
  // The call site, one click up the chain.
  await chain.getByRole('listitem').first().getByRole('button').click();
  await expect(source).toHaveAttribute('data-file', /^verta\/templates\/deployment-(backend|frontend|ml)\.yaml$/);
  await expect(source).toHaveAttribute('data-marked', /^include "verta\.deploymentSpecHead" .* \| nindent 2 \}\}$/);
});

test('"Where is it used?" from a form field and from values.yaml marks the lines that read the value', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await page.locator('[data-field="aeterna.replicas"] input').focus();
  await page.getByRole('button', { name: 'Where is aeterna.replicas used?' }).click();
  const where = panel(page);
  await expect(where.getByRole('heading')).toHaveText('Where aeterna.replicas is used');
  await expect(where.getByRole('list', { name: 'Resources using the value' }).getByRole('listitem')).toHaveText([/^Deployment release-name-aeterna lines? \d+/]);
  await where.getByRole('button', { name: /^Deployment / }).click();
  const viewer = await manifestViewer(page, /^Deployment /);
  await expect(viewer.locator('.view-overlays .used-line')).toHaveCount(1);
  const top = await viewer.locator('.view-overlays .used-line').evaluate((e) => (e.parentElement as HTMLElement).style.top);
  await expect(viewer.locator(`.view-line[style*="top:${top};"]`)).toContainText('replicas: 2');
  await expect(preview(page).getByRole('navigation', { name: 'Resources by kind' })).toContainText('1 line uses it');

  // From values.yaml: Alt+U on a key.
  await setEditorText(page, 'aeterna:\n  terminationGracePeriodSeconds: 45\n');
  await waitRendered(page);
  await page.getByRole('region', { name: 'values.yaml' }).locator('.view-line', { hasText: 'terminationGracePeriodSeconds' }).click();
  await page.keyboard.press('Alt+U');
  await expect(where.getByRole('heading')).toHaveText('Where aeterna.terminationGracePeriodSeconds is used');
  await expect(where.getByRole('list', { name: 'Resources using the value' })).toContainText('Deployment release-name-aeterna');
});

test('from the keyboard: Enter on a line opens the answer, Escape closes it and returns', async ({ page }) => {
  await openFresh(page, 'aeterna');
  const viewer = await openResource(page, 'Deployment');
  await viewer.locator('.view-lines').click({ position: { x: 40, y: 5 } });
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown'); // kind: Deployment
  await page.keyboard.press('Enter');
  const where = panel(page);
  await expect(where.getByRole('heading')).toBeFocused();
  await expect(where.getByLabel('The line', { exact: true })).toHaveText('kind: Deployment');
  await expect(where.getByRole('group', { name: /^Source of templates\/deployment\.yaml/ })).toHaveAttribute('data-marked', 'kind: Deployment');
  await page.keyboard.press('Escape');
  await expect(where).toHaveCount(0);
  await expect(viewer.locator('textarea, .native-edit-context').first()).toBeFocused();
});

test('on a narrow screen the panel sits under the preview and its links open the other tabs', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await waitForMonaco(page);
  await page.setViewportSize({ width: 390, height: 800 });
  const panes = page.getByRole('tablist', { name: 'Panes' });
  await panes.getByRole('tab', { name: 'Preview' }).click();
  await previewTab(page, 'All manifests');
  const viewer = await manifestViewer(page, 'helm template output');
  await clickLine(page, viewer, 'replicas: 2');
  const row = panel(page).locator('tr[data-path="aeterna.replicas"]');
  await expect(row).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await row.getByRole('button', { name: 'Form' }).click();
  await expect(panes.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-field="aeterna.replicas"] input')).toBeFocused();
});

/** A CSS selector for an attribute's exact value (a backslash in it is CSS's escape character). */
const byAttr = (name: string, value: string): string => `[${name}="${value.replace(/[\\"]/g, (c) => `\\${c}`)}"]`;

test('keys with dots in them (annotation and label names): "Where is it used?" from their field, and their field from a line', async ({ page }) => {
  await openUploadedChart(page, 'tests/form/charts', 'dotted-keys', '0.1.0');

  // A chart without section hints opens its sections closed.
  await page.getByRole('region', { name: 'dotted-keys settings' }).getByRole('heading', { name: 'Pod annotations' }).click();
  // The field of `prometheus.io/scrape` under podAnnotations asks about that key, not about podAnnotations.prometheus.io.
  const scrape = page.locator(`${byAttr('data-field', 'podAnnotations.prometheus\\.io/scrape')} input`);
  await expect(scrape).toHaveValue('true');
  await scrape.focus();
  await page.getByRole('button', { name: /^Where is .*prometheus\.io\/scrape.* used\?$/ }).click();
  const where = panel(page);
  await expect(where.getByRole('heading')).toHaveText(/^Where .*prometheus\.io\/scrape.* is used$/);
  await expect(where.getByRole('list', { name: 'Resources using the value' }).getByRole('listitem')).toHaveText([/^ConfigMap release-name-dotted line \d+/]);
  await where.getByRole('button', { name: /^ConfigMap / }).click();
  const viewer = await manifestViewer(page, /^ConfigMap /);
  await expect(viewer.locator('.view-overlays .used-line')).toHaveCount(1);
  const top = await viewer.locator('.view-overlays .used-line').evaluate((e) => (e.parentElement as HTMLElement).style.top);
  await expect(viewer.locator(`.view-line[style*="top:${top};"]`)).toContainText('scrape: "true"');

  // From the line that reads `prometheus.io/scrape`, its field is focused.
  await clickLine(page, viewer, 'scrape: "true"');
  const row = panel(page).locator(`tr${byAttr('data-path', 'podAnnotations.prometheus\\.io/scrape')}`);
  await expect(row.getByRole('cell').first()).toHaveText('"true"');
  await scrape.blur();
  await row.getByRole('button', { name: 'Form' }).click();
  await expect(scrape).toBeFocused();
});
