/**
 * A schema-less chart of 400 documented fields: its form opens with closed sections, search
 * reaches any field, and typing in a field is timed next to the aeterna form. Times are printed,
 * never asserted (timing on a loaded machine is not a pass/fail signal); what is asserted is that
 * every keystroke reached the field and values.yaml.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { packagedChart } from './chart-archive';
import { editorText, openFresh, waitRendered } from './helpers';

const SECTIONS = 20;
const PER_SECTION = 20;

function largeValues(): string {
  const lines: string[] = [];
  for (let s = 0; s < SECTIONS; s++) {
    lines.push(`part${s}:`);
    for (let f = 0; f < PER_SECTION; f++) {
      lines.push(`  # -- Setting ${f} of part ${s}.`, ...(f === 0 ? [`  # @section -- Part ${s}`] : []), `  setting${f}: value${f}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Milliseconds from each keydown to the next frame after the field shows the character. */
async function typingTimes(page: Page, input: Locator, text: string): Promise<number[]> {
  await input.click();
  const times: number[] = [];
  for (const ch of text) {
    const before = await input.inputValue();
    const started = await page.evaluate(() => performance.now());
    await page.keyboard.type(ch);
    await expect(input).toHaveValue(before + ch);
    times.push((await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))))) - started);
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test(`a form of ${SECTIONS * PER_SECTION} fields opens closed, finds any field and types like the aeterna form`, async ({ page }) => {
  const files = {
    'large/Chart.yaml': 'apiVersion: v2\nname: large\nversion: 0.1.0\n',
    'large/values.yaml': largeValues(),
    'large/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: large\ndata:\n  values: {{ toJson .Values | quote }}\n',
  };
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a .tgz file').setInputFiles({ name: 'large-0.1.0.tgz', mimeType: 'application/gzip', buffer: packagedChart(files) });
  await expect(page).toHaveURL(/\/configure\/local$/);
  await waitRendered(page);
  const form = page.getByRole('region', { name: 'large settings' });
  await expect(form.getByRole('heading', { level: 2, name: /^Part \d+$/ })).toHaveCount(SECTIONS);
  // Closed sections render no controls.
  await expect(form.getByRole('textbox', { name: /Setting/ })).toHaveCount(0);

  await form.getByRole('searchbox', { name: 'Search settings' }).fill('part17.setting13');
  const field = form.getByRole('region', { name: 'Search results' }).getByRole('textbox', { name: 'Setting13' });
  const large = await typingTimes(page, field, 'abcdefghij');
  await expect.poll(() => editorText(page)).toContain('setting13: value13abcdefghij');

  await openFresh(page, 'aeterna');
  const replicas = page.getByRole('region', { name: 'Application' }).getByRole('textbox', { name: 'Replicas' });
  await replicas.fill('');
  const aeterna = await typingTimes(page, replicas, '1111111111');
  console.log(`[form] typing, keydown to next frame: ${SECTIONS * PER_SECTION}-field inferred form median ${median(large).toFixed(0)} ms (max ${Math.max(...large).toFixed(0)}), aeterna form median ${median(aeterna).toFixed(0)} ms (max ${Math.max(...aeterna).toFixed(0)})`);
});
