import { drawEveryBlock } from './drawn.ts';
import type { Page } from '@playwright/test';

/** The page's visible text with white space folded, for comparing with the author's copy. */
export async function visibleText(page: Page): Promise<string> {
  // What a reader who scrolls through reads: every block drawn (innerText leaves out one that is not).
  await drawEveryBlock(page);
  return normalise(await page.locator('body').innerText());
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The background the visitor actually sees, as the browser computed it. */
export function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}

export function hexToRgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}
