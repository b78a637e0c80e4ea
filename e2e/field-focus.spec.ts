/**
 * Links to a form field (a traced line's values, a finding's values path) reach fields hidden in
 * closed disclosures: the field's section and its "Advanced" part open, the field is scrolled
 * into view and focused, and the disclosures the user left open or closed elsewhere stay so.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { clickLine, openFresh, openResource, openUploadedChart, previewTab, setEditorText, waitRendered } from './helpers';

const preview = (page: Page) => page.getByRole('region', { name: 'Rendered manifests' });
const panel = (page: Page) => preview(page).getByRole('region', { name: /^Where / });
const form = (page: Page) => page.locator('.form-pane');
/** The form's "Advanced" disclosures. */
const advanced = (scope: Locator) => scope.locator('details', { has: scope.page().locator(':scope > summary', { hasText: /^Advanced$/ }) });
/** A CSS selector for an attribute's exact value (a backslash in it is CSS's escape character). */
const byAttr = (name: string, value: string): string => `[${name}="${value.replace(/[\\"]/g, (c) => `\\${c}`)}"]`;

/** The "Advanced" disclosure of a section of the form. */
const sectionAdvanced = (page: Page, title: string): Locator => advanced(form(page).locator('section', { has: page.getByRole('heading', { name: title, exact: true }) }));

test('a traced line’s "Form" link opens the closed Advanced part holding the field and focuses it', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'fullnameOverride: edge\n');
  await waitRendered(page);

  const field = form(page).locator('[data-field="fullnameOverride"] input');
  const own = advanced(form(page)).filter({ has: page.locator('[data-field="fullnameOverride"]') });
  await expect(own).toHaveCount(1);
  await expect(own).not.toHaveAttribute('open');
  await expect(field).toBeHidden();
  // The user opened another section's Advanced part: it stays open; the rest stay closed.
  const networking = sectionAdvanced(page, 'Networking').first();
  await networking.locator(':scope > summary').click();
  await expect(networking).toHaveAttribute('open');
  const openBefore = await advanced(form(page)).evaluateAll((all) => all.filter((d) => (d as HTMLDetailsElement).open).length);

  const viewer = await openResource(page, 'Deployment');
  await clickLine(page, viewer, 'name: edge');
  const row = panel(page).locator('tr[data-path="fullnameOverride"]');
  await expect(row.getByRole('cell').first()).toHaveText('edge');
  await row.getByRole('button', { name: 'Form' }).click();

  await expect(field).toBeFocused();
  await expect(field).toBeInViewport();
  await expect(field).toHaveValue('edge');
  await expect(own).toHaveAttribute('open');
  await expect(networking).toHaveAttribute('open');
  expect(await advanced(form(page)).evaluateAll((all) => all.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(openBefore + 1);
});

test('a finding’s values path opens the closed Advanced part holding its field, past a search that left it out', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  securityContext:\n    privileged: true\n');
  await waitRendered(page);
  // A search that leaves the field out gives way to the sections.
  const search = form(page).getByRole('searchbox', { name: 'Search settings' });
  await search.fill('replicas');
  await expect(form(page).locator('[data-field="aeterna.securityContext"]')).toHaveCount(0);
  await previewTab(page, /Findings/);
  const finding = page.getByRole('list', { name: 'Findings' }).locator('li[data-rule="prod/privileged"]').first();
  await finding.getByRole('button', { name: /^aeterna\.securityContext/ }).click();

  const field = form(page).locator('[data-field="aeterna.securityContext"]');
  const control = field.locator('input, textarea').first();
  await expect(control).toBeFocused();
  await expect(control).toBeInViewport();
  await expect(advanced(form(page)).filter({ has: page.locator('[data-field="aeterna.securityContext"]') })).toHaveAttribute('open');
  await expect(search).toHaveValue('');
});

test('in a chart whose sections start closed, a "Form" link opens the section and its Advanced part', async ({ page }) => {
  await openUploadedChart(page, 'tests/form/charts', 'dotted-keys', '0.1.0');

  // The other section, opened by the user, stays open.
  const settings = page.getByRole('region', { name: 'dotted-keys settings' });
  await settings.getByRole('heading', { name: 'Pod annotations' }).click();
  const scrape = settings.locator(`${byAttr('data-field', 'podAnnotations.prometheus\\.io/scrape')} input`);
  await expect(scrape).toBeVisible();

  const viewer = await openResource(page, 'ConfigMap');
  await clickLine(page, viewer, 'os: "linux"');
  const row = panel(page).locator(`tr${byAttr('data-path', 'nodeSelector.kubernetes\\.io/os')}`);
  await expect(row.getByRole('cell').first()).toHaveText('linux');
  await row.getByRole('button', { name: 'Form' }).click();

  const os = settings.locator(`${byAttr('data-field', 'nodeSelector.kubernetes\\.io/os')}`).locator('input, select').first();
  await expect(os).toBeFocused();
  await expect(os).toBeInViewport();
  await expect(scrape).toBeVisible();
});

test('a schema problem on a key holding dots names that key: its link reaches the field, which shows the error', async ({ page }) => {
  await openUploadedChart(page, 'tests/form/charts', 'dotted-keys', '0.1.0');
  await setEditorText(page, 'nodeSelector:\n  kubernetes.io/os: plan9\n');

  const needed = form(page).getByRole('region', { name: 'Needed before dotted-keys can render' });
  const link = needed.getByRole('button', { name: 'nodeSelector.kubernetes\\.io/os' });
  await expect(link).toBeVisible();
  await link.click();

  const field = form(page).locator(byAttr('data-field', 'nodeSelector.kubernetes\\.io/os'));
  const control = field.locator('input, select').first();
  await expect(control).toBeFocused();
  // The error is the field's own, not shown on `nodeSelector` as a message naming the key.
  await expect(control).toHaveAttribute('aria-invalid', 'true');
  await expect(field.locator('ul')).toContainText(/linux.*windows/);
  await expect(form(page).getByRole('form', { name: 'Chart values' }).getByText('kubernetes\\.io/os:')).toHaveCount(0);
});
