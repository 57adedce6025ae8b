/**
 * Full size in one tap: every diagram links to a page of its own that shows
 * its full flow (never the overview) as wide as the screen allows, and offers
 * the author's drawing at natural size as an image file. (Whether each is seen
 * whole and legible is seen-whole.spec.ts's; every label on every sitemap
 * page is a step of the per-page checks in pages.spec.ts.)
 */
import { openSettled, sitePages, NOT_FOUND_PATH } from './site-pages';
import { ANY_COLOUR_SCHEME, expect, test } from './options.ts';

const sitemapPaths = sitePages.map(({ path }) => path).filter((path) => path !== NOT_FOUND_PATH);

test.describe('full size in one tap', { tag: ANY_COLOUR_SCHEME }, () => {
  test('every diagram links to a page of its own that shows its full flow, named, with a way back and its drawing as an image', async ({
    page,
    request,
  }) => {
    test.slow(); // It opens every diagram's page.
    const origins = sitemapPaths.filter((path) => path.startsWith('/case-studies/') || path === '/');
    for (const origin of origins) {
      await openSettled(page, origin);
      const links = await page.locator('figure.diagram a.diagram__full-size').evaluateAll((anchors) =>
        anchors.map((anchor) => ({
          href: anchor.getAttribute('href') ?? '',
          // The diagram's own name (its accTitle, else its caption): the full-size page's heading.
          name: anchor.closest('figure')?.querySelector('svg[role="img"] > title')?.textContent ?? '',
        })),
      );
      expect(links.length, `${origin} has figures without a full-size link`).toBe(await page.locator('figure.diagram').count());
      for (const { href, name } of links) {
        await openSettled(page, href);
        await expect(page.getByRole('heading', { level: 1 }), `${href} (from ${origin})`).toHaveText(name);
        await expect(page.getByRole('link', { name: /^← Back to / }), href).toHaveAttribute('href', /^\/case-studies\/[^/]+\/$/);
        const shown = page.locator('figure.diagram svg[role="img"]').filter({ visible: true });
        await expect(shown, href).toHaveCount(1);
        expect(await shown.getAttribute('data-form'), `${href} shows the overview`).not.toBe('overview');
        await expect(page.locator('figure.diagram svg.diagram__form--overview'), `${href} carries an overview`).toHaveCount(0);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
          `${href} scrolls sideways`,
        ).toBeLessThanOrEqual(0);
        const image = page.getByRole('link', { name: 'Open the drawing as an image' });
        const file = await request.get(new URL((await image.getAttribute('href')) ?? '', page.url()).href);
        expect(file.headers()['content-type'], `${href}: its drawing`).toMatch(/^image\/svg\+xml/);
        expect(await file.text(), `${href}: its drawing names itself`).toContain(`<title>${name.replaceAll('&', '&amp;')}</title>`);
      }
    }
  });
});
