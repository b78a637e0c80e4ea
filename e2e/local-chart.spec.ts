import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { manifestStream, waitRendered } from './helpers';

const archive = fileURLToPath(new URL('./fixtures/hello-0.1.0.tgz', import.meta.url));

test('a chart packaged with helm package is rendered locally', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => r.method() !== 'GET' && posts.push(r.url()));
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a .tgz file').setInputFiles(archive);
  await expect(page).toHaveURL(/\/configure\/local$/);
  await waitRendered(page);
  const stream = await manifestStream(page);
  expect(stream).toContain('# Source: hello/templates/configmap.yaml');
  expect(stream).toContain('greeting: "hello"');
  expect(posts).toEqual([]);
});
