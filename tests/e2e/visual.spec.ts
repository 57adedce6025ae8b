/**
 * Every page, full length, must look exactly as its approved baseline in
 * tests/e2e/__screenshots__/<project>/, and so must each diagram on it.
 * After an intended change, `npm run test:update` rewrites the baselines:
 * review the new images before committing them.
 */
import { expect, test } from '@playwright/test';
import { openSettled, sitePages } from './site-pages.ts';

/** A long page captured twice (to see that it is still) takes seconds on a busy 2-core machine. */
const CAPTURE_TIMEOUT = 30_000;

for (const { path, name } of sitePages) {
  test(`${path} matches its baseline, and so does each diagram on it`, async ({ page }) => {
    test.slow();
    await openSettled(page, path);
    await expect.soft(page).toHaveScreenshot(`${name}.png`, { fullPage: true, timeout: CAPTURE_TIMEOUT });
    const diagrams = await page.locator('figure:has(svg)').all();
    for (const [index, diagram] of diagrams.entries()) {
      await expect.soft(diagram).toHaveScreenshot(`${name}--diagram-${index + 1}.png`, { timeout: CAPTURE_TIMEOUT });
    }
  });
}
