/**
 * Build-time diagrams in the built site: visible and legible in light and
 * dark, following the theme toggle with CSS alone, and labels inside their
 * shapes. (That no diagram reaches past a 360 px screen is a check of every
 * page, in pages.spec.ts.)
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { drawEveryBlock } from './drawn.ts';
import { ANY_COLOUR_SCHEME } from './options.ts';
import { palette } from '../../src/design-tokens.ts';
import { hexToRgb } from './support.ts';

const PAGES = ['./', 'case-studies/telemetry-pipeline/', 'case-studies/sliding-window-rate-limiter/', 'case-studies/cqrs-ledger/'];

/** The form of each diagram that the page shows (a figure may hold others, hidden: src/lib/diagrams/forms/). */
const diagrams = (page: Page) => page.locator('figure.diagram svg[role="img"]').filter({ visible: true });

/** The theme the page shows right now, as the site decides it (toggle first, then the OS). */
const activeTheme = (page: Page) =>
  page.evaluate(() => {
    const chosen = document.documentElement.dataset['theme'];
    if (chosen === 'light' || chosen === 'dark') return chosen;
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  });

/** The computed fill of each label's innermost text run (a <text> may carry its box's class; its tspans carry the text colour). */
const labelFills = (diagram: Locator) =>
  diagram
    .locator('text')
    .evaluateAll((texts) =>
      texts
        .filter((text) => (text.textContent ?? '').trim() !== '')
        .map((text) => getComputedStyle([...text.querySelectorAll('tspan')].at(-1) ?? text).fill),
    );
const firstLabelFill = async (diagram: Locator) => (await labelFills(diagram))[0];

for (const path of PAGES) {
  // One page load for the three checks; the one that switches the page to dark comes last.
  test(`diagrams on ${path}: visible, named and in the page's theme; labels inside their nodes; no white box on a dark page`, async ({
    page,
  }) => {
    await page.goto(path);
    await drawEveryBlock(page);

    await test.step('are visible, named, and drawn in the theme the page shows', async () => {
      const count = await diagrams(page).count();
      expect.soft(count, `${path}: diagrams`).toBeGreaterThan(0);
      const theme = await activeTheme(page);
      for (let index = 0; index < count; index += 1) {
        const diagram = diagrams(page).nth(index);
        const which = `${path}: diagram ${index + 1}`;
        await diagram.scrollIntoViewIfNeeded();
        await expect.soft(diagram, which).toBeVisible();
        const box = await diagram.boundingBox();
        expect.soft(box?.width, `${which}: width`).toBeGreaterThan(100);
        expect.soft(box?.height, `${which}: height`).toBeGreaterThan(20);
        const name = await diagram.evaluate((svg) => document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');
        expect.soft(name.trim(), `${which}: accessible name`).not.toBe('');
        const fills = await labelFills(diagram);
        expect.soft(fills, `${which}: label colours in the ${theme} theme`).toContain(hexToRgb(palette[theme].text));
        expect
          .soft(fills, `${which}: label colours in the ${theme} theme`)
          .not.toContain(hexToRgb(palette[theme === 'dark' ? 'light' : 'dark'].text));
      }
    });

    await test.step('keep every label inside its node', async () => {
      const labels = await diagrams(page).evaluateAll((svgs) =>
        svgs.flatMap((svg) =>
          [...svg.querySelectorAll('g.node, g.actor-top, g.actor-bottom')].flatMap((node) => {
            const shape = node.querySelector('rect, polygon, circle, ellipse, path');
            const label = node.querySelector('text');
            if (!shape || !label || (label.textContent ?? '').trim() === '') return [];
            const outer = shape.getBoundingClientRect();
            const inner = label.getBoundingClientRect();
            // Half a pixel of slack for anti-aliasing at fractional scales.
            const slack = 0.5;
            const inside =
              inner.left >= outer.left - slack &&
              inner.right <= outer.right + slack &&
              inner.top >= outer.top - slack &&
              inner.bottom <= outer.bottom + slack;
            return [{ label: `${svg.id}: "${label.textContent?.trim()}"`, inside }];
          }),
        ),
      );
      expect.soft(labels.length, `${path}: labels in nodes`).toBeGreaterThan(3);
      expect
        .soft(
          labels.filter(({ inside }) => !inside).map(({ label }) => label),
          `${path}: labels outside their nodes`,
        )
        .toEqual([]);
    });

    await test.step('leave no white box on a dark page', async () => {
      // A box: any filled shape of at least 24 × 24 px (arrowheads and dots are ink, not boxes).
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      const bright = await page.locator('figure.diagram').evaluateAll((figures) =>
        figures.flatMap((figure) =>
          [figure.querySelector('.diagram__frame'), ...figure.querySelectorAll('svg rect, svg path, svg polygon, svg circle, svg ellipse')]
            .filter((element): element is Element => element !== null)
            .map((element) => {
              const style = getComputedStyle(element);
              const paint = element.matches('.diagram__frame') ? style.backgroundColor : style.fill;
              const channels =
                /rgba?\(([^)]+)\)/
                  .exec(paint)?.[1]
                  ?.split(/[\s,/]+/)
                  .map(Number) ?? [];
              const [r = 0, g = 0, b = 0, a = 1] = channels;
              const box = element.getBoundingClientRect();
              const visible =
                box.width * box.height >= 24 * 24 &&
                a > 0.2 &&
                style.display !== 'none' &&
                style.visibility !== 'hidden' &&
                style.opacity !== '0';
              return { paint, bright: visible && (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.8 };
            })
            .filter(({ bright }) => bright)
            .map(({ paint }) => paint),
        ),
      );
      expect.soft(bright, `${path}: bright boxes on the dark page`).toEqual([]);
    });
  });
}

test('a diagram follows the theme toggle without a reload', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('case-studies/telemetry-pipeline/');
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const diagram = diagrams(page).first();
  await diagram.scrollIntoViewIfNeeded();
  expect(await firstLabelFill(diagram)).toBe(hexToRgb(palette.light.text));

  await page.getByRole('button', { name: /theme/i }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await firstLabelFill(diagram)).toBe(hexToRgb(palette.dark.text));

  await page.getByRole('button', { name: /theme/i }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await firstLabelFill(diagram)).toBe(hexToRgb(palette.light.text));
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
