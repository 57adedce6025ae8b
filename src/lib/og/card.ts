/**
 * The Open Graph card template: page data in, satori element tree out. Pure
 * (no fonts, no I/O) so a unit test can inspect the tree; render.ts turns it
 * into PNG bytes. Colours come from the site's light palette so the preview
 * looks like the page it opens.
 */
import type { CSSProperties, JSXElement, JSXNode } from 'satori/jsx';
import { ogFont, palette } from '../../design-tokens.ts';
import type { Box, Placement } from './diagram.ts';
import { OG_IMAGE_SIZE } from './paths.ts';

export interface OgCardContent {
  /** What kind of page this is, shown small above the title, e.g. "Case study". */
  kind: string;
  /** The page's title, the same text its og:title carries. */
  title: string;
  /** One sentence under the title: why the page is worth opening. */
  summary: string;
  /** A second, labelled sentence, e.g. a case study's trade-off. */
  detail?: { label: string; text: string } | undefined;
}

/** Who the site is by; every card carries it, small, at the bottom. */
export interface OgCardAuthor {
  name: string;
  positioning: string;
}

const colours = palette.light;
const padding = { x: 80, y: 64 };

/**
 * Satori takes React-shaped elements; the card needs nothing but styled divs,
 * written as plain objects so the template needs no JSX compiler or React.
 */
export type OgCardElement = JSXElement<{ style: CSSProperties; children: JSXNode[] }, 'div'>;

function div(style: CSSProperties, ...children: JSXNode[]): OgCardElement {
  return { type: 'div', key: null, props: { style, children } };
}

function image(src: string, width: number, height: number, style: CSSProperties): JSXElement {
  return { type: 'img', key: null, props: { src, width, height, style } };
}

/**
 * A block of text cut at `lines` lines with an ellipsis, so a long title or
 * sentence never runs off the card or pushes the footer out of it.
 */
function clampedText(text: string, lines: number, style: CSSProperties): OgCardElement {
  return div({ display: 'block', lineClamp: lines, textWrap: 'pretty', ...style }, text);
}

const kindLabel = (kind: string) =>
  div({ fontSize: 22, fontWeight: 600, letterSpacing: '0.08em', textTransform: 'uppercase', color: colours.accent }, kind);

export function ogCard(content: OgCardContent, author: OgCardAuthor): OgCardElement {
  const { detail } = content;
  return div(
    {
      display: 'flex',
      flexDirection: 'column',
      width: OG_IMAGE_SIZE.width,
      height: OG_IMAGE_SIZE.height,
      boxSizing: 'border-box',
      padding: `${padding.y}px ${padding.x}px`,
      backgroundColor: colours.bg,
      color: colours.text,
      fontFamily: ogFont.family,
    },
    div({ width: 72, height: 4, backgroundColor: colours.accent }),
    div({ marginTop: 24, display: 'flex' }, kindLabel(content.kind)),
    clampedText(content.title, 2, { marginTop: 16, fontSize: 64, fontWeight: 600, lineHeight: 1.12, letterSpacing: '-0.015em' }),
    clampedText(content.summary, 2, { marginTop: 22, fontSize: 28, lineHeight: 1.4, color: colours.muted }),
    detail
      ? div(
          { display: 'flex', marginTop: 18, fontSize: 24, lineHeight: 1.4 },
          div({ flexShrink: 0, marginRight: 14, fontWeight: 600 }, detail.label),
          clampedText(detail.text, 2, { flex: 1, color: colours.muted }),
        )
      : null,
    // The author sits at the foot of every card, whatever the text above it runs to.
    div(
      { display: 'flex', flexDirection: 'column', marginTop: 'auto', paddingTop: 22, borderTop: `1px solid ${colours.border}` },
      div({ fontSize: 22, fontWeight: 600 }, author.name),
      clampedText(author.positioning, 2, { marginTop: 4, fontSize: 20, lineHeight: 1.4, color: colours.muted }),
    ),
  );
}

/**
 * A case study's card: its Architecture Flow beside (or under) its title and
 * challenge. The diagram's box depends on the layout; placeDiagram() picks
 * the layout from these boxes, so the scale it computes is the one drawn.
 */
const CASE_STUDY_PADDING = { x: 48, y: 44 };
const PANEL_PADDING = 14;
const SIDE_TEXT_WIDTH = 400;
const SIDE_GAP = 32;
const panelWidth = OG_IMAGE_SIZE.width - 2 * CASE_STUDY_PADDING.x;

export type CaseStudyCardLayout = 'band' | 'side';

/** The diagram's drawing box (inside the panel's padding) in each layout. */
export const CASE_STUDY_DIAGRAM_BOXES: Record<CaseStudyCardLayout, Box> = {
  band: { width: panelWidth - 2 * PANEL_PADDING, height: 300 - 2 * PANEL_PADDING },
  side: { width: panelWidth - SIDE_TEXT_WIDTH - SIDE_GAP - 2 * PANEL_PADDING, height: 470 - 2 * PANEL_PADDING },
};

/** Labels are 16 px in the diagram: at 0.7 they are 11.2 px on the card, the site's own floor on a phone. */
export const CARD_DIAGRAM_FLOOR_SCALE = 0.7;

export interface CaseStudyCardContent {
  kind: string;
  title: string;
  challenge: string;
  /** The diagram, placed by placeDiagram(); its SVG already in the light palette. */
  diagram: Placement<CaseStudyCardLayout>;
}

function diagramPanel({ diagram, scale, cropped, layout }: Placement<CaseStudyCardLayout>): OgCardElement {
  const box = CASE_STUDY_DIAGRAM_BOXES[layout];
  const width = Math.round(diagram.width * scale);
  const height = Math.round(diagram.height * scale);
  const src = `data:image/svg+xml;base64,${Buffer.from(diagram.svg).toString('base64')}`;
  const fade = (direction: 'right' | 'bottom') =>
    div({
      position: 'absolute',
      ...(direction === 'right' ? { top: 0, right: 0, bottom: 0, width: 96 } : { left: 0, right: 0, bottom: 0, height: 72 }),
      backgroundImage: `linear-gradient(to ${direction}, ${colours.surface}00, ${colours.surface})`,
    });
  return div(
    {
      display: 'flex',
      position: 'relative',
      overflow: 'hidden',
      width: box.width + 2 * PANEL_PADDING,
      height: box.height + 2 * PANEL_PADDING,
      padding: PANEL_PADDING,
      // A cut diagram shows its start, where the flow begins; one that fits is centred.
      alignItems: cropped && height > box.height ? 'flex-start' : 'center',
      justifyContent: cropped && width > box.width ? 'flex-start' : 'center',
      backgroundColor: colours.surface,
      border: `1px solid ${colours.border}`,
      borderRadius: 12,
    },
    image(src, width, height, { flexShrink: 0 }),
    // A cut diagram says so: it fades out where it continues.
    cropped && width > box.width ? fade('right') : null,
    cropped && height > box.height ? fade('bottom') : null,
  );
}

export function caseStudyOgCard(content: CaseStudyCardContent, author: OgCardAuthor): OgCardElement {
  const side = content.diagram.layout === 'side';
  const heading = div(
    { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
    kindLabel(content.kind),
    div({ fontSize: 22, fontWeight: 600, color: colours.muted }, author.name),
  );
  const words = div(
    { display: 'flex', flexDirection: 'column', ...(side ? { width: SIDE_TEXT_WIDTH, marginRight: SIDE_GAP } : {}) },
    clampedText(content.title, side ? 3 : 1, { fontSize: side ? 52 : 54, fontWeight: 600, lineHeight: 1.1, letterSpacing: '-0.015em' }),
    clampedText(content.challenge, side ? 6 : 2, { marginTop: side ? 22 : 12, fontSize: 26, lineHeight: 1.35, color: colours.muted }),
  );
  return div(
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      width: OG_IMAGE_SIZE.width,
      height: OG_IMAGE_SIZE.height,
      boxSizing: 'border-box',
      padding: `${CASE_STUDY_PADDING.y}px ${CASE_STUDY_PADDING.x}px`,
      backgroundColor: colours.bg,
      color: colours.text,
      fontFamily: ogFont.family,
      borderTop: `8px solid ${colours.accent}`,
    },
    heading,
    side
      ? div({ display: 'flex', alignItems: 'center' }, words, diagramPanel(content.diagram))
      : div({ display: 'flex', flexDirection: 'column' }, words, div({ display: 'flex', marginTop: 18 }, diagramPanel(content.diagram))),
  );
}
