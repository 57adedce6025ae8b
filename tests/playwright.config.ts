import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';

const port = 4329;
const baseURL = `http://127.0.0.1:${port}`;

/**
 * End-to-end tests run against the built site (`dist/`), served by
 * `astro preview` in the foreground. The browser is the project's Chromium
 * (see src/lib/chromium.ts): the machine's, else Playwright's own.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]] : 'list',
  use: {
    baseURL,
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, channel: undefined } },
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, channel: undefined } },
  ],
  webServer: {
    // --ignore-lock: run beside a preview the author may have open (npm start).
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    cwd: '..',
    url: baseURL,
    reuseExistingServer: !process.env['CI'],
    env: { ASTRO_PREVIEW_BACKGROUND: '0' },
    stdout: 'ignore',
  },
});
