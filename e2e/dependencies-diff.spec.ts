/**
 * The Dependencies tab lists subcharts vendored in charts/ (version, enabled, values received),
 * and the Diff tab does not churn: within an editing session, values the chart generates at
 * random stay the same, so the defaults diff opens empty and an edit shows as just that edit.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh, openUploadedChart, previewTab, setEditorText, waitRendered } from './helpers';

const preview = (page: Page) => page.getByRole('region', { name: 'Rendered manifests' });

test('the Dependencies tab lists vendored subcharts: version, enabled or not, and the values they receive', async ({ page }) => {
  await openUploadedChart(page, 'tests/diff/charts', 'umbrella', '0.3.0');

  await previewTab(page, 'Dependencies (6)');
  const item = (name: string) => preview(page).getByRole('listitem', { name: `Dependency ${name}` });
  await expect(item('queue')).toContainText('queue (cache) 0.1.0');
  await expect(item('queue')).toContainText('Vendored in charts/, enabled.');
  await expect(item('queue').getByLabel('Values passed to queue')).toContainText('size: 1Gi');
  await expect(item('queue').getByLabel('Values passed to queue')).toContainText('region: eu-west-1');
  await expect(item('backend')).toContainText('backend 1.0.0');
  await expect(item('backend')).toContainText('disabled by these values');
  await expect(item('tagged')).toContainText('disabled by these values');
  await expect(item('common')).toContainText('enabled');
});

test('the Diff tab against the defaults has no churn, and an edit opens on its first change with a count', async ({ page }) => {
  // Aeterna generates its AETERNA_LOCAL_KMS_KEY with randBytes at every render.
  await openFresh(page, 'aeterna');
  await waitRendered(page);
  await previewTab(page, 'Diff');
  const status = preview(page).getByRole('status', { name: 'Changes from the chart defaults: changes' });
  await expect(status).toHaveText('No changes.');

  await setEditorText(page, 'aeterna:\n  replicas: 4\n');
  await waitRendered(page);
  await expect(status).toHaveText(/^1 change; unchanged lines are folded\.$/);
  // Opened on the change: the new replica count is on screen without scrolling.
  const diff = preview(page).getByRole('group', { name: 'Changes from the chart defaults' });
  await expect(diff).toContainText('replicas: 4');
  await expect(diff).not.toContainText('AETERNA_LOCAL_KMS_KEY');

  // An unrelated re-render keeps the generated key: against the previous render nothing moved but the edit.
  await setEditorText(page, 'aeterna:\n  replicas: 5\n');
  await waitRendered(page);
  await preview(page).getByLabel('Against the previous render').check();
  await expect(preview(page).getByRole('status', { name: 'Changes since the previous render: changes' })).toHaveText(/^1 change; unchanged lines are folded\.$/);
});
