/**
 * /portfolio.pdf, the one file a hiring panel is forwarded: a one-page profile
 * in the author's words and order (tests/fixtures/copy/, not the config),
 * contents with page numbers, then each case study from a page of its own;
 * an outline, page numbers on every page, and links inside the file that go
 * where they say; each case study printed as its own PDF is (print.spec.ts).
 * Linked from the header, the hero and the contact section.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ANY_COLOUR_SCHEME, ANY_SCREEN } from './options.ts';
import { controlsOnPaper, figureProblems, lonelyPages, onPaper, printedLabelSizes, type PaperPage } from './paper.ts';
import { readPdf, readPdfStructure, type PdfDocument, type PdfStructure } from './pdf-reader.ts';
import { normalise } from './support.ts';

test.describe.configure({ timeout: 120_000 });

const siteLines = readFileSync(new URL('../fixtures/copy/site.txt', import.meta.url), 'utf8')
  .split('\n')
  .map(normalise)
  .filter(Boolean);
const positioning = siteLines.findIndex((line) => line.startsWith('Senior Backend Engineer'));
/** The profile's words, in the author's order: headline, sub-line, the disciplines' intro, about, the contact line. */
const profileLines = [...siteLines.slice(positioning, positioning + 3), ...siteLines.slice(-3, -1)];

let pdf: PdfDocument;
let structure: PdfStructure;
let parts: { title: string; href: string }[];

test.describe('the portfolio PDF', { tag: [ANY_COLOUR_SCHEME, ANY_SCREEN] }, () => {
  test.beforeAll(async ({ browser, request }) => {
    const response = await request.get('portfolio.pdf');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const bytes = await response.body();
    pdf = await readPdf(bytes);
    structure = await readPdfStructure(bytes);
    const page = await browser.newPage();
    await page.goto('portfolio/');
    parts = await page
      .locator('a[data-print-part]')
      .evaluateAll((links) => links.map((link) => ({ title: (link.textContent ?? '').trim(), href: link.getAttribute('href') ?? '' })));
    await page.close();
  });

  test('is linked from the header, the hero and the contact section', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio (PDF)' })).toHaveAttribute(
      'href',
      /\/portfolio\.pdf$/,
    );
    await expect(
      page.getByRole('region', { name: /Senior Backend Engineer/ }).getByRole('link', { name: 'Portfolio (PDF)' }),
    ).toHaveAttribute('href', /\/portfolio\.pdf$/);
    await expect(page.getByRole('region', { name: 'Contact' }).getByRole('link', { name: 'Portfolio (PDF)' })).toHaveAttribute(
      'href',
      /\/portfolio\.pdf$/,
    );
  });

  test("opens with a one-page profile: the author's words, in the author's order", () => {
    expect(profileLines).toHaveLength(5);
    const first = pdf.pages[0]!.text;
    let cursor = 0;
    for (const line of profileLines) {
      const at = first.indexOf(line, cursor);
      expect(at, `page 1: "${line}" missing, or out of the author's order`).toBeGreaterThanOrEqual(0);
      cursor = at + line.length;
    }
    // A profile, not the home page printed: no Case Snapshot, no project cards, no diagram.
    expect(first).not.toContain('Case Snapshot');
    expect(first).not.toContain(siteLines[siteLines.length - 1]);
    expect(pdf.pages[0]!.paths).toBeLessThan(40);
    expect(structure.links.filter((link) => link.from === 1 && link.url?.startsWith('mailto:'))).toHaveLength(1);
  });

  test(`numbers every page, and says so in its metadata`, () => {
    const total = pdf.pages.length;
    expect(total).toBeGreaterThanOrEqual(2 + parts.length);
    test.info().annotations.push({ type: 'pages', description: String(total) });
    for (const page of pdf.pages) expect(page.text, `page ${page.number}`).toContain(`${page.number} / ${total}`);
    expect(pdf.info).toMatchObject({ Author: 'Ankit', Title: expect.stringContaining('portfolio') });
  });

  test('lists the case studies with the page each starts on, and its links go there', () => {
    expect(parts.map((part) => part.title)).toEqual(['Telemetry Pipeline', 'Sliding-Window Rate Limiter', 'CQRS Ledger']);
    const contents = pdf.pages[1]!.text;
    const starts: number[] = [];
    for (const { title } of parts) {
      const entry = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(contents);
      expect(entry, `the contents list "${title}" with its page`).not.toBeNull();
      const start = Number(entry![1]);
      starts.push(start);
      expect(pdf.pages[start - 1]!.text, `page ${start} opens "${title}"`).toContain(title);
    }
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const contentsLinks = structure.links.filter((link) => link.from === 2 && link.to !== undefined).map((link) => link.to);
    expect(contentsLinks).toEqual(starts);
  });

  test('has an outline: the profile, then each case study with its sections', () => {
    const top = structure.outline;
    expect(top[0]!.title).toContain('Senior Backend Engineer');
    expect(top[0]!.page).toBe(1);
    const studies = top.slice(1);
    expect(studies.map((item) => item.title)).toEqual(parts.map((part) => part.title));
    for (const study of studies) {
      expect(
        study.items.map((item) => item.title),
        study.title,
      ).toContain('Architecture Flow');
      expect(study.page).toBeGreaterThan(2);
      for (const item of study.items) expect(item.page, `${study.title} → ${item.title}`).toBeGreaterThanOrEqual(study.page!);
    }
  });

  test("prints each case study's figures on one page with their heading and caption, no screen-only control, no page of a heading, a caption or a hint alone", async ({
    page,
  }) => {
    const papers: PaperPage[] = [];
    for (const path of ['portfolio/', ...parts.map((part) => part.href)]) {
      await page.goto(path);
      papers.push(await onPaper(page));
    }
    const figures = papers.flatMap((paper) => paper.figures);
    expect(figures.length).toBeGreaterThanOrEqual(parts.length);
    const author = String(pdf.info['Author']);
    expect(figureProblems(pdf, figures)).toEqual([]);
    expect(controlsOnPaper(pdf, { controls: [...new Set(papers.flatMap((paper) => paper.controls))] })).toEqual([]);
    expect(lonelyPages(pdf, { lonely: papers.flatMap((paper) => paper.lonely) }, author)).toEqual([]);
    for (const { name, label, points } of printedLabelSizes(pdf, figures, author)) {
      expect(points, `${name}: "${label}" is drawn at ${points.toFixed(2)}pt`).toBeGreaterThanOrEqual(8);
    }
  });

  test('every link inside the file resolves to one of its pages', () => {
    const inner = structure.links.filter((link) => link.url === undefined);
    expect(inner.length).toBeGreaterThanOrEqual(parts.length);
    for (const link of inner) {
      expect(link.to, `the link to "${link.name}" on page ${link.from}`).toBeGreaterThanOrEqual(1);
      expect(link.to).toBeLessThanOrEqual(pdf.pages.length);
    }
  });
});
