import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);

/** Browser tests against the production build, in Debian's Chromium. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    viewport: { width: 1600, height: 1000 },
  },
  webServer: {
    // `next build` runs before this (npm test does it); serve.mjs serves that build as `npm start` does.
    command: `PORT=${PORT} node scripts/serve.mjs`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    // The chart material route may reach the test repository and registry on 127.0.0.1.
    env: { CHARTROOM_FETCH_ALLOW_LOCAL: '1' },
    timeout: 120_000,
  },
});
