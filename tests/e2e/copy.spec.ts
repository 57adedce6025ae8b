/**
 * The author's own copy (tests/fixtures/copy/, as commissioned) must stand on
 * the site word for word and in the author's order. A fork replaces those two
 * files with its own copy.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ANY_COLOUR_SCHEME } from './options.ts';
import { normalise, visibleText } from './support.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/copy/${name}`, import.meta.url), 'utf8');

/** The site copy, one idea a line; labels the scrape glued together are split again. */
const siteLines = fixture('site.txt')
  .replace('Case SnapshotChallenge', 'Case Snapshot\nChallenge')
  .split('\n')
  .map(normalise)
  .filter(Boolean);

/** Title and summary pairs, separated by blank lines. */
const articles = fixture('articles.txt')
  .trim()
  .split(/\n\s*\n/)
  .map((block) => {
    const [title, ...summary] = block.split('\n');
    return { title: normalise(title!), summary: normalise(summary.join(' ')) };
  });

/** Where the positioning line starts, the author's page order can be checked line by line. */
const positioning = siteLines.findIndex((line) => line.startsWith('Senior Backend Engineer'));

test("the home page holds every line of the author's copy, in order", { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  await page.goto('./');
  const text = await visibleText(page);
  const hero = normalise(await page.getByRole('region', { name: /Senior Backend Engineer/ }).innerText());
  for (const line of siteLines.slice(0, positioning)) {
    expect(hero, "the hero's Case Snapshot card").toContain(line);
  }
  let cursor = 0;
  for (const line of siteLines.slice(positioning)) {
    const at = text.indexOf(line, cursor);
    expect(at, `"${line}" missing, or out of the author's order`).toBeGreaterThanOrEqual(0);
    cursor = at + line.length;
  }
});

test('writing shows all fifteen articles, none cut off', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  expect(articles).toHaveLength(15);
  await page.goto('writing/');
  const text = await visibleText(page);
  await expect(page.getByRole('main').getByRole('article')).toHaveCount(15);
  for (const { title, summary } of articles) {
    expect(text).toContain(title);
    // A summary the seed leaves unfinished must keep every whole sentence before the cut.
    const whole = summary.endsWith('...') ? summary.slice(0, summary.lastIndexOf('. ', summary.length - 4) + 1) : summary;
    expect(text, `summary of "${title}"`).toContain(whole);
  }
  expect(text).not.toMatch(/\.\.\.|…/);
});

test('topics can be browsed without JavaScript', { tag: ANY_COLOUR_SCHEME }, async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('writing/');
  const topics = page.getByRole('navigation', { name: 'Topics' });
  const caching = topics.getByRole('link', { name: /^Caching \d+$/ });
  const count = Number((await caching.innerText()).match(/\d+$/)![0]);
  await caching.click();
  await expect(page).toHaveURL(/\/writing\/caching\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Writing on Caching');
  const listed = page.getByRole('main').getByRole('article');
  await expect(listed).toHaveCount(count);
  for (const article of await listed.all()) {
    await expect(article.getByRole('link', { name: 'Caching', exact: true })).toBeVisible();
  }
  await context.close();
});
