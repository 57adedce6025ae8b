/**
 * What a printed case study must look like, for the PDF checks (print.spec.ts,
 * portfolio-pdf.spec.ts): each figure on one page with the heading just above
 * it and its caption (in a split, the overview with them and the full flow on
 * the next page), no screen-only control, and no page that holds only a
 * heading, a caption or a hint. What paper shows is read from the page's
 * markup (the forms the build marked data-print, src/lib/diagrams/forms/paper.ts),
 * so any browser can read it; print.spec.ts checks that print shows those forms.
 */
import type { Page } from '@playwright/test';
import type { PdfDocument } from './pdf-reader.ts';

export interface FigureOnPaper {
  /** The figure's accessible name. */
  name: string;
  /** Its print plan: inline, page, landscape, split, split-landscape. */
  plan: string;
  /** The heading just above it, if it has one. */
  heading: string | undefined;
  caption: string;
  /** The labels of the full flow paper shows, each as its words. */
  full: string[];
  /** In a split: the overview's labels. */
  overview: string[] | undefined;
}

export interface PaperPage {
  figures: FigureOnPaper[];
  /** Every heading, caption and hint the page holds: what no page may hold alone. */
  lonely: string[];
  /** The words of the controls only a screen has. */
  controls: string[];
}

/** The controls only a screen has, which no PDF may show, besides the theme toggle's label (read from the page). */
const SCREEN_ONLY = ['Open full size', 'Text version', 'Scroll sideways', '# Link'];

/** What a case study's page (or the portfolio's) must look like on paper. */
export async function onPaper(page: Page): Promise<PaperPage> {
  const read = await page.evaluate(() => {
    const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    // A label's words may each be a <tspan> of their own: read them as words.
    const labels = (svg: Element | null) =>
      svg === null
        ? undefined
        : [...svg.querySelectorAll('text')]
            .map((text) => {
              const runs = [...text.querySelectorAll('tspan')].filter((run) => run.querySelector('tspan') === null);
              return words(runs.length > 0 ? runs.map((run) => run.textContent ?? '').join(' ') : text.textContent);
            })
            .filter(Boolean);
    const figures = [...document.querySelectorAll<HTMLElement>('main .diagram[data-print]')].map((figure) => {
      const before = figure.previousElementSibling;
      const full = figure.querySelector('svg[data-print="full"]');
      return {
        name: words(full?.querySelector('title')?.textContent),
        plan: figure.dataset['print'] ?? '',
        heading: before && /^H[1-4]$/.test(before.tagName) ? words(before.textContent) : undefined,
        caption: words(figure.querySelector('figcaption > span[id$="-caption"]')?.textContent),
        full: labels(full) ?? [],
        overview: labels(figure.querySelector('svg[data-print="overview"]')),
      };
    });
    const headings = [...document.querySelectorAll('main :is(h1, h2, h3, h4)')].map((heading) => words(heading.textContent));
    const hints = [...document.querySelectorAll('.diagram__scroll-cue')].map((hint) => words(hint.textContent));
    return {
      figures,
      lonely: [...headings, ...figures.map((figure) => figure.caption), ...hints].filter(Boolean),
      toggle: document.querySelector('#theme-toggle')?.getAttribute('aria-label') ?? '',
    };
  });
  return { figures: read.figures, lonely: read.lonely, controls: [...SCREEN_ONLY, read.toggle].filter(Boolean) };
}

/** Text compared without its white space: a caption or a heading may wrap anywhere on paper. */
const squashed = (text: string) => text.replace(/\s+/g, '');

/** The running header (the author, the page's address) and footer (page n / total). */
const isRunning = (text: string, author: string) => text === author || /^https?:\/\/\S+$/.test(text) || /^\d+ \/ \d+$/.test(text);

/** A page's own words: its text without the running header and footer. */
function bodyText(pdfPage: PdfDocument['pages'][number], author: string): string {
  return pdfPage.runs
    .map((run) => run.text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '' && !isRunning(text, author))
    .join(' ');
}

/** What is wrong with the figures of `figures` in `pdf`: one line for each. */
export function figureProblems(pdf: PdfDocument, figures: readonly FigureOnPaper[]): string[] {
  const problems: string[] = [];
  const holding = (labels: readonly string[]) => pdf.pages.find((pdfPage) => labels.every((label) => pdfPage.text.includes(label)));
  for (const figure of figures) {
    const withHeading = figure.overview ? holding(figure.overview) : holding(figure.full);
    if (!withHeading) {
      problems.push(`${figure.name}: no single page holds all its ${figure.overview ? "overview's " : ''}labels`);
      continue;
    }
    const text = squashed(withHeading.text);
    if (!text.includes(squashed(figure.caption))) problems.push(`${figure.name}: its caption is not on page ${withHeading.number}`);
    if (figure.heading !== undefined && !text.includes(squashed(figure.heading)))
      problems.push(`${figure.name}: its heading "${figure.heading}" is not on page ${withHeading.number}`);
    if (figure.overview) {
      const next = pdf.pages[withHeading.number];
      if (!next || !figure.full.every((label) => next.text.includes(label)))
        problems.push(`${figure.name}: the full flow is not on the page after its overview (${withHeading.number + 1})`);
    }
  }
  return problems;
}

/** The pages of `pdf` whose own words are nothing, or only headings, captions and hints of `paper`. */
export function lonelyPages(pdf: PdfDocument, paper: Pick<PaperPage, 'lonely'>, author: string): { page: number; text: string }[] {
  // Longest first, so that a heading inside a longer caption goes with the caption.
  const alone = [...new Set(paper.lonely.map(squashed))].filter(Boolean).sort((a, b) => b.length - a.length);
  return pdf.pages.flatMap((pdfPage) => {
    const text = bodyText(pdfPage, author);
    const rest = alone.reduce((left, part) => left.replaceAll(part, ''), squashed(text));
    return rest === '' ? [{ page: pdfPage.number, text }] : [];
  });
}

/** The screen-only controls `pdf` shows, with the pages they are on. */
export function controlsOnPaper(pdf: PdfDocument, paper: Pick<PaperPage, 'controls'>): string[] {
  return paper.controls.flatMap((control) =>
    pdf.pages.filter((pdfPage) => pdfPage.text.includes(control)).map((pdfPage) => `"${control}" on page ${pdfPage.number}`),
  );
}

/** The smallest label of each figure as `pdf` prints it, in points: its text runs on the page that holds it. */
export function printedLabelSizes(pdf: PdfDocument, figures: readonly FigureOnPaper[], author: string) {
  return figures.flatMap((figure) =>
    [figure.full, figure.overview ?? []]
      .filter((labels) => labels.length > 0)
      .flatMap((labels) => {
        const home = pdf.pages.find((pdfPage) => labels.every((label) => pdfPage.text.includes(label)));
        const runs = (home?.runs ?? []).filter((run) => {
          const text = run.text.replace(/\s+/g, ' ').trim();
          return text !== '' && !isRunning(text, author) && labels.some((label) => label.includes(text));
        });
        if (runs.length === 0) return [];
        const smallest = runs.reduce((least, run) => (run.size < least.size ? run : least));
        return [{ name: figure.name, label: smallest.text, points: smallest.size }];
      }),
  );
}
