/**
 * WCAG 2.2 AA on every page: axe finds no violation, and, where axe cannot
 * look, the Tab key reaches every link and control, each showing where the
 * focus is.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openSettled, sitePages } from './site-pages.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help}\n  at ${node.target.join(' ')}\n  ${node.failureSummary?.replaceAll('\n', '\n  ')}`),
  );
}

interface FocusStop {
  /** Index among the elements a keyboard user should reach, or -1 for anything else. */
  probe: number;
  indicated: boolean;
}

/**
 * Tabs through the page once and returns what should have been reached but
 * was not, and what was reached without a visible focus indicator.
 */
async function tabThrough(page: Page): Promise<{ reachable: string[]; unreached: string[]; withoutIndicator: string[] }> {
  const reachable = await page.evaluate(() => {
    const selector = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => element.checkVisibility({ visibilityProperty: true }));
    elements.forEach((element, index) => (element.dataset['tabProbe'] = String(index)));
    const stops: FocusStop[] = [];
    (window as unknown as { focusStops: FocusStop[] }).focusStops = stops;
    document.addEventListener('focusin', (event) => {
      const element = event.target as HTMLElement;
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      stops.push({ probe: Number(element.dataset['tabProbe'] ?? -1), indicated: outlined || style.boxShadow !== 'none' });
    });
    return elements.map((element) => `<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim().slice(0, 50) || element.getAttribute('aria-label') || ''}"`);
  });
  // Focus moves scroll the page; without smooth scrolling each press settles at once.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // One press per element, plus a few for the browser's own stops at the ends.
  for (let press = 0; press < reachable.length + 3; press += 1) await page.keyboard.press('Tab');
  const stops = await page.evaluate(() => (window as unknown as { focusStops: FocusStop[] }).focusStops);
  const reached = new Set(stops.map((stop) => stop.probe));
  return {
    reachable,
    unreached: reachable.filter((_, index) => !reached.has(index)),
    withoutIndicator: [...new Set(stops.filter((stop) => stop.probe >= 0 && !stop.indicated).map((stop) => reachable[stop.probe]!))],
  };
}

for (const { path } of sitePages) {
  test(`${path} meets WCAG 2.2 AA: no axe violation; Tab reaches every link and control, with visible focus`, async ({ page }) => {
    await openSettled(page, path);
    const violations = await axeViolations(page);
    expect.soft(violations, `${path}: ${violations.length} axe violations`).toEqual([]);

    const { reachable, unreached, withoutIndicator } = await tabThrough(page);
    expect(reachable.length, `${path}: no links or controls found`).toBeGreaterThan(0);
    expect.soft(unreached, `${path}: links and controls the Tab key never reaches`).toEqual([]);
    expect.soft(withoutIndicator, `${path}: focused without a visible indicator`).toEqual([]);
  });
}
