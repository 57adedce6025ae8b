import { expect, test } from '@playwright/test';
import { NOT_FOUND_PATH, sitePages } from './site-pages.ts';

/** The pages in the sitemap (the 404 page is not one). */
const sitemapPaths = sitePages.map(({ path }) => path).filter((path) => path !== NOT_FOUND_PATH);

test.use({ viewport: { width: 360, height: 740 } });

test('no page scrolls sideways at 360px, in light or dark', async ({ page }) => {
  const paths = sitemapPaths;
  expect(paths.length).toBeGreaterThanOrEqual(6);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of paths) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} (${colorScheme}) is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
    }
  }
});

test('every page has one h1, a main landmark and a description', async ({ page }) => {
  for (const path of sitemapPaths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
    await expect(page.getByRole('main'), path).toHaveCount(1);
    await expect(page.locator('meta[name="description"]'), path).toHaveAttribute('content', /^.{50,}$/);
    await expect(page.locator('link[rel="canonical"]'), path).toHaveAttribute('href', /^https?:\/\//);
  }
});
