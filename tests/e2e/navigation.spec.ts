import { expect, test } from '@playwright/test';
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
