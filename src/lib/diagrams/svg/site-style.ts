/**
 * The site's drawing style beyond its colours, as passes over Mermaid's SVG
 * (attributes, so every consumer draws it: the page, the .svg file, resvg on
 * the preview card): boxes with rounded corners, groups as dashed boundaries,
 * and an edge that a class styles (the main path, main-path.ts) never filled.
 */

/** A flowchart box, a state, a class: Mermaid's plain rectangle, still square-cornered. */
const SQUARE_BOX = /<rect class="basic label-container"(?![^>]*\srx=)/g;
/** A group's (subgraph's) outline: the first rect inside its <g class="cluster">. */
const GROUP_OUTLINE = /(<g class="cluster"[^>]*>)<rect(?![^>]*\srx=)/g;
/** An edge's inline style: a classDef's fill would fill the curve's hull. */
const EDGE_STYLE = /(<path\b[^>]*class="[^"]*\bflowchart-link\b[^"]*"[^>]*\sstyle=")([^"]*)"/g;

export function siteStyle(svg: string): string {
  return svg
    .replace(SQUARE_BOX, '<rect class="basic label-container" rx="6" ry="6"')
    .replace(GROUP_OUTLINE, '$1<rect rx="10" ry="10" stroke-dasharray="6 4"')
    .replace(EDGE_STYLE, (_, start: string, style: string) => `${start}${style.replace(/(?:^|;)\s*fill:[^;]*/g, '')}"`);
}
