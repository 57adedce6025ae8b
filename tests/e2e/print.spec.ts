/**
 * Print, and the PDF made from it. Each case study is printed with
 * page.pdf() — after switching the screen to dark, the worst case — and the
 * PDF read back: every diagram whole on one page, in vectors, in the light
 * palette, its labels at 8pt or more, with the heading just above it and its
 * caption on that page; no screen-only control, and no page that holds only a
 * heading, a caption or a hint. The PDF the build wrote for it must open,
 * carry its title, author and every section heading as text, look the same
 * way, and have the page count printing the page gives now.
 */
import { expect, test, type Page } from '@playwright/test';
import { palette } from '../../src/design-tokens.ts';
import { pdfOptions } from '../../src/lib/print/pdf.ts';
import { site } from '../../src/site.config.ts';
import { controlsOnPaper, figureProblems, lonelyPages, onPaper, printedLabelSizes, type PaperPage } from './paper.ts';
import { readPdf, type PdfDocument } from './pdf-reader.ts';
import { openSettled, sitePages } from './site-pages.ts';
import { normalise } from './support.ts';
import { ANY_COLOUR_SCHEME, ANY_SCREEN } from './options.ts';

const caseStudies = sitePages.filter((page) => /^\/case-studies\/[^/]+\/$/.test(page.path));
const POINTS_PER_CSS_PIXEL = 0.75;
const LABEL_FLOOR_PT = 8;
// Printing a document and reading every page of it back takes a while on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** The colours only the dark palette has: none may be painted on paper. */
const darkOnly = Object.values(palette.dark).filter((colour) => !Object.values(palette.light).includes(colour));

interface DiagramOnScreen {
  name: string;
  labels: string[];
}

async function diagramsOf(page: Page): Promise<DiagramOnScreen[]> {
  // The form paper shows (src/styles/print.css): the others are not drawn.
  return page.locator('.case-study-body .diagram svg.diagram__form').evaluateAll((svgs) =>
    svgs
      .filter((svg) => svg.getClientRects().length > 0)
      .map((svg) => ({
        name: svg.querySelector('title')?.textContent ?? '',
        // A label's words may each be a <tspan> of their own: read them as words.
        labels: [...svg.querySelectorAll('text')]
          .map((text) => {
            const runs = [...text.querySelectorAll('tspan')].filter((run) => run.querySelector('tspan') === null);
            const words = runs.length > 0 ? runs.map((run) => run.textContent ?? '').join(' ') : (text.textContent ?? '');
            return words.replace(/\s+/g, ' ').trim();
          })
          .filter(Boolean),
      })),
  );
}

/** The smallest label of each diagram as printed, in points: font size × the SVG's scale. */
async function smallestPrintedLabels(page: Page): Promise<{ name: string; label: string; points: number }[]> {
  const pixels = await page.locator('.case-study-body .diagram svg.diagram__form').evaluateAll((svgs) =>
    svgs
      .filter((svg) => svg.getClientRects().length > 0)
      .map((svg) => {
        const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('text')]
          .filter((text) => (text.textContent ?? '').trim() !== '')
          .map((text) => ({ label: (text.textContent ?? '').trim(), size: Number.parseFloat(getComputedStyle(text).fontSize) * scale }));
        const smallest = sizes.reduce((least, entry) => (entry.size < least.size ? entry : least));
        return { name: svg.querySelector('title')?.textContent ?? '', label: smallest.label, size: smallest.size };
      }),
  );
  return pixels.map(({ name, label, size }) => ({ name, label, points: size * POINTS_PER_CSS_PIXEL }));
}

async function printDark(
  page: Page,
  path: string,
): Promise<{ diagrams: DiagramOnScreen[]; pdf: PdfDocument; labels: Awaited<ReturnType<typeof smallestPrintedLabels>>; paper: PaperPage }> {
  // Paper lays a page out at its own width, whatever screen asked for it: measure at A4's (96 dpi).
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSettled(page, path);
  await page.evaluate(() => {
    document.documentElement.dataset['theme'] = 'dark';
  });
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const diagrams = await diagramsOf(page);
  const labels = await smallestPrintedLabels(page);
  const paper = await onPaper(page);
  const pdf = await readPdf(await page.pdf(pdfOptions(site.name)));
  return { diagrams, pdf, labels, paper };
}

/** What is wrong with a printed case study: its figures, its screen-only controls, its pages holding only a heading, a caption or a hint. */
function paperProblems(pdf: PdfDocument, paper: PaperPage) {
  return {
    figures: figureProblems(pdf, paper.figures),
    controls: controlsOnPaper(pdf, paper),
    lonely: lonelyPages(pdf, paper, site.name),
  };
}

const NO_PROBLEMS = { figures: [], controls: [], lonely: [] };

for (const { path, name } of caseStudies) {
  // Printing sets its own colour scheme, and paper its own width: once is enough.
  test.describe(name, { tag: [ANY_COLOUR_SCHEME, ANY_SCREEN] }, () => {
    test('prints every diagram whole on one page, in vectors and the light palette', async ({ page }) => {
      const { diagrams, pdf } = await printDark(page, path);
      expect(diagrams.length).toBeGreaterThan(0);
      for (const diagram of diagrams) {
        const home = pdf.pages.find((pdfPage) => diagram.labels.every((label) => pdfPage.text.includes(label)));
        expect(home, `${diagram.name}: no single page holds all its labels`).toBeDefined();
        expect(home!.images, `${diagram.name} is drawn as a bitmap`).toBe(0);
        expect(home!.paths).toBeGreaterThan(0);
      }
      const fills = new Set(pdf.pages.flatMap((pdfPage) => [...pdfPage.fills]));
      expect(
        [...fills].filter((colour) => darkOnly.includes(colour)),
        'dark-palette colours on paper',
      ).toEqual([]);
      expect(fills).toContain(palette.light.text);
    });

    test('prints each figure on one page with its heading and caption, no screen-only control, no page of a heading, a caption or a hint alone', async ({
      page,
    }) => {
      const { diagrams, pdf, paper } = await printDark(page, path);
      // Print shows the forms the build marked for paper, and only those.
      const marked = paper.figures.flatMap((figure) => [figure.full, ...(figure.overview ? [figure.overview] : [])]);
      const inAnyOrder = (forms: string[][]) => forms.map((labels) => JSON.stringify(labels)).sort();
      expect(inAnyOrder(diagrams.map((diagram) => diagram.labels))).toEqual(inAnyOrder(marked));
      expect(paper.figures.length).toBeGreaterThan(0);
      expect(paperProblems(pdf, paper)).toEqual(NO_PROBLEMS);
    });

    test(`prints diagram labels at ${LABEL_FLOOR_PT}pt or more`, async ({ page }) => {
      const { labels, pdf, paper } = await printDark(page, path);
      for (const { name: diagram, label, points } of labels) {
        expect(points, `${diagram}: "${label}" prints at ${points.toFixed(1)}pt`).toBeGreaterThanOrEqual(LABEL_FLOOR_PT);
      }
      // As the PDF draws them: the column on paper may be narrower than the screen measured above.
      const printed = printedLabelSizes(pdf, paper.figures, site.name);
      expect(printed).toHaveLength(paper.figures.reduce((forms, figure) => forms + (figure.overview ? 2 : 1), 0));
      for (const { name: diagram, label, points } of printed) {
        expect(points, `${diagram}: "${label}" is drawn at ${points.toFixed(2)}pt in the PDF`).toBeGreaterThanOrEqual(LABEL_FLOOR_PT);
      }
    });

    test('has a PDF that opens with its title, author and every section heading as text, and a stable page count', async ({
      page,
      request,
    }) => {
      await openSettled(page, path);
      const link = page.getByRole('link', { name: 'Download PDF' });
      const href = await link.getAttribute('href');
      expect(href).toBe(await page.locator('link[rel="alternate"][type="application/pdf"]').getAttribute('href'));
      const title = normalise(await page.locator('h1').innerText());
      const headings = (await page.locator('.case-study-body h2').allInnerTexts()).map(normalise);
      const response = await request.get(href!);
      expect(response.headers()['content-type']).toContain('application/pdf');
      const built = await readPdf(await response.body());

      expect(built.info).toMatchObject({ Title: title, Author: site.name });
      const text = built.pages.map((pdfPage) => pdfPage.text).join(' ');
      for (const heading of [title, ...headings]) expect(text, `"${heading}" is not in the PDF's text`).toContain(heading);
      expect(
        built.pages.every((pdfPage) => pdfPage.images === 0),
        'a bitmap in the PDF',
      ).toBe(true);
      expect(paperProblems(built, await onPaper(page))).toEqual(NO_PROBLEMS);

      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      const printedNow = await readPdf(await page.pdf(pdfOptions(site.name)));
      expect(built.pages.length).toBe(printedNow.pages.length);
    });
  });
}
