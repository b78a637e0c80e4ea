/**
 * The manifest viewer with a chart as large as the largest popular public charts (125
 * resources, about 3 MB of YAML): how long "All manifests" takes to show, how smoothly it
 * scrolls, and keystroke-to-preview latency while it is open. Figures are printed, never
 * asserted (timing on a loaded machine is not a pass/fail signal); what is asserted is that the
 * view shows the stream, scrolls to its end and follows every keystroke.
 */
import { expect, test, type Page } from '@playwright/test';
import { LARGE_CHART, writeLargeChart } from './large-manifests-chart';
import { setEditorText, waitForMonaco, waitRendered } from './helpers';

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

async function openLargeChart(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.getByLabel('Choose a chart folder').setInputFiles(writeLargeChart());
  await expect(page).toHaveURL(/\/configure\/local$/);
  await waitRendered(page);
  await expect(page.getByRole('tab', { name: `Resources (${LARGE_CHART.resources})` })).toBeVisible();
  await waitForMonaco(page);
}

/** Clicks "All manifests" and times, in the page, until the stream's first lines are painted. */
async function timeOpenStream(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const tab = document.getElementById('preview-tab-stream') as HTMLButtonElement;
        const start = performance.now();
        tab.click();
        const check = (): void => {
          const panel = document.getElementById('preview-panel-stream');
          const lines = panel?.querySelector('.view-lines, pre');
          // Monaco draws spaces as no-break spaces.
          if (lines && (lines.textContent ?? '').slice(0, 2000).replace(/\u00a0/g, ' ').includes('# Source: big/templates/')) {
            // The frame after the one whose layout shows the text: it has been painted.
            requestAnimationFrame(() => resolve(performance.now() - start));
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

/** Scrolls the stream by a real (synthesized) touchpad gesture; returns frame statistics. */
async function scrollStream(page: Page, distance: number): Promise<{ ms: number; frames: number; maxGap: number }> {
  const box = await page.locator('#preview-panel-stream').boundingBox();
  if (!box) throw new Error('no All manifests panel');
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__frames = [];
    w.__counting = true;
    const tick = (t: number): void => {
      w.__frames.push(t);
      if (w.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cdp = await page.context().newCDPSession(page);
  const started = Date.now();
  await cdp.send('Input.synthesizeScrollGesture', {
    x: Math.round(box.x + box.width / 2),
    y: Math.round(box.y + box.height / 2),
    yDistance: -distance,
    speed: 4000,
    gestureSourceType: 'mouse',
  });
  const ms = Date.now() - started;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  await cdp.detach();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  return { ms, frames: frames.length, maxGap: Math.max(...gaps) };
}

/** The first line of the stream in view (1-based). */
async function firstVisibleLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    const panel = document.getElementById('preview-panel-stream')!;
    const editor = panel.querySelector('.monaco-editor');
    if (editor) {
      // Monaco renders a few lines above the viewport too; the first one inside it counts.
      const top = editor.getBoundingClientRect().top;
      const rows = [...panel.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers')].filter((e) => e.getBoundingClientRect().top >= top - 1);
      return Math.min(...rows.map((e) => Number(e.textContent)));
    }
    const pre = panel.querySelector('pre')!;
    const lineHeight = parseFloat(getComputedStyle(pre).lineHeight) || 16;
    return Math.floor(Math.max(panel.scrollTop, pre.scrollTop) / lineHeight) + 1;
  });
}

test(`All manifests of a ${LARGE_CHART.resources}-resource chart opens, scrolls and follows typing`, async ({ page }) => {
  await openLargeChart(page);
  const openMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.getByRole('tab', { name: /^Resources/ }).click();
    await page.waitForTimeout(300);
    openMs.push(await timeOpenStream(page));
  }
  const stream = page.locator('#preview-panel-stream');
  await expect(stream).toContainText('kind: ServiceAccount');

  expect(await firstVisibleLine(page)).toBe(1);
  const scroll = await scrollStream(page, 20_000);
  // The gesture moved the view hundreds of lines down (how far a gesture goes is the browser's business).
  const reached = await firstVisibleLine(page);
  expect(reached).toBeGreaterThan(200);
  console.log(
    `[perf] large chart: All manifests shown in ${openMs.map((ms) => ms.toFixed(0)).join(', ')} ms; ` +
      `20000 px scroll gesture ${scroll.ms} ms to line ${reached}, ${scroll.frames} frames, longest frame ${scroll.maxGap.toFixed(0)} ms`,
  );

  // Typing with the stream open: each keystroke's render reaches the screen.
  await setEditorText(page, 'label: big');
  await waitRendered(page);
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as { __keydowns: number[] };
    w.__keydowns = [];
    window.addEventListener('keydown', () => w.__keydowns.push(performance.now()), { capture: true });
  });
  const samples: number[] = [];
  for (const ch of 'ger-label') {
    const before = await page.evaluate(() => performance.getEntriesByName('chartroom:preview-shown').length);
    await page.keyboard.type(ch);
    const latency = await page.waitForFunction(
      (n) => {
        const marks = performance.getEntriesByName('chartroom:preview-shown');
        const keys = (window as unknown as { __keydowns: number[] }).__keydowns;
        const after = marks.slice(n).find((m) => m.startTime >= keys[keys.length - 1]);
        return after ? after.startTime - keys[keys.length - 1] : false;
      },
      before,
      { timeout: 20_000, polling: 'raf' },
    );
    samples.push((await latency.jsonValue()) as number);
  }
  await waitRendered(page);
  console.log(`[perf] large chart, All manifests open: ${samples.length} keystrokes, keydown→preview p50 ${percentile(samples, 50).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms`);
  expect(samples).toHaveLength(9);
});
