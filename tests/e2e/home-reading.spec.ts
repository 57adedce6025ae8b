/**
 * The home page read to the end on a phone (390 × 844): at most ten screens,
 * and no diagram shown twice in the same form on any page, on either screen. A fence's forms (its
 * author's drawing, the compact, ELK and wide ones, an overview; src/lib/diagrams/forms/) differ
 * by the form shown and its drawing's viewBox; the same root id with both equal is the same
 * drawing twice.
 */
import { expect, test, type Page } from '@playwright/test';
import { drawEveryBlock } from './drawn.ts';
import { ANY_COLOUR_SCHEME } from './options.ts';
import { openSettled, sitePages } from './site-pages.ts';

const PHONE = { width: 390, height: 844 };
const MAX_SCREENS = 10;

interface ShownFigure {
  /** The diagram's root id, without the suffix each use on a page adds. */
  root: string;
  /** What tells its forms apart: the form shown and its viewBox. */
  form: string;
  where: string;
}

async function shownFigures(page: Page): Promise<ShownFigure[]> {
  return page.locator('figure.diagram').evaluateAll((figures) =>
    figures.map((figure) => {
      const fullSize = figure.querySelector<HTMLAnchorElement>('a.diagram__full-size')?.getAttribute('href') ?? '';
      const root = /\/([^/]+)\/$/.exec(fullSize)?.[1] ?? /^mmd-[0-9a-f]+/.exec(figure.id)?.[0] ?? figure.id;
      const shown = [...figure.querySelectorAll<SVGSVGElement>('svg.diagram__form')].filter(
        (svg) => getComputedStyle(svg).display !== 'none',
      );
      const forms = shown.map((svg) => `${svg.getAttribute('data-form')} ${svg.getAttribute('viewBox')}`);
      const section = figure.closest('section[id], article[aria-labelledby]');
      return { root, form: forms.join(' | '), where: section?.id || section?.getAttribute('aria-labelledby') || figure.id };
    }),
  );
}

function repeats(figures: readonly ShownFigure[]): string[] {
  const seen = new Map<string, ShownFigure>();
  const found: string[] = [];
  for (const figure of figures) {
    const key = `${figure.root} ${figure.form}`;
    const first = seen.get(key);
    if (first) found.push(`${figure.root} (${figure.form}) in ${first.where} and again in ${figure.where}`);
    else seen.set(key, figure);
  }
  return found;
}

test.describe('a recruiter reads', { tag: ANY_COLOUR_SCHEME }, () => {
  test(`home, on a phone, to the end in ${MAX_SCREENS} screens or fewer`, async ({ page, viewport }) => {
    test.skip(viewport?.width !== PHONE.width, 'read on the 390 px phone');
    await page.setViewportSize(PHONE);
    await openSettled(page, './');
    await drawEveryBlock(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const screens = height / PHONE.height;
    const sections = await page
      .locator('main > section')
      .evaluateAll((all) => all.map((section) => `${section.id || 'hero'} ${Math.round(section.getBoundingClientRect().height)}px`));
    test
      .info()
      .annotations.push({ type: 'home height', description: `${height}px = ${screens.toFixed(2)} screens (${sections.join(', ')})` });
    expect(screens, `home is ${height}px: ${screens.toFixed(2)} screens of ${PHONE.height}px (${sections.join(', ')})`).toBeLessThanOrEqual(
      MAX_SCREENS,
    );
    // The contact section, the last thing a recruiter looks for, is reached within the same budget.
    const contactTop = await page.locator('#contact').evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    expect(contactTop).toBeLessThan(MAX_SCREENS * PHONE.height);
  });

  test('home, on a phone: each section holds about its own height until it is drawn', async ({ page, viewport }) => {
    test.skip(viewport?.width !== PHONE.width, 'read on the 390 px phone');
    await page.setViewportSize(PHONE);
    await openSettled(page, './');
    await drawEveryBlock(page);
    // A section's phoneHeight (src/components/Section.astro) far from the truth
    // makes a link to a later section land off its mark, and lets a section
    // that is not drawn yet overlap the next one for tools that read the page.
    const wrong = await page.locator('main > section[style*="--phone-height"]').evaluateAll((sections) =>
      sections.flatMap((section) => {
        const held = Number.parseFloat(getComputedStyle(section).getPropertyValue('--phone-height')) * 16;
        const real = section.getBoundingClientRect().height;
        return Math.abs(held - real) > Math.max(0.1 * real, 48)
          ? [`#${section.id}: holds ${Math.round(held)} px, is ${Math.round(real)} px: set phoneHeight={${Math.ceil(real / 16)}}`]
          : [];
      }),
    );
    expect(wrong, 'home sections whose phoneHeight (rem) is off by over 10 %').toEqual([]);
  });

  // On either screen: a form is chosen per screen, so a repeat may show on one and not the other.
  test('no page shows one diagram twice in the same form', async ({ page }) => {
    const found: string[] = [];
    for (const { path } of sitePages.filter(({ path }) => !path.startsWith('/diagrams/'))) {
      await openSettled(page, path);
      for (const repeat of repeats(await shownFigures(page))) found.push(`${path}: ${repeat}`);
    }
    expect(found, 'a diagram drawn twice the same way on one page').toEqual([]);
  });
});
