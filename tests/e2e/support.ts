import type { APIRequestContext, Page } from '@playwright/test';

/** Every page the sitemap lists, as paths on the preview server. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get('sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc!).pathname);
  const paths: string[] = [];
  for (const sitemap of sitemaps) {
    const xml = await (await request.get(sitemap)).text();
    paths.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc!).pathname));
  }
  return paths.sort();
}

/** The page's visible text with white space folded, for comparing with the author's copy. */
export async function visibleText(page: Page): Promise<string> {
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
