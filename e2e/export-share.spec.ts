/**
 * Leaving the configurator: the downloads equal the CLI's output for the same configuration,
 * share links restore the preview in a fresh browser, broken links leave the work alone, and
 * findings point at bad values.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { encodeShareLink } from '../lib/share';
import { editorText, manifestStream, openFresh, setEditorText, waitForMonaco, waitRendered } from './helpers';

const VALUES = '# from the export test\naeterna:\n  replicas: 3\n  image:\n    tag: "1.4.2"\n';

async function openExport(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog).toBeVisible();
}

async function downloadBytes(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

function cli(args: string[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'chartroom-e2e-'));
  const values = join(dir, 'values.yaml');
  writeFileSync(values, VALUES);
  const out = join(dir, 'out.zip');
  execFileSync('npx', ['--no-install', 'chartroom', ...args, 'charts/aeterna', '-f', values, '--release', 'release-name', '-n', 'default', '--kube-version', '1.31.0', '-o', out], {
    stdio: 'pipe',
  });
  return readFileSync(out);
}

test('the values bundle and the GitOps zip equal the CLI output for the same configuration', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, VALUES);
  await waitRendered(page);

  await openExport(page);
  const bundle = await downloadBytes(page, 'Download values bundle');
  expect(bundle.name).toBe('release-name-values.zip');
  expect(bundle.bytes.equals(cli(['bundle']))).toBe(true);

  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Tool').selectOption('flux');
  await dialog.getByLabel('Branch').fill('deploy');
  await dialog.getByLabel('Repository URL').fill('https://git.example.com/acme/deploy.git');
  // Aeterna generates its KMS key at every render: the export says so before writing the zip.
  await dialog.getByRole('button', { name: 'Download GitOps repository' }).click();
  const warning = dialog.getByRole('alertdialog', { name: 'GitOps warning' });
  await expect(warning).toContainText('gitops/nondeterministic');
  await expect(warning).toContainText('templates/kms-secret.yaml:23 calls randBytes');
  await expect(warning).toContainText('secrets.localKmsKey');
  const gitops = await downloadBytes(page, 'Download anyway');
  expect(gitops.name).toBe('release-name-gitops-flux.zip');
  expect(gitops.bytes.equals(cli(['gitops', '--tool', 'flux', '--branch', 'deploy', '--repo-url', 'https://git.example.com/acme/deploy.git']))).toBe(true);
});

test('a copied link opens the same preview in a fresh browser, secrets left out', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page, 'aeterna');
  const copyLink = async (): Promise<string> => {
    await openExport(page);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
    await expect(page.getByRole('status', { name: 'Export result' })).toContainText('Link copied');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  // A secret is left out of the link, and the dialog says which.
  await setEditorText(page, 'aeterna:\n  replicas: 4\nsecrets:\n  openaiApiKey: sk-abcdefghijklmnop\n');
  await waitRendered(page);
  const withSecret = await copyLink();
  await expect(page.getByRole('status', { name: 'Export result' })).toContainText('openaiApiKey');
  expect(withSecret).toMatch(/\/configure\/aeterna#cr1\./);
  expect(withSecret).not.toContain('sk-abcdefghijklmnop');

  // Without secrets, the link reproduces the preview exactly.
  await setEditorText(page, 'aeterna:\n  replicas: 4\n  config:\n    logLevel: debug\n');
  await waitRendered(page);
  const resourceLabel = await page.getByRole('region', { name: 'Rendered manifests' }).getByRole('tab', { name: /Resources/ }).innerText();
  const url = await copyLink();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await waitRendered(other);
  await expect(other.getByRole('alert', { name: 'Share link' })).toContainText('configuration from the share link is open');
  await expect(other.getByRole('region', { name: 'Rendered manifests' }).getByRole('tab', { name: /Resources/ })).toHaveText(resourceLabel);
  await waitForMonaco(other);
  await expect.poll(() => editorText(other)).toContain('replicas: 4');
  expect(await manifestStream(other)).toContain('replicas: 4');
  await fresh.close();
});

test('broken links say what is wrong and leave the autosaved work alone', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  replicas: 7\n');
  await waitRendered(page);
  await page.waitForTimeout(600); // autosave
  const good = encodeShareLink({ format: 1, chart: { name: 'aeterna', version: '0.1.0' }, release: { name: 'shared', namespace: 'apps' }, values: 'aeterna:\n  replicas: 2\n' }).fragment;
  const middle = Math.floor(good.length / 2);
  const truncated = good.slice(0, middle);
  const tampered = good.slice(0, middle) + (good[middle] === 'A' ? 'B' : 'A') + good.slice(middle + 1);
  const oversized = 'cr1.' + 'A'.repeat(70 * 1024);
  const links = [truncated, tampered, oversized];
  const messages: string[] = [];
  for (const fragment of links) {
    await page.goto('/');
    await page.goto(`/configure/aeterna#${fragment}`);
    await waitRendered(page);
    const banner = page.getByRole('alert', { name: 'Share link' });
    await expect(banner).toContainText('could not be opened');
    messages.push(await banner.innerText());
    await waitForMonaco(page);
    await expect.poll(() => editorText(page)).toContain('replicas: 7');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
  }
  console.log(`[share] broken-link messages:\n${messages.map((m) => `  - ${m.split('\n')[0]}`).join('\n')}`);
});

test('the Findings tab counts findings and points at a bad image tag', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  image:\n    tag: latest\n');
  await waitRendered(page);
  const tab = page.getByRole('region', { name: 'Rendered manifests' }).getByRole('tab', { name: /Findings \(\d+ errors, \d+ warnings, \d+ info\)/ });
  await expect(tab).toBeVisible();
  await tab.click();
  const finding = page.getByRole('list', { name: 'Findings' }).locator('li[data-rule="prod/image-tag"]').first();
  await expect(finding).toBeVisible();
  await expect(finding).toContainText('latest');
  console.log(`[findings] ${await tab.innerText()}`);
  // The values path focuses its form field; the resource link selects the resource.
  const valuesLink = finding.getByRole('button', { name: 'aeterna.image.tag' });
  await valuesLink.click();
  await expect(page.locator('.form-pane :focus')).toHaveValue('latest');
  await finding.getByRole('button').first().click();
  await expect(page.getByRole('region', { name: 'Rendered manifests' }).getByRole('tab', { name: /Resources/ })).toHaveAttribute('aria-selected', 'true');
});
