/**
 * A case study's main path on its Open Graph card. The compiled diagram
 * paints with the site's CSS variables (so pages can switch theme); resvg
 * knows no CSS variables, so the card gets a copy in the light palette with
 * every colour resolved from the design tokens. Its rows are set one under
 * the other as one drawing (composeRows), which is placed where its labels
 * come out largest (placeDiagram). Pure: unit tests reach it.
 */
import { colourProperty, fonts, ogFont, type Palette, palette, paletteTokens } from '../../design-tokens.ts';
import type { MainPathDrawings } from '../diagrams/index.ts';
import { escapeHtml } from '../html.ts';

const VARIABLE = /var\((--color-[a-z0-9-]+)\)/g;
const HEX = '#[0-9a-fA-F]{6}';
const COLOR_MIX = new RegExp(`color-mix\\(in srgb,\\s*(${HEX})\\s+([\\d.]+)%,\\s*(${HEX})\\s*\\)`, 'g');

const channels = (hex: string) => [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));

/** `color-mix(in srgb, a p%, b)` as CSS computes it: a per-channel blend. */
export function mixSrgb(first: string, percent: number, second: string): string {
  const [a, b] = [channels(first), channels(second)];
  const weight = percent / 100;
  return `#${a
    .map((channel, index) =>
      Math.round(channel * weight + b[index]! * (1 - weight))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The primary family of the site's sans stack, as the diagram's text names it. */
const DIAGRAM_FAMILY = fonts.sans[0]!.replaceAll('"', '');

/**
 * The colours of a diagram's CSS (`var(--color-…)` and `color-mix()` of
 * them) as the hex colours they compute to in a palette. Throws if a
 * variable is not a design token, rather than drawing it black.
 */
export function inPalette(css: string, colours: Palette): string {
  const byProperty = new Map(paletteTokens.map((token) => [colourProperty(token), colours[token]]));
  return css
    .replace(VARIABLE, (expression, property: string) => {
      const colour = byProperty.get(property);
      if (!colour) throw new Error(`The diagram uses ${expression}, which is not a colour of the design tokens (src/design-tokens.ts).`);
      return colour;
    })
    .replace(COLOR_MIX, (_, first: string, percent: string, second: string) => mixSrgb(first, Number(percent), second));
}

const MARK_RULE = /:where\(#[\w-]+ \[data-c~="(\w+)"\]\)\{([^{}]*)\}/g;

/**
 * The pipeline keeps Mermaid's presentation attributes (`fill="…"`) as
 * `data-c` marks and `:where()` rules of zero specificity (svg/recolour.ts).
 * resvg reads no `:where()`, so an arrowhead would lose its colour: each mark
 * goes back to being the attribute it was, which CSS still overrides, as it did.
 */
export function withPresentationAttributes(svg: string): string {
  const marks = new Map<string, string>();
  const unmarked = svg.replace(MARK_RULE, (_, name: string, declarations: string) => {
    marks.set(name, declarations);
    return '';
  });
  if (marks.size === 0) return svg;
  return unmarked.replace(/\sdata-c="([^"]*)"/g, (_, names: string) =>
    names
      .split(/\s+/)
      .flatMap((name) => (marks.get(name) ?? '').split(';'))
      .map((declaration) => /^\s*([\w-]+)\s*:\s*(.+?)\s*$/.exec(declaration))
      .filter((match) => match !== null)
      .map(([, property, value]) => ` ${property}="${value}"`)
      .join(''),
  );
}

/** The diagram in the light palette, with no CSS variable or colour mix left, and its text in the card's font. */
export function inLightPalette(svg: string): string {
  const resolved = withPresentationAttributes(inPalette(svg, palette.light)).replaceAll(DIAGRAM_FAMILY, ogFont.family);
  const leftover = /var\(|color-mix\(/.exec(resolved);
  if (leftover)
    throw new Error(
      `The diagram still holds a CSS expression resvg cannot draw, near: ${resolved.slice(leftover.index, leftover.index + 80)}`,
    );
  return resolved;
}

export interface Box {
  width: number;
  height: number;
}

/** A drawing for the card, its colours resolved (inLightPalette). */
export interface CardDiagram {
  svg: string;
  width: number;
  height: number;
  /** Its smallest label, in px at natural size (the pipeline measures each drawing's). */
  labelSize: number;
}

export interface Placement {
  diagram: CardDiagram;
  /** Card pixels per diagram pixel. */
  scale: number;
  /** The smallest label as the card draws it, in card px: scale × labelSize. */
  labelPx: number;
}

/**
 * The drawing whose labels come out largest in `box`, at the scale that fits
 * it there and no more than `largest` (a two-box path is not drawn giant);
 * a tie goes to the earlier, one row before two.
 */
export function placeDiagram(candidates: readonly CardDiagram[], box: Box, largest: number): Placement {
  const placements = candidates.map((diagram) => {
    const scale = Math.min(largest, box.width / diagram.width, box.height / diagram.height);
    return { diagram, scale, labelPx: scale * diagram.labelSize };
  });
  const [first, ...rest] = placements;
  if (!first) throw new Error('placeDiagram needs a drawing to place.');
  return rest.reduce((best, placement) => (placement.labelPx > best.labelPx ? placement : best), first);
}

/** How the card draws the edge that joins two rows: Mermaid's names for its line and its ends, as the pipeline gives them. */
type JunctionStyle = NonNullable<MainPathDrawings['layouts'][number]['junction']>;

/**
 * The geometry a main path's rows are set in, in diagram px. Each row is a
 * Mermaid flowchart LR of one chain: its boxes centred on one line, half its
 * height down, the first box's left side and the last box's right side
 * Mermaid's padding in from the drawing's edges.
 */
export const ROWS = {
  /** Mermaid's padding around a flowchart (its `diagramPadding`). */
  padding: 8,
  /** How much of that padding the composed drawing trims; the rest keeps a 2 px outline whole. */
  inset: 6,
  /** Between the first row's drawing and the second's: room for the junction and a label of one or two lines. */
  gap: 44,
  /** Left and right of the rows: room for the junction's legs. */
  side: 24,
  /** How far the junction runs out of the last box, and into the first, before it turns. */
  leg: 16,
  /** Its corners' radius. */
  radius: 10,
  /** A label's size, as Mermaid draws an edge label, and the ground it sits on. */
  labelSize: 16,
  labelPadding: { x: 6, y: 3 },
} as const;

const JUNCTION_LINE_HEIGHT = 1.25;

/** Mermaid's arrowhead (flowchart-v2 pointEnd), as a marker the junction ends with. */
const arrowhead = (id: string, colour: string, start: boolean) =>
  `<marker id="${id}" viewBox="0 0 11.5 14" refX="11.5" refY="7" markerUnits="userSpaceOnUse" markerWidth="10.5" markerHeight="14" orient="${start ? 'auto-start-reverse' : 'auto'}"><path d="M0 0L11.5 7L0 14z" fill="${colour}"/></marker>`;

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Edge labels on an opaque ground: Mermaid lets the line show through at half
 * strength, which at a preview's size strikes the word through.
 */
export const withOpaqueEdgeLabels = (svg: string): string => svg.replace(/(\.edgeLabel rect\{[^{}]*?)opacity:\s*0?\.5/g, '$1opacity:1');

/** A row placed at x, y inside the composed drawing: its root <svg> given that place, at its own size. */
function nested(row: CardDiagram, x: number, y: number): string {
  return row.svg.replace(/^<svg\b([^>]*)>/, (_, attributes: string) => {
    const kept = attributes.replace(/\s(?:x|y|width|height|style)="[^"]*"/g, '');
    return `<svg${kept} x="${round(x)}" y="${round(y)}" width="${round(row.width)}" height="${round(row.height)}">`;
  });
}

export interface JunctionLabel {
  /** The label's lines (Mermaid's <br/> breaks it), and each line's width in px at ROWS.labelSize. */
  lines: { text: string; width: number }[];
}

/**
 * A main path's rows as one drawing, top to bottom. Between two rows the
 * card draws the edge that joins them as Mermaid draws the main path's: out
 * of the first row's last box, back under it, and into the second row's first
 * box from the left, in the accent at 2 px, with Mermaid's arrowhead and the
 * edge's label on the page's ground. Every colour is resolved already.
 */
export function composeRows(rows: readonly CardDiagram[], junction?: JunctionStyle, label?: JunctionLabel): CardDiagram {
  const { padding, inset, gap, side, leg, radius } = ROWS;
  const [first, second] = rows;
  if (!first) throw new Error('composeRows needs a row.');
  const labelSize = Math.min(...rows.map((row) => row.labelSize), ...(label?.lines.length ? [ROWS.labelSize] : []));
  if (!second) {
    const width = first.width - 2 * inset;
    const height = first.height - 2 * inset;
    return { svg: frame(width, height, nested(first, -inset, -inset)), width, height, labelSize };
  }
  const colours = palette.light;
  const lines = label?.lines ?? [];
  const lineHeight = ROWS.labelSize * JUNCTION_LINE_HEIGHT;
  const labelBox = {
    width: Math.max(0, ...lines.map((line) => line.width)) + 2 * ROWS.labelPadding.x,
    height: lines.length * lineHeight + 2 * ROWS.labelPadding.y,
  };
  // A label of three lines or more opens the rows further apart, so it never covers a box.
  const between = Math.max(gap, lines.length > 0 ? labelBox.height + 2 * (padding - inset) : 0);
  const width = 2 * side + Math.max(first.width, second.width) - 2 * inset;
  const height = first.height + second.height - 4 * inset + between;
  const top = { x: side - inset, y: -inset };
  const bottom = { x: side - inset, y: first.height - 2 * inset + between - inset };

  // The junction: out of the last box, down into the gap, back to the left, down, and into the first box.
  const start = { x: top.x + first.width - padding, y: top.y + first.height / 2 };
  const end = { x: bottom.x + padding, y: bottom.y + second.height / 2 };
  const right = start.x + leg;
  const left = end.x - leg;
  const across = first.height - 2 * inset + between / 2;
  const d = [
    `M${round(start.x)} ${round(start.y)}`,
    `H${round(right - radius)}`,
    `Q${round(right)} ${round(start.y)} ${round(right)} ${round(start.y + radius)}`,
    `V${round(across - radius)}`,
    `Q${round(right)} ${round(across)} ${round(right - radius)} ${round(across)}`,
    `H${round(left + radius)}`,
    `Q${round(left)} ${round(across)} ${round(left)} ${round(across + radius)}`,
    `V${round(end.y - radius)}`,
    `Q${round(left)} ${round(end.y)} ${round(left + radius)} ${round(end.y)}`,
    `H${round(end.x)}`,
  ].join('');
  const style = junction ?? { label: '', stroke: 'normal', arrow: 'arrow_point' };
  const ends = style.arrow === 'arrow_open' ? '' : ` marker-end="url(#main-path-junction-end)"`;
  const starts = style.arrow.startsWith('double_') ? ` marker-start="url(#main-path-junction-start)"` : '';
  const dashes = style.stroke === 'dotted' ? ' stroke-dasharray="3 4"' : '';
  const markers = `<defs>${arrowhead('main-path-junction-end', colours.accent, false)}${arrowhead('main-path-junction-start', colours.accent, true)}</defs>`;
  const path = `<path d="${d}" fill="none" stroke="${colours.accent}" stroke-width="2"${dashes}${ends}${starts}/>`;

  const centre = { x: (left + right) / 2, y: across };
  const texts = lines.map((line, index) => {
    // Each line centred in its own line box, the lines together centred on the junction.
    const middle = centre.y - labelBox.height / 2 + ROWS.labelPadding.y + (index + 0.5) * lineHeight;
    return `<text x="${round(centre.x)}" y="${round(middle)}" text-anchor="middle" dominant-baseline="central" font-family="${ogFont.family}" font-size="${ROWS.labelSize}" fill="${colours.text}">${escapeHtml(line.text)}</text>`;
  });
  const labelSvg =
    lines.length === 0
      ? ''
      : `<g class="junction-label"><rect x="${round(centre.x - labelBox.width / 2)}" y="${round(centre.y - labelBox.height / 2)}" width="${round(labelBox.width)}" height="${round(labelBox.height)}" fill="${colours.surface}"/>${texts.join('')}</g>`;
  const body = `${markers}${nested(first, top.x, top.y)}${nested(second, bottom.x, bottom.y)}${path}${labelSvg}`;
  return { svg: frame(width, height, body), width, height, labelSize };
}

const frame = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${round(width)} ${round(height)}" width="${round(width)}" height="${round(height)}">${body}</svg>`;

/** A junction label's lines as they read (Mermaid's <br/> breaks, its #…; entities), for composeRows once measured. */
export const junctionLabelLines = (label: string): string[] =>
  label
    .split(/<br\s*\/?>/i)
    .map((line) =>
      line
        .replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/#quot;/g, '"')
        .replace(/&nbsp;/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '');

const SVG_IMAGE = /<image ([^>]*?)href="data:image\/svg\+xml;base64,([^"]+)"([^>]*?)\/>/g;
const attribute = (attributes: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];

/**
 * Satori places a diagram as an <image> of an SVG data URL; resvg draws such
 * an image with no fonts, so its labels vanish. Each one becomes a nested
 * <svg> at the same place and size, drawn with the card's fonts, and keeps
 * satori's clip (the panel's rounded, overflow-hidden box).
 */
export function inlineSvgImages(cardSvg: string): string {
  return cardSvg.replace(SVG_IMAGE, (_, before: string, data: string, after: string) => {
    const attributes = `${before} ${after}`;
    const diagram = Buffer.from(data, 'base64').toString('utf8');
    const place = ['x', 'y', 'width', 'height'].map((name) => `${name}="${attribute(attributes, name) ?? 0}"`).join(' ');
    const clip = ['clip-path', 'mask']
      .map((name) => [name, attribute(attributes, name)] as const)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}="${value}"`)
      .join(' ');
    const nested = diagram.replace(/^<svg\b([^>]*)>/, (_root, rootAttributes: string) => {
      const kept = rootAttributes.replace(/\s(?:x|y|width|height|preserveAspectRatio)="[^"]*"/g, '');
      return `<svg${kept} ${place} preserveAspectRatio="xMinYMin meet">`;
    });
    return `<g ${clip}>${nested}</g>`;
  });
}
