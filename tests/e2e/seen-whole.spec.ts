/**
 * The pages the build writes outside the sitemap — each diagram's full-size
 * page — held to the diagram checks every sitemap page gets in pages.spec.ts:
 * each diagram seen whole (at least 99 % of its width in view, no box around
 * it opening scrolled; tests/e2e/seen-whole.ts), and every label at the
 * legibility floor (11 CSS px on a phone, 12 on a desktop). A full-size page
 * may be as tall as its flow needs, never wider than the screen. The colour
 * scheme changes none of this: light projects only.
 */
import { labelSizes } from './diagram-labels.ts';
import { ANY_COLOUR_SCHEME, expect, test } from './options.ts';
import { seenWholeFaults } from './seen-whole.ts';
import { builtPages, openSettled, sitePages } from './site-pages.ts';

const inSitemap = new Set(sitePages.map(({ path }) => path));

test.describe('pages outside the sitemap', { tag: ANY_COLOUR_SCHEME }, () => {
  for (const { path } of builtPages.filter(({ path }) => !inSitemap.has(path))) {
    test(`${path}: every diagram is seen whole, its labels legible`, async ({ page }) => {
      await openSettled(page, path);
      const width = page.viewportSize()!.width;
      const floor = width < 640 ? 11 : 12;
      expect.soft(await seenWholeFaults(page, path), `${path}: diagrams not seen whole`).toEqual([]);
      const small = (await labelSizes(page)).filter(({ size }) => size < floor - 0.01);
      expect
        .soft(
          small.map(({ diagram, label, size }) => `${path} at ${width} px: ${diagram}, label "${label}" is ${size} px`),
          `labels below the ${floor} px floor`,
        )
        .toEqual([]);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect.soft(sideways, `${path} at ${width} px scrolls sideways by ${sideways} px`).toBeLessThanOrEqual(0);
    });
  }
});
