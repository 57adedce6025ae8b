/**
 * Structured data (JSON-LD) on the built pages: what each type needs
 * (that every block on every page parses and is schema.org is a per-page
 * check in pages.spec.ts) — the author as a Person on
 * the home page's ProfilePage, each case study as a TechArticle with its
 * breadcrumb trail — built from the same words the page shows.
 */
import { expect, test, type Page } from '@playwright/test';
import { site } from '../../src/site.config.ts';
import { openSettled, sitePages } from './site-pages.ts';
import { ANY_COLOUR_SCHEME, ANY_SCREEN } from './options.ts';

type Block = Record<string, unknown>;

async function blocksOf(page: Page): Promise<Block[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.map((text) => JSON.parse(text) as Block);
}

const isAbsoluteUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\//.test(value);

test('the home page is a ProfilePage about the author', { tag: [ANY_COLOUR_SCHEME, ANY_SCREEN] }, async ({ page }) => {
  await openSettled(page, '/');
  const blocks = await blocksOf(page);
  const profile = blocks.find((block) => block['@type'] === 'ProfilePage');
  expect(profile).toBeDefined();
  const person = profile!['mainEntity'] as Block;
  expect(person).toMatchObject({ '@type': 'Person', name: site.name, sameAs: site.social.map((link) => link.href) });
  expect(site.positioning.startsWith(String(person['jobTitle']))).toBe(true);
  expect(person['knowsAbout']).toEqual(site.home.disciplines.map((discipline) => discipline.title));
  expect(isAbsoluteUrl(profile!['url'])).toBe(true);
});

for (const { path } of sitePages.filter((page) => /^\/case-studies\/[^/]+\/$/.test(page.path))) {
  test(`${path}: a TechArticle and its breadcrumbs, from the page's own words`, { tag: [ANY_COLOUR_SCHEME, ANY_SCREEN] }, async ({
    page,
  }) => {
    await openSettled(page, path);
    const blocks = await blocksOf(page);
    const article = blocks.find((block) => block['@type'] === 'TechArticle');
    expect(article).toBeDefined();
    expect(article!['headline']).toBe((await page.locator('h1').innerText()).trim());
    expect(article!['description']).toBe(await page.locator('meta[name="description"]').getAttribute('content'));
    expect(article!['author']).toMatchObject({ '@type': 'Person', name: site.name });
    expect(article!['image']).toBe(await page.locator('meta[property="og:image"]').getAttribute('content'));
    const stack = await page.getByRole('list', { name: 'Stack' }).getByRole('listitem').allInnerTexts();
    expect(article!['keywords']).toEqual(expect.arrayContaining(stack));
    expect((article!['about'] as Block[]).length).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(String(article!['dateModified'])))).toBe(false);

    const trail = blocks.find((block) => block['@type'] === 'BreadcrumbList');
    const items = trail!['itemListElement'] as Block[];
    expect(items.map((item) => item['position'])).toEqual(items.map((_, index) => index + 1));
    expect(items.every((item) => isAbsoluteUrl(item['item']))).toBe(true);
    expect(items.at(-1)).toMatchObject({
      name: article!['headline'],
      item: await page.locator('link[rel="canonical"]').getAttribute('href'),
    });
  });
}
