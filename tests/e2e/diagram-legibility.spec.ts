/**
 * Diagrams a reader can read on every screen: on every page of the sitemap,
 * at a phone's width and a desktop's, every label a diagram shows is at least
 * the legibility floor in CSS px (its computed font size × the scale the SVG
 * is drawn at), no page scrolls sideways, and a diagram wider than its column
 * is one that scrolls inside its figure, says so, and can be scrolled from
 * the keyboard.
 */
import { expect, test, type Page } from '@playwright/test';
import { labelSizes } from './diagram-labels';
import { openSettled, sitePages, NOT_FOUND_PATH } from './site-pages';

/** The floor, in CSS px, per viewport width (docs/diagrams.md, "Legible on every screen"). */
const SCREENS = [
  { width: 390, height: 844, floor: 11 },
  { width: 1280, height: 800, floor: 12 },
] as const;

const sitemapPaths = sitePages.map(({ path }) => path).filter((path) => path !== NOT_FOUND_PATH);

interface CanvasReport {
  diagram: string;
  overflows: boolean;
  scrollable: boolean;
  cueVisible: boolean;
  focusable: boolean;
  name: string;
}

const canvases = (page: Page): Promise<CanvasReport[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.diagram .diagram__canvas')]
      .filter((canvas) => canvas.getClientRects().length > 0)
      .map((canvas) => {
        const figure = canvas.closest('figure')!;
        const svg = [...canvas.querySelectorAll('svg[role="img"]')].find((element) => element.getClientRects().length > 0);
        const cue = figure.querySelector('.diagram__scroll-cue');
        const labelledBy = canvas.getAttribute('aria-labelledby');
        return {
          diagram: svg?.id ?? '(no visible svg)',
          overflows: canvas.scrollWidth > canvas.clientWidth + 1,
          scrollable: ['auto', 'scroll'].includes(getComputedStyle(canvas).overflowX),
          cueVisible: !!cue && cue.getClientRects().length > 0 && getComputedStyle(cue).visibility !== 'hidden',
          focusable: canvas.tabIndex >= 0,
          name: (labelledBy ? document.getElementById(labelledBy)?.textContent : canvas.getAttribute('aria-label'))?.trim() ?? '',
        };
      }),
  );

for (const screen of SCREENS) {
  test.describe(`diagrams at ${screen.width} px`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    for (const path of sitemapPaths) {
      test(`${path}: labels ≥ ${screen.floor} px, no sideways scroll, wide diagrams scroll with a cue`, async ({ page }) => {
        await openSettled(page, path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} at ${screen.width} px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);

        const small = (await labelSizes(page)).filter(({ size }) => size < screen.floor - 0.01);
        expect(
          small.map(({ diagram, label, size }) => `${path} at ${screen.width} px: diagram ${diagram}, label "${label}" is ${size} px`),
          `labels below the ${screen.floor} px floor`,
        ).toEqual([]);

        for (const canvas of (await canvases(page)).filter(({ overflows }) => overflows)) {
          const where = `${path} at ${screen.width} px: diagram ${canvas.diagram} is wider than its column`;
          expect(canvas.scrollable, `${where} but does not scroll`).toBe(true);
          expect(canvas.cueVisible, `${where} but shows no scroll cue`).toBe(true);
          expect(canvas.focusable, `${where} but cannot be reached from the keyboard`).toBe(true);
          expect(canvas.name, `${where} but its scroll area has no accessible name`).not.toBe('');
        }
      });
    }
  });
}

test.describe('full size in one tap', () => {
  test.use({ viewport: { width: 390, height: 844 } });

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
