#!/usr/bin/env node
// Time to the first preview of a production build on localhost, over N fresh visits (a new
// browser context each: nothing cached, no service worker yet), in the Chromium Playwright uses.
// Per visit it prints where the time went, from the page's clock (ms since navigation start):
// the HTML, the form on screen, the render worker created, its code evaluated (first message),
// its first render sent back, the first preview shown, the chart's summary sent back ("loaded":
// a page that already has the summary gets it after its first render), and the main thread's
// long tasks before the first preview.
// Timings are figures to read, not pass/fail: on a loaded machine they are inflated.
//
// Usage: node scripts/first-preview-time.mjs [--url http://host:port] [--runs N] [route]   (default /configure/aeterna, 5 runs)
// Without --url it starts the production server (scripts/serve.mjs) on a free port (run `npx next build` first) and stops it after.
import { chromium } from 'playwright';
import { productionServer, takeUrlArg } from './production-server.mjs';

const args = process.argv.slice(2);
const given = takeUrlArg(args);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const route = args[0] ?? '/configure/aeterna';

// Runs in the page before its scripts: notes when the render worker is created and when each
// kind of message first comes back from it, and the long tasks of the main thread.
function instrument() {
  const seen = (window.__firstPreview = { worker: null, messages: {}, longTasks: [], form: null });
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, opts) {
      super(url, opts);
      if (opts?.name !== 'chartroom-render') return;
      seen.worker ??= performance.now();
      this.addEventListener('message', (ev) => {
        const d = ev.data ?? {};
        const key = d.type === 'progress' ? `progress:${d.progress?.phase}` : d.type;
        seen.messages[key] ??= performance.now();
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const formSeen = () => {
    if (seen.form === null && document.querySelector('form[aria-label] input, form[aria-label] select')) seen.form = performance.now();
    else if (seen.form === null) requestAnimationFrame(formSeen);
  };
  requestAnimationFrame(formSeen);
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)}`.padStart(6) : '     -');

const server = await productionServer(given);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const columns = ['html', 'form', 'worker', 'engine', 'rendered', 'preview', 'loaded', 'long tasks'];
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    try {
      await context.addInitScript(instrument);
      const page = await context.newPage();
      await page.goto(server.base + route);
      await page.waitForFunction(() => performance.getEntriesByName('chartroom:preview-shown').length > 0, undefined, { timeout: 120_000, polling: 50 });
      await page.waitForFunction(() => window.__firstPreview.messages.loaded !== undefined, undefined, { timeout: 120_000, polling: 50 });
      const r = await page.evaluate(() => {
        const seen = window.__firstPreview;
        const preview = performance.getEntriesByName('chartroom:preview-shown')[0].startTime;
        const nav = performance.getEntriesByType('navigation')[0];
        const longBefore = seen.longTasks.filter(([start]) => start < preview).reduce((s, [, d]) => s + d, 0);
        return [nav.responseEnd, seen.form, seen.worker, seen.messages['progress:chart'], seen.messages.rendered, preview, seen.messages.loaded, longBefore];
      });
      rows.push(r);
      console.log(`visit ${i + 1}: ${columns.map((c, j) => `${c} ${ms(r[j]).trim()}`).join(', ')} ms`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`\n${route}, median of ${runs} fresh visits (ms since navigation start):`);
console.log(columns.map((c) => c.padStart(Math.max(6, c.length))).join(' '));
console.log(columns.map((c, j) => ms(median(rows.map((r) => r[j]))).padStart(Math.max(6, c.length))).join(' '));
console.log(`first preview on localhost: median ${median(rows.map((r) => r[5])).toFixed(0)} ms of ${runs} fresh visits`);
