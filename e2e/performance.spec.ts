/**
 * First preview on localhost: from navigation start to the preview's first "shown" mark, in a
 * fresh browser context each time (nothing cached, no service worker yet), as a first visit is.
 *
 * Keystroke → preview latency. Each key is pressed once the previous render is on screen; the
 * latency is from the keydown (captured in the page) to the preview's "shown" mark for the
 * render that includes it. Figures are printed (p95 < 50 ms is the aim), never asserted: timing
 * on a loaded machine is not a pass/fail signal. What is asserted: every keystroke got a preview.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openFresh, renderStatus, setEditorText, waitForMonaco, waitRendered } from './helpers';

const KEYS = 40;

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

async function measureTyping(page: Page, start: string, typed: string, engine: number[]): Promise<number[]> {
  await setEditorText(page, start);
  await waitRendered(page);
  // Right after its first successful render the worker warms the engine up for a few hundred
  // milliseconds (see render.worker.ts); typing is measured after that, as a person would type.
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as { __keydowns: number[] };
    w.__keydowns = [];
    window.addEventListener('keydown', () => w.__keydowns.push(performance.now()), { capture: true });
  });
  const samples: number[] = [];
  for (const ch of typed) {
    const before = await page.evaluate(() => performance.getEntriesByName('chartroom:preview-shown').length);
    await page.keyboard.type(ch);
    const latency = await page.waitForFunction(
      (n) => {
        const marks = performance.getEntriesByName('chartroom:preview-shown');
        const keys = (window as unknown as { __keydowns: number[] }).__keydowns;
        const key = keys[keys.length - 1];
        const after = marks.slice(n).find((m) => m.startTime >= key);
        return after ? after.startTime - key : false;
      },
      before,
      { timeout: 10_000, polling: 'raf' },
    );
    samples.push((await latency.jsonValue()) as number);
    const status = await renderStatus(page).innerText();
    engine.push(Number(/Rendered in (\d+) ms/.exec(status)?.[1] ?? NaN));
  }
  return samples;
}

const FIRST_VISITS = 5;

async function firstPreviewMs(browser: Browser, chart: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`/configure/${chart}`);
    const mark = await page.waitForFunction(() => performance.getEntriesByName('chartroom:preview-shown')[0]?.startTime ?? false, undefined, { timeout: 60_000, polling: 50 });
    await expect(renderStatus(page)).toHaveText(/Rendered in \d+ ms/);
    return (await mark.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

test('first preview on localhost: aeterna', async ({ browser }) => {
  const samples: number[] = [];
  for (let i = 0; i < FIRST_VISITS; i++) samples.push(await firstPreviewMs(browser, 'aeterna'));
  console.log(`[perf] aeterna first preview on localhost: median ${percentile(samples, 50).toFixed(0)} ms of ${FIRST_VISITS} fresh visits (${samples.map((ms) => ms.toFixed(0)).join(', ')})`);
  expect(samples.every((ms) => Number.isFinite(ms) && ms > 0)).toBe(true);
});

const cases = [
  {
    chart: 'aeterna',
    start: 'aeterna:\n  config:\n    logLevel: info\n    qdrantCollection: mem',
    typed: 'ories-of-the-agents-and-their-tools-v2x'.slice(0, KEYS),
  },
  {
    chart: 'verta',
    start:
      'frontend:\n  tenantSlug: demo\nsecrets:\n  databaseUrl: mysql://verta:pw@mysql:3306/verta\n  discordToken: token\nglobal:\n  domain: verta',
    typed: '-archive-of-the-community-example-org-x'.slice(0, KEYS),
  },
];

for (const c of cases) {
  test(`keystroke to preview latency: ${c.chart}`, async ({ page }) => {
    await openFresh(page, c.chart);
    await waitForMonaco(page);
    const engine: number[] = [];
    const samples = await measureTyping(page, c.start, c.typed, engine);
    const app = await page.evaluate(() => performance.getEntriesByName('chartroom:keystroke-to-preview').map((m) => m.duration));
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    console.log(
      `[perf] ${c.chart}: ${samples.length} keystrokes, keydown→preview p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms; ` +
        `in-app edit→preview p95 ${percentile(app.slice(-samples.length), 95).toFixed(1)} ms; engine in worker p50 ${percentile(engine, 50)} ms, p95 ${percentile(engine, 95)} ms`,
    );
    expect(samples).toHaveLength(c.typed.length);
    expect(samples.every((ms) => Number.isFinite(ms))).toBe(true);
  });
}
