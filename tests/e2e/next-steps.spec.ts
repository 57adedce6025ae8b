/**
 * Wherever a reader finishes, a next step: every case study ends with a way
 * to get in touch, its PDF and the next case study; on a phone its sections
 * are a tap away under the Snapshot. Every writing summary has an address of
 * its own (/writing/#<slug>) and a visible link to it.
 */
import { expect, test } from '@playwright/test';
import { ANY_COLOUR_SCHEME } from './options.ts';
import { drawEveryBlock } from './drawn.ts';
import { openSettled } from './site-pages.ts';

const caseStudies = [
  { slug: 'telemetry-pipeline', title: 'Telemetry Pipeline', next: 'sliding-window-rate-limiter' },
  { slug: 'sliding-window-rate-limiter', title: 'Sliding-Window Rate Limiter', next: 'cqrs-ledger' },
  // After the last, the first: no case study is a dead end.
  { slug: 'cqrs-ledger', title: 'CQRS Ledger', next: 'telemetry-pipeline' },
];

for (const { slug, title, next } of caseStudies) {
  test(`${title} ends with a next step: contact, its PDF, the next case study`, { tag: ANY_COLOUR_SCHEME }, async ({ page, request }) => {
    await openSettled(page, `case-studies/${slug}/`);
    const end = page.getByRole('region', { name: 'Next step' });
    // It is the last thing in the page's content.
    expect(await page.locator('main > div:last-child > :last-child').getAttribute('aria-labelledby')).toBe('next-step-heading');
    await expect(end).toContainText(
      'Whether you are scaling an MVP to enterprise readiness or restructuring a legacy monolith, I am ready to engineer the solution.',
    );
    await expect(end.getByRole('link', { name: /^Email / })).toHaveAttribute('href', /^mailto:[^@]+@/);
    await expect(end.getByRole('link', { name: 'LinkedIn' })).toHaveAttribute('href', /linkedin\.com\//);

    const pdf = end.getByRole('link', { name: 'Download this case study (PDF)' });
    await expect(pdf).toHaveAttribute('href', new RegExp(`/case-studies/${slug}\\.pdf$`));
    const response = await request.get((await pdf.getAttribute('href'))!);
    expect(response.headers()['content-type']).toContain('application/pdf');

    const onward = end.getByRole('navigation', { name: 'More case studies' }).getByRole('link', { name: /Next case study/ });
    await expect(onward).toBeVisible();
    await onward.click();
    await expect(page).toHaveURL(new RegExp(`/case-studies/${next}/$`));
  });
}

test('on a phone, the sections are collapsed under the Snapshot, a tap away', { tag: ANY_COLOUR_SCHEME }, async ({ page, viewport }) => {
  test.skip(viewport!.width > 640, 'the desktop has its table of contents beside the title');
  await openSettled(page, 'case-studies/cqrs-ledger/');
  const snapshot = page.getByRole('region', { name: 'Snapshot' });
  const toc = page.locator('details', { has: page.locator('summary', { hasText: 'On this page' }) });
  await expect(toc).toBeVisible();
  await expect(toc).not.toHaveAttribute('open');
  const [snapshotBottom, tocTop, articleTop] = await Promise.all([
    snapshot.evaluate((element) => element.getBoundingClientRect().bottom),
    toc.evaluate((element) => element.getBoundingClientRect().top),
    page.locator('.case-study-body').evaluate((element) => element.getBoundingClientRect().top),
  ]);
  expect(tocTop).toBeGreaterThanOrEqual(snapshotBottom);
  expect(tocTop).toBeLessThan(articleTop);

  await toc.locator('summary').click();
  const links = toc.getByRole('link');
  await drawEveryBlock(page);
  const headings = await page.locator('.case-study-body h2').allInnerTexts();
  await expect(links).toHaveText(headings);
  await links.filter({ hasText: 'What I would revisit' }).click();
  await expect(page).toHaveURL(/#what-i-would-revisit$/);
  await expect(page.getByRole('heading', { name: 'What I would revisit', level: 2 })).toBeInViewport();
});

test('every writing summary has its own address and a visible link to it', { tag: ANY_COLOUR_SCHEME }, async ({ page }) => {
  await openSettled(page, 'writing/');
  const articles = page.getByRole('main').getByRole('article');
  await expect(articles).toHaveCount(15);
  for (const article of await articles.all()) {
    const id = await article.getAttribute('id');
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const title = (await article.getByRole('heading').innerText()).trim();
    const permalink = article.getByRole('link', { name: `Link to this summary: ${title}` });
    await expect(permalink).toBeVisible();
    await expect(permalink).toContainText('Link');
    await expect(permalink).toHaveAttribute('href', `/writing/#${id}`);
    // No article gives a URL yet: the title is plain text, never a link to nowhere.
    await expect(article.getByRole('heading').getByRole('link')).toHaveCount(0);
  }

  // The address opens the summary, wherever it is on the page.
  const last = articles.last();
  const id = await last.getAttribute('id');
  await page.goto(`writing/#${id}`);
  await expect(last).toBeInViewport();

  // The home page's latest writing links to the same addresses.
  await openSettled(page, './');
  const latest = page.getByRole('region', { name: 'Writing' }).getByRole('article').first();
  await expect(latest.getByRole('link', { name: /^Link to this summary/ })).toHaveAttribute(
    'href',
    `/writing/#${await latest.getAttribute('id')}`,
  );
});
