/**
 * The project options the specs read: which projects compare screenshots
 * with the committed baselines (tests/playwright.config.ts decides).
 */
import { test as base } from '@playwright/test';
import { type BaselineBrowser, baselineBrowser } from './baseline-browser.ts';

export interface CheckOptions {
  /** Pixel baselines are only comparable with renders from the browser and platform that made them. */
  compareBaselines: boolean;
}

export const test = base.extend<CheckOptions, { baselineBrowser: BaselineBrowser }>({
  compareBaselines: [false, { option: true }],
  /** The running browser against the one that took the baselines (tests/e2e/baseline-browser.ts). */
  baselineBrowser: [
    async ({ browser }, use, workerInfo) => {
      const updating = workerInfo.config.updateSnapshots === 'all' || workerInfo.config.updateSnapshots === 'changed';
      await use(baselineBrowser(browser.version(), updating));
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

/**
 * How every baseline is captured and compared: still (no animation, no caret),
 * in CSS pixels, and identical to the pixel (tests/playwright.config.ts;
 * tests/e2e/baseline.ts captures the same way).
 */
export const SCREENSHOTS = { animations: 'disabled', caret: 'hide', scale: 'css', threshold: 0, maxDiffPixels: 0 } as const;

/**
 * Tags a test that sets the colour scheme itself, or does not depend on it:
 * it runs once per browser and screen (in the light project), as the dark
 * project would only repeat it.
 */
export const ANY_COLOUR_SCHEME = '@any-colour-scheme';
/**
 * Tags a test that does not depend on the screen (paper, the HTML's own
 * data, a file the build wrote): it runs on the desktop screen only.
 */
export const ANY_SCREEN = '@any-screen';
