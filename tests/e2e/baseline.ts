/**
 * `toHaveScreenshot()` with a quick way through. A capture whose PNG bytes are
 * the baseline's is the baseline, pixel for pixel; it passes without Playwright
 * decoding both images and comparing every pixel, which takes over a second for
 * a long case study here (its 1280 × 12,263 px baseline alone decodes in
 * ≈ 0.4 s). Any other capture, a missing baseline, or an update run goes to
 * `toHaveScreenshot()`, which waits, retries, compares and reports as before:
 * the bar is still "identical pixels" (threshold 0, no pixel allowed to differ).
 *
 * An element is captured from the top of the page. Playwright scrolls it into
 * view from wherever the page stands, and after capturing an element taller
 * than the screen it leaves the page at one of two places; the next element
 * then landed at another fraction of a pixel, and its edge row took the page's
 * background in some runs (a phone screen is 2.625 device pixels per CSS pixel).
 *
 * Every block is drawn for the capture, as a reader who scrolls to it sees it
 * (tests/e2e/drawn.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { DRAW_EVERY_BLOCK } from './drawn.ts';
import { expect, SCREENSHOTS, test } from './options.ts';

export async function expectBaseline(
  target: Page | Locator,
  name: string,
  message: string,
  options: { fullPage?: boolean; timeout: number },
): Promise<void> {
  if (!('goto' in target)) await target.page().evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  const capture = { ...options, style: DRAW_EVERY_BLOCK };
  const info = test.info();
  const baseline = info.snapshotPath(name, { kind: 'screenshot' });
  if (info.config.updateSnapshots !== 'all' && info.config.updateSnapshots !== 'changed' && existsSync(baseline)) {
    const { animations, caret, scale } = SCREENSHOTS;
    const image = await target.screenshot({ animations, caret, scale, ...capture });
    if (image.equals(readFileSync(baseline))) return;
  }
  await expect.soft(target, message).toHaveScreenshot(name, capture);
}
