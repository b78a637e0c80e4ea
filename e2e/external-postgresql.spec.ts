import { expect, test } from '@playwright/test';
import { manifestStream, openFresh, previewTab, shownResource, waitRendered } from './helpers';

test('switching PostgreSQL to External wires the Deployment and drops the CNPG Cluster', async ({ page }) => {
  await openFresh(page, 'aeterna');
  // With the CloudNativePG API served by the cluster, the bundled database is a Cluster.
  await page.locator('details.release-bar > summary').click();
  await page.getByRole('checkbox', { name: /postgresql\.cnpg\.io\/v1/ }).check();
  await waitRendered(page);
  expect(await manifestStream(page)).toContain('kind: Cluster');

  const pg = page.getByRole('region', { name: 'PostgreSQL' });
  await pg.getByRole('radio', { name: 'External' }).check();
  await pg.getByRole('textbox', { name: 'Host' }).fill('db.example.internal');
  await pg.getByRole('textbox', { name: 'Port' }).fill('6432');
  await pg.getByRole('textbox', { name: 'Database' }).fill('memory');
  await pg.getByRole('textbox', { name: 'User' }).fill('aeterna_app');
  await pg.getByRole('textbox', { name: 'User' }).blur();
  await waitRendered(page);

  const preview = page.getByRole('region', { name: 'Rendered manifests' });
  await preview.getByRole('navigation', { name: 'Resources by kind' }).getByRole('heading', { name: /^Deployment/ }).waitFor();
  await preview.getByRole('navigation', { name: 'Resources by kind' }).locator('.resource-group', { hasText: /^Deployment/ }).getByRole('button').first().click();
  const deployment = await shownResource(page, /^Deployment /);
  expect(deployment).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
  expect(deployment).toContain('name: PG_HOST');
  expect(deployment).toContain('value: "db.example.internal"');
  expect(deployment).toContain('value: "6432"');
  expect(deployment).toContain('value: "memory"');
  expect(deployment).toContain('value: "aeterna_app"');

  await expect(preview.getByRole('navigation', { name: 'Resources by kind' }).getByRole('heading', { name: /^Cluster\b/ })).toHaveCount(0);
  expect(await manifestStream(page)).not.toContain('kind: Cluster');

  // The operator chart is a remote dependency that is no longer installed.
  await previewTab(page, /Dependencies/);
  await expect(preview.getByRole('heading', { name: /cloudnative-pg/ })).toHaveCount(0);
  await expect(preview.getByText('Installed from oci://ghcr.io/dragonflydb/dragonfly/helm at deploy time.')).toBeVisible();
});
