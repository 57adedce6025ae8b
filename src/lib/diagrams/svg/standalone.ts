/**
 * A diagram as a file of its own (/diagrams/<id>.svg): the author's drawing at
 * natural size, which a browser opens, zooms and pans by itself. It paints
 * with the site's colour variables like the inline figure, so it carries them:
 * the light palette, and the dark one where the reader's system asks for it,
 * and the label font from a file beside it.
 */
import { colourProperty, fontFaces, palette, paletteTokens, type Palette } from '../../../design-tokens.ts';
import { escapeHtml } from '../../html.ts';
import type { RenderedDiagram } from '../types.ts';

/** The label font's file, beside the SVG files (src/pages/diagrams/label-font.woff2.ts serves it). */
const LABEL_FONT_FILE = 'label-font.woff2';

const variables = (colours: Palette) => paletteTokens.map((token) => `${colourProperty(token)}:${colours[token]};`).join('');

export function standaloneSvg(diagram: Pick<RenderedDiagram, 'svg' | 'width' | 'height'>, title: string): string {
  const style = [
    `@font-face{font-family:"${fontFaces.sans.family}";src:url(${LABEL_FONT_FILE}) format("woff2");font-weight:100 700;}`,
    `:root{${variables(palette.light)}background:var(--color-surface);}`,
    `@media (prefers-color-scheme:dark){:root{${variables(palette.dark)}}}`,
  ].join('');
  const body = diagram.svg.replace(/^<svg\b([^>]*)>/, (_, attributes: string) => {
    const sized = attributes.replace(/\s(?:width|height)="[^"]*"/g, '');
    return `<svg${sized} width="${diagram.width}" height="${diagram.height}"><title>${escapeHtml(title)}</title><style>${style}</style>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.includes('xmlns="http://www.w3.org/2000/svg"') ? body : body.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"')}\n`;
}
