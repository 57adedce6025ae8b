/**
 * Pictures Mermaid draws *instead of* the diagram it was given — a box saying
 * the text is too long, its "Syntax error" bomb — come back as a successful
 * render. Shipped, they would stand where the author's diagram should be, so
 * they are failures, with the line and what to do.
 */
import type { DiagramFailure } from '../types.ts';

/** Mermaid's `maxTextSize` (its default; a locked key, mermaid/config.ts), in characters. */
const MAX_TEXT_SIZE = 50_000;
const TOO_LARGE_MESSAGE = 'Maximum text size in diagram exceeded';

/** The SVG's text with every space dropped: an SVG-text label puts each word in its own <tspan>. */
const compactText = (svg: string) => svg.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>|\s+/g, '');

export function substitutePicture(rendered: { svg: string; type: string }, source: string): DiagramFailure | undefined {
  if (source.length > MAX_TEXT_SIZE && compactText(rendered.svg).includes(compactText(TOO_LARGE_MESSAGE))) {
    return {
      problem: 'too-large',
      reason: `The diagram is ${source.length.toLocaleString('en')} characters long; Mermaid draws at most ${MAX_TEXT_SIZE.toLocaleString('en')} and shows "${TOO_LARGE_MESSAGE}" instead. Split it into smaller diagrams.`,
      diagramLine: undefined,
    };
  }
  if (rendered.type === 'error') {
    return {
      problem: 'error-picture',
      reason:
        'Mermaid would draw its error picture ("Syntax error in text") here instead of a diagram: the fence holds the "error" diagram type. Replace it with the diagram you mean.',
      diagramLine: 1,
    };
  }
  return undefined;
}
