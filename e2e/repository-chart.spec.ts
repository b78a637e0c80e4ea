import { expect, test } from '@playwright/test';
import { startChartRepository, type ChartRepositoryServer } from '../tests/servers/chart-repository';
import { parentChart } from '../tests/servers/fixture-charts';
import { startOciRegistry, type OciRegistryServer } from '../tests/servers/oci-registry';
import { addUnbuiltChart, packUnbuiltChart } from '../tests/servers/unbuilt-chart';
import { manifestStream, openFromCatalog, waitRendered } from './helpers';

// Charts whose dependencies are not in their archives, so the page must fetch them: `parent` in
// the Helm repository (greeter from the repository, counter from the registry) and `stack` in
// the registry (greeter from the repository).
let repo: ChartRepositoryServer;
let registry: OciRegistryServer;
let closed = false;

test.beforeAll(async () => {
  [repo, registry] = await Promise.all([startChartRepository(), startOciRegistry()]);
  await registry.push(repo.archives['counter-1.1.0'], 'charts');
  await addUnbuiltChart(repo, parentChart(`  - name: greeter\n    version: ^1.0.0\n    repository: ${repo.url}\n  - name: counter\n    version: 1.1.0\n    repository: ${registry.url}/charts\n`), 'parent', '1.0.0');
  const stack = parentChart(`  - name: greeter\n    version: 0.2.0\n    repository: ${repo.url}\n`, { 'Chart.yaml': `apiVersion: v2\nname: stack\nversion: 0.1.0\ndependencies:\n  - name: greeter\n    version: 0.2.0\n    repository: ${repo.url}\n` });
  await registry.push(packUnbuiltChart(stack, 'stack', '0.1.0', repo.root), 'apps');
});

test.afterAll(async () => {
  if (!closed) await Promise.all([repo?.close(), registry?.close()]);
});

test('a repository that cannot be read is named, and what the user typed stays', async ({ page }) => {
  await page.goto('/');
  const input = page.getByLabel('Helm repository URL, oci:// reference or Artifact Hub package URL');
  const missing = `${repo.origin}/nothing-here`;
  await input.fill(missing);
  await page.getByRole('button', { name: 'Find charts' }).click();
  await expect(page.getByRole('alert').filter({ hasText: missing })).toContainText(`failed to fetch ${missing}/index.yaml : 404 Not Found`);
  await expect(input).toHaveValue(missing);
});

test('a link to a repository chart opens it for a colleague; a bundled chart names the dependencies it could not fetch', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFromCatalog(page, repo.url, 'parent', '1.0.0');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status', { name: 'Export result' })).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/configure\/remote#cr1\./);

  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await other.goto(link);
  await waitRendered(other);
  expect(await manifestStream(other)).toContain('# Source: parent/charts/greeter/templates/configmap.yaml');
  await expect(other).toHaveURL(/\/configure\/remote\?repository=.*&chart=parent&version=1\.0\.0/);
  await colleague.close();

  // A saved chartroom.json of a repository chart opens that chart from the catalog.
  const saved = { format: 1, chart: { name: 'parent', version: '1.0.0', repository: repo.url }, release: { name: 'saved', namespace: 'default' }, values: 'greeter:\n  greeting: from a saved file\n' };
  await page.goto('/');
  await page.getByLabel('Choose a configuration file').setInputFiles({ name: 'chartroom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await expect(page).toHaveURL(/\/configure\/remote\?repository=/);
  await waitRendered(page);
  expect(await manifestStream(page)).toContain('greeting: "from a saved file"');

  // No internet here: Aeterna renders as before, and says which dependencies it left out and why.
  await page.goto('/configure/aeterna');
  await waitRendered(page);
  const note = page.getByRole('status', { name: 'Dependencies left out' });
  await expect(note).toContainText('dragonfly v1.30.3 from oci://ghcr.io/dragonflydb/dragonfly/helm');
  await expect(note).toContainText('cloudnative-pg 0.29.0 from https://cloudnative-pg.github.io/charts');
  await expect(note).toContainText('qdrant 1.16.3 from https://qdrant.github.io/qdrant-helm');
});

test('charts from a Helm repository and an OCI registry open with their dependencies, and reopen offline', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => r.method() !== 'GET' && posts.push(r.url()));

  await openFromCatalog(page, repo.url, 'parent', '1.0.0');
  await expect(page.getByRole('status', { name: 'Dependencies fetched' })).toHaveText(/greeter 1\.0\.0, counter 1\.1\.0/);
  let stream = await manifestStream(page);
  expect(stream).toContain('# Source: parent/templates/parent.yaml');
  expect(stream).toContain('# Source: parent/charts/greeter/templates/configmap.yaml');
  expect(stream).toContain('greeting: "hello from the parent"');
  expect(stream).toContain('# Source: parent/charts/counter/templates/count.yaml');
  const repoPage = page.url();

  await openFromCatalog(page, `${registry.url}/apps/stack`, 'stack', '0.1.0');
  stream = await manifestStream(page);
  expect(stream).toContain('# Source: stack/charts/greeter/templates/configmap.yaml');
  expect(stream).toContain('chart: greeter-0.2.0');
  const registryPage = page.url();
  const archivesServed = repo.requests.filter((p) => p.endsWith('.tgz')).length;

  // Offline: the servers are gone and the app's route can't be reached; the browser's copy serves.
  await Promise.all([repo.close(), registry.close()]);
  closed = true;
  await page.route('**/api/chart-material**', (r) => r.abort('internetdisconnected'));
  await page.reload();
  await waitRendered(page);
  expect(await manifestStream(page)).toContain('# Source: stack/charts/greeter/templates/configmap.yaml');
  await page.goto(repoPage);
  await waitRendered(page);
  await expect(page.getByRole('status', { name: 'Opened offline' })).toContainText(`${repo.url}/index.yaml`);
  stream = await manifestStream(page);
  expect(stream).toContain('# Source: parent/charts/greeter/templates/configmap.yaml');
  expect(stream).toContain('# Source: parent/charts/counter/templates/count.yaml');
  expect(registryPage).toContain('/configure/remote?');
  expect(archivesServed).toBe(3);
  expect(posts).toEqual([]);
});
