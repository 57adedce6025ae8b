/**
 * A case study's Architecture Flow on its Open Graph card. The compiled
 * diagram paints with the site's CSS variables (so pages can switch theme);
 * resvg knows no CSS variables, so the card gets a copy in the light palette
 * with every colour resolved from the design tokens. Pure: unit tests reach it.
 */
import { colourProperty, fonts, ogFont, type Palette, palette, paletteTokens } from '../../design-tokens.ts';

export interface CardDiagram {
  svg: string;
  width: number;
  height: number;
}

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

/** The diagram in the light palette, with no CSS variable or colour mix left, and its text in the card's font. */
export function inLightPalette(svg: string): string {
  const resolved = inPalette(svg, palette.light).replaceAll(DIAGRAM_FAMILY, ogFont.family);
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

export interface Placement<Layout extends string> {
  layout: Layout;
  diagram: CardDiagram;
  /** Card pixels per diagram pixel. */
  scale: number;
  /** True when the diagram is bigger than its box at this scale and shows only its start. */
  cropped: boolean;
}

/**
 * Picks the layout and diagram variant that draw the labels biggest. Labels
 * are never drawn below `floorScale`: a diagram that fits nowhere at the floor
 * is cropped to its start (where a flow begins), in the box that shows most of it.
 */
export function placeDiagram<Layout extends string>(
  variants: readonly CardDiagram[],
  boxes: Readonly<Record<Layout, Box>>,
  floorScale: number,
): Placement<Layout> {
  const layouts = Object.keys(boxes) as Layout[];
  const options = variants.flatMap((diagram) =>
    layouts.map((layout) => {
      const box = boxes[layout];
      const fit = Math.min(1, box.width / diagram.width, box.height / diagram.height);
      const shown = Math.min(1, box.width / (diagram.width * floorScale)) * Math.min(1, box.height / (diagram.height * floorScale));
      return { layout, diagram, fit, shown };
    }),
  );
  const best = options.reduce((winner, option) => (option.fit > winner.fit ? option : winner));
  if (best.fit >= floorScale) return { layout: best.layout, diagram: best.diagram, scale: best.fit, cropped: false };
  const mostShown = options.reduce((winner, option) => (option.shown > winner.shown ? option : winner));
  return { layout: mostShown.layout, diagram: mostShown.diagram, scale: floorScale, cropped: true };
}

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
