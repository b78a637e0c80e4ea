/**
 * A chart without values.schema.json still gets a form, search and editor completion: its
 * schema is inferred from values.yaml and the helm-docs comments in it.
 */
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { chartFolderFiles, packagedChart } from './chart-archive';
import { editorText, manifestStream, waitForMonaco, waitRendered, watchPolicy } from './helpers';
import { coalesceOver, helmAccepts, readValuesText } from '../lib/form/infer';
import type { JsonSchema } from '../lib/form';

const folder = fileURLToPath(new URL('./fixtures/documented', import.meta.url));

test('a schema-less chart: sections and descriptions from comments, search, edits reach values.yaml and the preview, completion in the editor', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a .tgz file').setInputFiles({ name: 'documented-0.1.0.tgz', mimeType: 'application/gzip', buffer: packagedChart(chartFolderFiles(folder, 'documented')) });
  await expect(page).toHaveURL(/\/configure\/local$/);
  await waitRendered(page);

  const form = page.getByRole('region', { name: 'documented settings' });
  await expect(form).toContainText('the form is inferred from values.yaml');
  // Sections named by `# @section --`, closed until opened.
  for (const name of ['Web server', 'Content', 'Networking']) await expect(form.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(form.getByText('Number of web server pods.')).toHaveCount(0);
  await form.getByRole('heading', { name: 'Web server', level: 2 }).click();
  await expect(form.getByText('Number of web server pods.')).toBeVisible();
  await expect(form.getByText('Container image repository.')).toBeVisible();

  // Search finds a field by words of its description; its label says where it sits.
  await form.getByRole('searchbox', { name: 'Search settings' }).fill('pull policy');
  const results = form.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('status')).toHaveText('1 setting matches.');
  const policy = results.getByRole('combobox', { name: 'Image › Pull policy' });
  await expect(policy.locator('option:checked')).toHaveText('IfNotPresent');
  await policy.selectOption({ label: 'Always' });

  await expect.poll(() => editorText(page)).toContain('pullPolicy: Always');
  await waitRendered(page);
  expect(await manifestStream(page)).toContain('imagePullPolicy: Always');

  // A list of scalars is edited as chips: Enter adds, × and Backspace remove.
  await form.getByRole('searchbox', { name: 'Search settings' }).fill('');
  await form.getByRole('heading', { name: 'Networking', level: 2 }).click();
  const hosts = form.getByRole('list', { name: 'Hosts entries' });
  await expect(hosts.getByRole('listitem')).toHaveText(['example.com×', 'www.example.com×']);
  const newHost = form.getByRole('textbox', { name: 'Add to Hosts' });
  await newHost.fill('api.example.com');
  await newHost.press('Enter');
  await expect(newHost).toHaveValue('');
  await expect.poll(() => editorText(page)).toMatch(/hosts:\n\s+- example\.com\n\s+- www\.example\.com\n\s+- api\.example\.com/);
  await hosts.getByRole('button', { name: 'Remove example.com from Hosts' }).click();
  await expect.poll(() => editorText(page)).not.toContain('- example.com\n');
  await newHost.focus();
  await newHost.press('Backspace');
  await expect(hosts.getByRole('listitem')).toHaveText(['www.example.com×']);
  await expect.poll(() => editorText(page)).toMatch(/hosts:\n\s+- www\.example\.com\n(?!\s+- )/);

  // The editor completes the chart's keys from the same schema.
  await waitForMonaco(page);
  const editor = page.getByRole('region', { name: 'values.yaml' });
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.monaco-editor .suggest-widget .monaco-list-row');
  await expect(suggestions.filter({ hasText: 'replicaCount' })).toBeVisible();
  await expect(suggestions.filter({ hasText: 'greeting' })).toBeVisible();
});

test('the inferred values.schema.json downloads, accepts what the chart ships, and is made without breaking the page\'s policy', async ({ page }) => {
  const violations = await watchPolicy(page);
  // Comment annotations the chart's own defaults and ci file break: the inferred schema must drop them.
  const values = '# -- Port the Service listens on.\nport: 80 # @schema minimum:1;maximum:10\n# -- Log level.\nlogLevel: info # @schema pattern:^(debug|info)$\n';
  const ci = 'logLevel: trace\n';
  const files = {
    'strict/Chart.yaml': 'apiVersion: v2\nname: strict\nversion: 0.1.0\n',
    'strict/values.yaml': values,
    'strict/ci/verbose-values.yaml': ci,
    'strict/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  port: {{ .Values.port | quote }}\n  level: {{ .Values.logLevel }}\n',
  };
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a .tgz file').setInputFiles({ name: 'strict-0.1.0.tgz', mimeType: 'application/gzip', buffer: packagedChart(files) });
  await expect(page).toHaveURL(/\/configure\/local$/);
  await waitRendered(page);

  const form = page.getByRole('region', { name: 'strict settings' });
  await expect(form).toContainText('the form is inferred from values.yaml');
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download values.schema.json' }).click()]);
  expect(download.suggestedFilename()).toBe('values.schema.json');
  const text = await (await download.createReadStream()).toArray();
  const schema = JSON.parse(Buffer.concat(text).toString('utf8')) as JsonSchema;
  expect.soft(schema.properties?.port).toMatchObject({ type: 'number', minimum: 1 });
  expect.soft(schema.properties?.port).not.toHaveProperty('maximum');
  expect.soft(schema.properties?.logLevel).not.toHaveProperty('pattern');
  const defaults = readValuesText(values)!.values;
  expect.soft(helmAccepts(schema, [defaults, coalesceOver(defaults, readValuesText(ci)!.values)])).toBe(true);
  expect(violations).toEqual([]);
});
