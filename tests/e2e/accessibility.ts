/**
 * WCAG 2.2 AA where a page is open: what axe finds, and, where axe cannot
 * look, what the Tab key reaches and whether each stop shows the focus.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(page: Page): Promise<string[]> {
  // axe.run() in the page itself. The default mode runs each frame apart and
  // then merges the results in a blank page of its own: a second page opened
  // per check, for cross-origin frames that no page here has (nothing may load
  // from another origin).
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().withTags(WCAG_22_AA).analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  at ${node.target.join(' ')}\n  ${node.failureSummary?.replaceAll('\n', '\n  ')}`,
    ),
  );
}

const TAB = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 } as const;

/**
 * Presses Tab `times` times. In Chromium the key events go out all at once
 * over the DevTools protocol, which hands them to the page one after another,
 * each a whole press (key down, key up) handled before the next: the same
 * presses without a round trip to the test between them, which on a busy
 * machine was most of a page's check. Elsewhere, one press at a time.
 */
async function pressTab(page: Page, times: number): Promise<void> {
  if (page.context().browser()?.browserType().name() !== 'chromium') {
    for (let press = 0; press < times; press += 1) await page.keyboard.press('Tab');
    return;
  }
  const session = await page.context().newCDPSession(page);
  try {
    const presses = Array.from({ length: times }, () => [
      session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...TAB }),
      session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...TAB }),
    ]);
    await Promise.all(presses.flat());
  } finally {
    await session.detach();
  }
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
export async function tabThrough(page: Page): Promise<{ reachable: string[]; unreached: string[]; withoutIndicator: string[] }> {
  const reachable = await page.evaluate(() => {
    const selector = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) =>
      element.checkVisibility({ visibilityProperty: true }),
    );
    elements.forEach((element, index) => {
      element.dataset['tabProbe'] = String(index);
    });
    const stops: FocusStop[] = [];
    (window as unknown as { focusStops: FocusStop[] }).focusStops = stops;
    document.addEventListener('focusin', (event) => {
      const element = event.target as HTMLElement;
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      stops.push({ probe: Number(element.dataset['tabProbe'] ?? -1), indicated: outlined || style.boxShadow !== 'none' });
    });
    return elements.map(
      (element) =>
        `<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim().slice(0, 50) || element.getAttribute('aria-label') || ''}"`,
    );
  });
  // Focus moves scroll the page; without smooth scrolling each press settles at once.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // One press per element, plus a few for the browser's own stops at the ends.
  await pressTab(page, reachable.length + 3);
  const stops = await page.evaluate(() => (window as unknown as { focusStops: FocusStop[] }).focusStops);
  const reached = new Set(stops.map((stop) => stop.probe));
  return {
    reachable,
    unreached: reachable.filter((_, index) => !reached.has(index)),
    withoutIndicator: [...new Set(stops.filter((stop) => stop.probe >= 0 && !stop.indicated).map((stop) => reachable[stop.probe]!))],
  };
}
