import { expect, test, type Locator, type Page } from '@playwright/test';
import { ANY_COLOUR_SCHEME } from './options.ts';

test('a recruiter goes from the home page to a case study, then to contact', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Senior Backend Engineer');

  const caseStudies = page.getByRole('region', { name: 'Case studies' });
  await caseStudies.getByRole('link', { name: /^Read the case study\W+Sliding-Window Rate Limiter$/ }).click();
  await expect(page).toHaveURL(/\/case-studies\/sliding-window-rate-limiter\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sliding-Window Rate Limiter');
  await expect(page.getByRole('region', { name: 'Snapshot' })).toContainText('Protect multi-region APIs from abuse');
  await expect(page.getByRole('heading', { name: 'Architecture Flow', level: 2 })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contact' }).click();
  await expect(page).toHaveURL(/\/#contact$/);
  const contact = page.getByRole('region', { name: 'Contact' });
  await expect(contact).toBeInViewport();
  await expect(contact.getByRole('link', { name: /^Email / })).toHaveAttribute('href', /^mailto:/);
});

test('a case study links to its neighbours and to related writing', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  await page.goto('case-studies/sliding-window-rate-limiter/');
  const more = page.getByRole('navigation', { name: 'More case studies' });
  await expect(more.getByRole('link', { name: /Previous case study Telemetry Pipeline/ })).toBeVisible();
  await more.getByRole('link', { name: /Next case study/ }).click();
  await expect(page).toHaveURL(/\/case-studies\/cqrs-ledger\/$/);

  const related = page.getByRole('region', { name: 'Related writing' });
  await expect(related.getByRole('article').first()).toBeVisible();
});

test('unknown paths get the 404 page', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
});

test('a keyboard user can skip straight to the content', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

/**
 * Where an in-page link leaves the reader: its target at the top of the
 * screen (below the scroll padding), or as near as the page's end allows. On
 * a phone, blocks below the screen are drawn only as the reader nears them
 * (src/styles/global.css); a jump must land true all the same.
 */
async function landings(page: Page, links: Locator, open?: () => Promise<void>): Promise<string[]> {
  // Each target once, by the first link on this page that leads to it.
  const hashes = await links.evaluateAll((anchors) =>
    (anchors as HTMLAnchorElement[]).map((anchor) => (anchor.pathname === location.pathname ? anchor.hash : '')),
  );
  const targets = [...new Set(hashes.filter((hash) => hash !== ''))];
  expect(targets.length, 'in-page links').toBeGreaterThan(0);
  const missed: string[] = [];
  for (const target of targets) {
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await open?.();
    await links.nth(hashes.indexOf(target)).click();
    // The jump may be a smooth scroll: poll until the target has come to rest where it lands.
    await expect
      .poll(async () => {
        const [first, second] = [await landing(page, target), await landing(page, target)];
        return first === second ? first : 'moving';
      })
      .not.toBe('moving');
    const { top, wanted, atEnd } = JSON.parse(await landing(page, target)) as { top: number; wanted: number; atEnd: boolean };
    if (Math.abs(top - wanted) > 2 && !(atEnd && top > wanted)) missed.push(`${target} lands at ${top} px, not ${wanted} px`);
  }
  return missed;
}

const landing = (page: Page, target: string) =>
  page.locator(target).evaluate(async (element) => {
    await new Promise((settle) => requestAnimationFrame(() => requestAnimationFrame(settle)));
    const root = document.documentElement;
    const wanted =
      Number.parseFloat(getComputedStyle(root).scrollPaddingTop) + Number.parseFloat(getComputedStyle(element).scrollMarginTop);
    const atEnd = window.scrollY + window.innerHeight >= root.scrollHeight - 1;
    return JSON.stringify({ top: Math.round(element.getBoundingClientRect().top), wanted: Math.round(wanted), atEnd });
  });

test('every in-page link lands its target at the top of the screen: the home page and a case study', { tag: ANY_COLOUR_SCHEME }, async ({
  page,
}) => {
  // Each link is followed from the top of its page; on a desktop, a smooth scroll to rest.
  test.setTimeout(120_000);
  await page.goto('./');
  const home = page.locator('main a[href*="#"]');
  expect.soft(await landings(page, home), 'home: in-page links that land off their target').toEqual([]);

  await page.goto('case-studies/cqrs-ledger/');
  const aside = page.getByRole('navigation', { name: 'On this page' });
  const onThisPage = (await aside.isVisible()) ? aside.getByRole('link') : page.locator('details.toc-collapsed a');
  const open = async () => {
    const details = page.locator('details.toc-collapsed');
    if ((await details.isVisible()) && !(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
      await details.locator('summary').click();
    }
  };
  expect.soft(await landings(page, onThisPage, open), 'case study: "On this page" links that land off their target').toEqual([]);
});
