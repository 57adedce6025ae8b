/**
 * Full size in one tap: every diagram links to a page of its own that shows
 * it at natural size. (The legibility floor itself — every label on every
 * page at a phone's width and a desktop's — is a step of the per-page checks
 * in pages.spec.ts, on the page load they share.)
 */
import { openSettled, sitePages, NOT_FOUND_PATH } from './site-pages';
import { ANY_COLOUR_SCHEME, expect, test } from './options.ts';

const sitemapPaths = sitePages.map(({ path }) => path).filter((path) => path !== NOT_FOUND_PATH);

test.describe('full size in one tap', { tag: ANY_COLOUR_SCHEME }, () => {
  test('every diagram links to a page of its own that shows it at natural size, named, with a way back', async ({ page }) => {
    test.slow(); // It opens every diagram's page.
    const origins = sitemapPaths.filter((path) => path.startsWith('/case-studies/') || path === '/');
    for (const origin of origins) {
      await openSettled(page, origin);
      const links = await page.locator('figure.diagram a.diagram__full-size').evaluateAll((anchors) =>
        anchors.map((anchor) => ({ href: anchor.getAttribute('href') ?? '', name: anchor.closest('figure')?.querySelector('figcaption span')?.textContent ?? '' })),
      );
      expect(links.length, `${origin} has figures without a full-size link`).toBe(await page.locator('figure.diagram').count());
      for (const { href, name } of links) {
        await openSettled(page, href);
        await expect(page.getByRole('heading', { level: 1 }), `${href} (from ${origin})`).toHaveText(name);
        await expect(page.getByRole('link', { name: /^← Back to / }), href).toHaveAttribute('href', /^\/case-studies\/[^/]+\/$/);
        const svg = page.locator('figure.diagram svg[role="img"]');
        await expect(svg, href).toHaveCount(1);
        const scale = await svg.evaluate((element) => element.getBoundingClientRect().width / Number.parseFloat(element.style.getPropertyValue('--diagram-width')));
        expect(scale, `${href} shows its diagram at ${scale} × natural size`).toBeCloseTo(1, 2);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${href} scrolls sideways`).toBeLessThanOrEqual(0);
      }
    }
  });
});
