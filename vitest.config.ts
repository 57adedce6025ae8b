import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Pure and fast: no browser, no build (npm run test:unit).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      // Chromium and whole `astro build`s against fixture sites on disk (npm run test:integration).
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
    ],
  },
});
