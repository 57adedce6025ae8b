import { expect, test, type Page } from '@playwright/test';
import { ANY_COLOUR_SCHEME } from './options.ts';
import { palette } from '../../src/design-tokens.ts';
import { hexToRgb, pageBackground } from './support.ts';

const lightBg = hexToRgb(palette.light.bg);
const darkBg = hexToRgb(palette.dark.bg);

/**
 * Records the background at the first animation frame, which runs before the
 * first paint: if the theme were applied later, this would catch the flash.
 */
async function recordFirstPaintBackground(page: Page) {
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      (window as unknown as { firstPaintBg: string }).firstPaintBg = getComputedStyle(document.documentElement).backgroundColor;
    });
  });
}

const firstPaintBg = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { firstPaintBg?: string }).firstPaintBg).then((handle) => handle.jsonValue());

test('the OS preference decides when the visitor has not chosen', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  expect(await pageBackground(page)).toBe(darkBg);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await pageBackground(page)).toBe(lightBg);
});

test('the toggle switches theme, and the choice persists across pages before first paint', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await recordFirstPaintBackground(page);
  await page.goto('./');
  const toggle = page.getByRole('button', { name: /theme/i });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await pageBackground(page)).toBe(darkBg);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Writing' }).click();
  await expect(page).toHaveURL(/\/writing\/$/);
  expect(await firstPaintBg(page)).toBe(darkBg);
  await expect(page.getByRole('button', { name: /theme/i })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: /theme/i }).click();
  await page.reload();
  expect(await firstPaintBg(page)).toBe(lightBg);
});

test('a visitor whose OS is dark can still choose light', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('case-studies/');
  await page.getByRole('button', { name: /theme/i }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await pageBackground(page)).toBe(lightBg);
});
