/**
 * The pages every per-page check visits: each page in the built sitemap, and
 * the 404 page. They are read from dist/ when the specs are collected, so each
 * page gets a test of its own in the report.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { sitemapPaths } from '../../scripts/sitemap.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface SitePage {
  path: string;
  /** A file-name-safe name for the page: "home", "case-studies--cqrs-ledger"… */
  name: string;
}

const nameOf = (path: string) => path.replace(/^\/|\/$/g, '').replaceAll('/', '--') || 'home';

/** Served with status 404 by the preview server, as by any static host. */
export const NOT_FOUND_PATH = '/no-such-page/';

export const sitePages: SitePage[] = [
  ...sitemapPaths(dist).map((path) => ({ path, name: nameOf(path) })),
  { path: NOT_FOUND_PATH, name: 'not-found' },
];

/**
 * Every HTML page the build writes, the ones left out of the sitemap included
 * (a diagram's full-size page): its URL path, from its file under dist/.
 */
export const builtPages: SitePage[] = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .map((file) => (file === '404.html' ? NOT_FOUND_PATH : `/${file.replace(/(^|\/)index\.html$/, '$1')}`))
  .sort()
  .map((path) => ({ path, name: nameOf(path) }));

/** Opens a page and waits until it is drawn with its own fonts, nothing left to load. */
export async function openSettled(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
}
