import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts', 'charts/**/*.test.ts'],
    exclude: ['node_modules', '.cache', 'e2e'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/setup/global.ts'],
    // Helm's include depth limit (1000) needs a deeper stack than V8's default; see bin/chartroom.mjs.
    pool: 'forks',
    poolOptions: { forks: { execArgv: ['--stack-size=4000'] } },
  },
});
