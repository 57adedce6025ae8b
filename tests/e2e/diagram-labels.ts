/**
 * A diagram label's legible size is what the reader sees: its computed font
 * size × the scale the SVG is drawn at, in CSS px. Shared by the legibility
 * spec and scripts/measure-diagrams.ts (the figures in reports).
 */
import type { Page } from 'playwright-core';
import { drawEveryBlock } from './drawn.ts';

export interface LabelSize {
  /** The SVG's id and accessible name. */
  diagram: string;
  label: string;
  /** Rendered size in CSS px. */
  size: number;
}

/** Every label of every diagram the reader can see on the page. */
export async function labelSizes(page: Page): Promise<LabelSize[]> {
  await drawEveryBlock(page);
  return page.evaluate(() => {
    const visible = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const nameOf = (svg: SVGSVGElement) => `${svg.id} ("${svg.querySelector(':scope > title')?.textContent?.trim() ?? ''}")`;
    const ownText = (element: Element) =>
      [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
    // A label is a <text>; its size is that of its smallest run of text (a <tspan> may set its own).
    return [...document.querySelectorAll<SVGSVGElement>('figure.diagram svg[role="img"]')].filter(visible).flatMap((svg) =>
      [...svg.querySelectorAll<SVGTextElement>('text')]
        .filter((text) => (text.textContent ?? '').trim() !== '' && visible(text) && Number(getComputedStyle(text).opacity) > 0)
        .map((text) => {
          const runs = [text, ...text.querySelectorAll<SVGTSpanElement>('tspan')].filter((run) => ownText(run) !== '');
          const sizes = runs.map((run) => {
            const matrix = run.getScreenCTM();
            return Number.parseFloat(getComputedStyle(run).fontSize) * (matrix ? Math.hypot(matrix.a, matrix.b) : 1);
          });
          const label = (text.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
          return { diagram: nameOf(svg), label, size: Math.round(Math.min(...sizes) * 100) / 100 };
        }),
    );
  });
}

/** A diagram's scroll area as the reader meets it: does it overflow, and if so, can they tell and reach it? */
export interface CanvasReport {
  diagram: string;
  overflows: boolean;
  scrollable: boolean;
  cueVisible: boolean;
  focusable: boolean;
  name: string;
  /** How far it is scrolled sideways as the page opens: 0, its left edge. */
  scrolledBy: number;
}

/** Every diagram canvas shown on the page. */
export async function canvasReports(page: Page): Promise<CanvasReport[]> {
  await drawEveryBlock(page);
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.diagram .diagram__canvas')]
      .filter((canvas) => canvas.getClientRects().length > 0)
      .map((canvas) => {
        const figure = canvas.closest('figure')!;
        const svg = [...canvas.querySelectorAll('svg[role="img"]')].find((element) => element.getClientRects().length > 0);
        const cue = figure.querySelector('.diagram__scroll-cue');
        const labelledBy = canvas.getAttribute('aria-labelledby');
        return {
          diagram: svg?.id ?? '(no visible svg)',
          overflows: canvas.scrollWidth > canvas.clientWidth + 1,
          scrollable: ['auto', 'scroll'].includes(getComputedStyle(canvas).overflowX),
          cueVisible: !!cue && cue.getClientRects().length > 0 && getComputedStyle(cue).visibility !== 'hidden',
          focusable: canvas.tabIndex >= 0,
          name: (labelledBy ? document.getElementById(labelledBy)?.textContent : canvas.getAttribute('aria-label'))?.trim() ?? '',
          scrolledBy: canvas.scrollLeft,
        };
      }),
  );
}
