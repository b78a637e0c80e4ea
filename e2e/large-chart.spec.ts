/**
 * A chart of thousands of templates (TEMPLATES=30000 to try more; renders past the engine's
 * 3 s budget stop by design): the page stays responsive while it loads and renders. The
 * longest main-thread task and the total blocking time, from the configure page's first script
 * on (opening the chart included), are printed, never asserted (timing on a loaded machine is not
 * a pass/fail signal); what is asserted is that every resource arrives.
 */
import { expect, test } from '@playwright/test';
import { packagedChart } from './chart-archive';
import { renderStatus } from './helpers';

const TEMPLATES = Number(process.env.TEMPLATES ?? 5_000);

test(`a chart of ${TEMPLATES} templates renders without blocking the page`, async ({ page }) => {
  const files: Record<string, string> = { 'many/Chart.yaml': 'apiVersion: v2\nname: many\nversion: 0.1.0\n', 'many/values.yaml': 'greeting: hello\n' };
  for (let i = 0; i < TEMPLATES; i++) {
    files[`many/templates/cm-${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n`;
  }
  // Long tasks from the moment each document starts, so the chart's opening is counted too.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a .tgz file').setInputFiles({ name: 'many-0.1.0.tgz', mimeType: 'application/gzip', buffer: packagedChart(files) });
  await expect(page).toHaveURL(/\/configure\/local$/);
  await expect(renderStatus(page)).toHaveText(/Rendered in \d+ ms/, { timeout: 90_000 });
  await expect(page.getByRole('region', { name: 'Rendered manifests' }).getByRole('tab', { name: `Resources (${TEMPLATES})` })).toBeVisible();
  // Findings trail the render; wait until they are in too.
  await expect(page.getByRole('region', { name: 'Rendered manifests' }).getByRole('tab', { name: /Findings \(/ })).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const blocking = tasks.reduce((s, d) => s + Math.max(0, d - 50), 0);
  console.log(`[perf] ${TEMPLATES} templates: longest main-thread task ${Math.max(0, ...tasks).toFixed(0)} ms, ${tasks.length} long tasks, total blocking ${blocking.toFixed(0)} ms`);
});
