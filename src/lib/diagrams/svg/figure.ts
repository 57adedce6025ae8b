/**
 * The text alternative and the figure around a rendered diagram.
 *
 * Each SVG is an image (role="img") named by its own <title>: the author's
 * `accTitle` when there is one, else the diagram's caption, else the heading
 * it sits under. `accDescr` becomes its <desc>. The figure holds the forms its
 * placement needs (forms/choose.ts) and shows one per container width; one
 * that is not seen whole scrolls sideways from its left edge rather than
 * shrinking the labels below legibility, and never widens the page.
 */
import { escapeHtml } from '../../html.ts';
import type { FigureContext, RenderedDiagram, TextItem, TextSection } from '../types.ts';
import { withInstanceSuffix } from './ids.ts';
import type { Form, Placement } from '../forms/choose.ts';
import { diagramOf, formClass, formRules, formsFor, type DiagramForms } from '../forms/forms.ts';
import { printPlan } from '../forms/paper.ts';

export interface TextAlternative {
  /** The accessible name; also the caption when no other is given. */
  name: string;
  description: string | undefined;
  caption: string;
}

/** The full-size page of a diagram, under `base` (src/pages/diagrams/[id].astro builds it). */
const fullSizeHref = (base: string, forms: DiagramForms) => `${base}${diagramOf(forms).rootId}/`;

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

/**
 * One form's SVG: named by its own <title> and <desc>, sized for diagrams.css, ids made unique to this use;
 * `print` marks the form paper shows (src/styles/print.css).
 */
function formSvg(form: Form, alternative: TextAlternative, suffix: string, extra = '', print?: 'full' | 'overview'): string {
  const { diagram } = form;
  const rootId = suffix ? `${diagram.rootId}-${suffix}` : diagram.rootId;
  const titleId = `${rootId}-title`;
  const descriptionId = `${rootId}-desc`;
  return withInstanceSuffix(diagram.svg, diagram.rootId, suffix).replace(/^<svg\b([^>]*)>/, (_, attributes: string) => {
    const labelled = ` role="img" aria-labelledby="${titleId}"${alternative.description ? ` aria-describedby="${descriptionId}"` : ''}`;
    // Natural size and smallest label: diagrams.css scales between the floor, the room and the height allowed.
    // The aspect is rounded down, so the height it allows is never exceeded by rounding.
    const sizing = ` style="--diagram-width:${diagram.width}px;--diagram-label:${diagram.labelSize};--diagram-aspect:${Math.floor((diagram.width / diagram.height) * 10000) / 10000}"`;
    const title = `<title id="${titleId}">${escapeHtml(alternative.name)}</title>`;
    const description = alternative.description ? `<desc id="${descriptionId}">${escapeHtml(alternative.description)}</desc>` : '';
    const classes = `diagram__form ${formClass(form.name)}`;
    const withClass = /\sclass="/.test(attributes)
      ? attributes.replace(/\sclass="/, ` class="${classes} `)
      : `${attributes} class="${classes}"`;
    return `<svg${withClass}${labelled}${sizing} data-form="${form.name}"${print ? ` data-print="${print}"` : ''}>${title}${description}${extra}`;
  });
}

const textItems = (items: readonly TextItem[]): string =>
  `<ul>${items.map((item) => `<li>${escapeHtml(item.text)}${item.items && item.items.length > 0 ? textItems(item.items) : ''}</li>`).join('')}</ul>`;

/** The diagram as text, collapsed under it: what a screen reader reads and a reader copies into a doc. */
export function textVersionHtml(sections: readonly TextSection[] | undefined): string {
  const filled = (sections ?? []).filter((section) => section.items.length > 0);
  if (filled.length === 0) return '';
  const body = filled
    .map((section) => `<p class="diagram__text-title">${escapeHtml(section.title)}</p>${textItems(section.items)}`)
    .join('');
  return `<details class="diagram__text"><summary>Text version</summary>${body}</details>`;
}

function fullSizeLink(forms: DiagramForms, context: FigureContext): string {
  if (context.fullSizeBase === undefined) return '';
  return ` <a class="diagram__full-size" href="${escapeHtml(fullSizeHref(context.fullSizeBase, forms))}">Open full size</a>`;
}

/** Wraps a fence's forms in its figure, as one line of HTML (Markdown ends an HTML block at a blank line). */
export function figureHtml(forms: DiagramForms, context: FigureContext, placement: Placement = 'inline'): string {
  const primary = diagramOf(forms);
  const shown = formsFor(forms, placement);
  const alternative = textAlternative(primary, context);
  const suffix = context.instance ?? '';
  const rootId = suffix ? `${primary.rootId}-${suffix}` : primary.rootId;
  const figureId = `${rootId}-figure`;
  const captionId = `${rootId}-caption`;
  // The figure's rules travel inside its first SVG: a <style> there is valid HTML and styles the page.
  const rules = `<style>${formRules(figureId, shown, placement)}</style>`;
  // In an article, paper gets the full flow (and with it the overview, where the full flow needs a page of
  // its own) on the page print.css gives it (forms/paper.ts): a form the screen does not show comes last, hidden.
  const plan = placement === 'inline' ? printPlan(forms.forms, alternative.caption) : undefined;
  const printed = new Map<Form, 'full' | 'overview'>();
  if (plan) printed.set(plan.full, 'full');
  if (plan?.overview) printed.set(plan.overview, 'overview');
  const drawn = [...shown, ...[...printed.keys()].filter((form) => !shown.includes(form))];
  // Each form is a diagram of its own source, so its ids (from its cache key) are its own.
  const svgs = drawn.map((form, index) => formSvg(form, alternative, suffix, index === 0 ? rules : '', printed.get(form))).join('');
  const classes = ['diagram', `diagram--${placement}`, context.className].filter(Boolean).join(' ');
  const print = plan ? ` data-print="${plan.page}" style="--print-caption-lines:${plan.captionLines}"` : '';
  return [
    `<figure class="${escapeHtml(classes)}" id="${figureId}" data-diagram="${escapeHtml(primary.type)}"${print} data-forms="${shown.map((form) => form.name).join(' ')}">`,
    `<div class="diagram__frame"><div class="diagram__canvas" tabindex="0" role="group" aria-labelledby="${captionId}">${svgs}</div></div>`,
    '<p class="diagram__scroll-cue" aria-hidden="true">Scroll sideways for the whole diagram</p>',
    `<figcaption><span id="${captionId}">${escapeHtml(alternative.caption)}</span>${fullSizeLink(forms, context)}${textVersionHtml(primary.text)}</figcaption>`,
    '</figure>',
  ].join('');
}
