/**
 * The text alternative and the figure around a rendered diagram.
 *
 * The SVG is an image (role="img") named by its own <title>: the author's
 * `accTitle` when there is one, else the diagram's caption, else the heading
 * it sits under. `accDescr` becomes its <desc>. The figure scrolls sideways
 * on a narrow screen rather than shrinking the labels below legibility, and
 * never widens the page.
 */
import { escapeHtml } from '../../html.ts';
import type { FigureContext, RenderedDiagram } from '../types.ts';
import { withInstanceSuffix } from './ids.ts';

export interface TextAlternative {
  /** The accessible name; also the caption when no other is given. */
  name: string;
  description: string | undefined;
  caption: string;
}

const FALLBACK_NAME = 'Diagram';

const clean = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;

export function textAlternative(diagram: Pick<RenderedDiagram, 'accTitle' | 'accDescr'>, context: FigureContext): TextAlternative {
  const caption = clean(context.caption);
  const heading = clean(context.heading);
  const accTitle = clean(diagram.accTitle);
  return {
    name: accTitle ?? caption ?? heading ?? FALLBACK_NAME,
    description: clean(diagram.accDescr),
    caption: caption ?? accTitle ?? heading ?? FALLBACK_NAME,
  };
}

/** Reads the `caption="…"` (or `caption='…'`) attribute from a fence's info string. */
export function captionFromMeta(meta: string | null | undefined): string | undefined {
  const match = /(?:^|\s)caption=(?:"([^"]*)"|'([^']*)')/.exec(meta ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Wraps a rendered diagram in its figure, as one line of HTML (Markdown ends an HTML block at a blank line). */
export function figureHtml(diagram: RenderedDiagram, context: FigureContext): string {
  const alternative = textAlternative(diagram, context);
  const suffix = context.instance ?? '';
  const rootId = suffix ? `${diagram.rootId}-${suffix}` : diagram.rootId;
  const titleId = `${rootId}-title`;
  const descriptionId = `${rootId}-desc`;
  const captionId = `${rootId}-caption`;
  const svg = withInstanceSuffix(diagram.svg, diagram.rootId, suffix).replace(/^<svg\b([^>]*)>/, (_, attributes: string) => {
    const labelled = ` role="img" aria-labelledby="${titleId}"${alternative.description ? ` aria-describedby="${descriptionId}"` : ''}`;
    // The natural width; diagrams.css scales down from it, to a legible minimum (--diagram-min-scale).
    const sizing = ` style="--diagram-width:${diagram.width}px"`;
    const title = `<title id="${titleId}">${escapeHtml(alternative.name)}</title>`;
    const description = alternative.description ? `<desc id="${descriptionId}">${escapeHtml(alternative.description)}</desc>` : '';
    return `<svg${attributes}${labelled}${sizing}>${title}${description}`;
  });
  const classes = ['diagram', context.className].filter(Boolean).join(' ');
  return [
    `<figure class="${escapeHtml(classes)}" data-diagram="${escapeHtml(diagram.type)}">`,
    `<div class="diagram__canvas" tabindex="0" role="group" aria-labelledby="${captionId}">${svg}</div>`,
    `<figcaption id="${captionId}">${escapeHtml(alternative.caption)}</figcaption>`,
    '</figure>',
  ].join('');
}
