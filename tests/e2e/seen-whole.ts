/**
 * "Seen whole", measured as a reader meets a diagram: the share of its drawn
 * width that is in view without scrolling sideways (its box clipped by every
 * ancestor that scrolls or hides overflow, and by the viewport), how far its
 * scroll box opens scrolled, and its height in screens. Shared by
 * seen-whole.spec.ts and scripts/measure-diagrams.ts (the figures in reports).
 */
import type { Page } from 'playwright-core';
import { drawEveryBlock } from './drawn.ts';

export interface DiagramView {
  /** The SVG's id and accessible name. */
  diagram: string;
  /** The form shown (forms/choose.ts): author, compact, wide or overview. */
  form: string;
  /** The share of its width in view, 0–1. */
  seen: number;
  /** How far a box around it is scrolled sideways as the page opens, in px. */
  scrolledBy: number;
  /** Its height, in screens of the viewport. */
  screens: number;
  width: number;
  height: number;
}

/** Every diagram the page shows, as the reader sees it. */
export async function diagramViews(page: Page): Promise<DiagramView[]> {
  await drawEveryBlock(page);
  return page.evaluate(() =>
    [...document.querySelectorAll('figure.diagram')].flatMap((figure) => {
      const svg = [...figure.querySelectorAll<SVGSVGElement>('svg[role="img"]')].find((element) => element.getClientRects().length > 0);
      // Every figure shows one of its forms; one that shows none is a diagram nobody sees.
      if (!svg) return [{ diagram: `${figure.id} (no form drawn)`, form: '', seen: 0, scrolledBy: 0, screens: 0, width: 0, height: 0 }];
      const box = svg.getBoundingClientRect();
      let left = Math.max(box.left, 0);
      let right = Math.min(box.right, document.documentElement.clientWidth);
      let scrolledBy = 0;
      for (let element = svg.parentElement; element; element = element.parentElement) {
        if (getComputedStyle(element).overflowX === 'visible') continue;
        const frame = element.getBoundingClientRect();
        const inner = frame.left + element.clientLeft;
        left = Math.max(left, inner);
        right = Math.min(right, inner + element.clientWidth);
        scrolledBy = Math.max(scrolledBy, element.scrollLeft);
      }
      const name = svg.querySelector(':scope > title')?.textContent?.trim() ?? '';
      return [
        {
          diagram: `${svg.id} ("${name}")`,
          form: svg.dataset['form'] ?? svg.getAttribute('data-form') ?? '',
          seen: box.width === 0 ? 0 : Math.max(0, right - left) / box.width,
          scrolledBy,
          screens: box.height / window.innerHeight,
          width: Math.round(box.width),
          height: Math.round(box.height),
        },
      ];
    }),
  );
}

/** At least this share of a diagram's width is in view. */
const SEEN = 0.99;

/**
 * What keeps the page's diagrams from being seen whole at this viewport: a
 * line per fault, naming the page, the diagram, its form, the share seen and
 * its height. Height counts except on a full-size page, read by scrolling down.
 */
export async function seenWholeFaults(page: Page, path: string): Promise<string[]> {
  const { width, height } = page.viewportSize()!;
  const tallest = width < 640 ? 2 : 1;
  const faults: string[] = [];
  for (const view of await diagramViews(page)) {
    const what = `${path} at ${width}×${height}: ${view.diagram}, ${view.form} form, ${view.width}×${view.height} px`;
    if (view.seen < SEEN) faults.push(`${what}: ${(view.seen * 100).toFixed(1)} % of its width is seen`);
    if (view.scrolledBy > 0) faults.push(`${what}: opens scrolled sideways by ${view.scrolledBy} px`);
    if (!path.startsWith('/diagrams/') && view.screens > tallest)
      faults.push(`${what}: ${view.screens.toFixed(2)} screens tall, over ${tallest}`);
  }
  return faults;
}
