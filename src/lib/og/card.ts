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
 * A case study's card: its title and challenge, and under them its main path
 * (the boxes and edges its Architecture Flow marks `mainPath`), drawn large
 * enough to read where the card is shown about 500 px wide. The layout is
 * fixed, so the box the path is fitted to is known before satori lays it out.
 */
const CASE_STUDY = {
  padding: { x: 48, y: 36 },
  accentRule: 8,
  heading: { size: 20, lineHeight: 1.2 },
  title: { marginTop: 12, size: 52, lineHeight: 1.1, lines: 1 },
  challenge: { marginTop: 8, size: 26, lineHeight: 1.35, lines: 2 },
  panel: { marginTop: 20, padding: 12, border: 1 },
} as const;

const textHeight = ({ size, lineHeight, lines }: { size: number; lineHeight: number; lines: number }) => size * lineHeight * lines;

/**
 * The main path's drawing box on the card: what the title (one line), the
 * challenge (up to two) and the panel's frame leave. A shorter challenge
 * leaves the panel taller, and the drawing is centred in it.
 */
export const CASE_STUDY_DIAGRAM_BOX: Box = (() => {
  const { padding, accentRule, heading, title, challenge, panel } = CASE_STUDY;
  const frame = 2 * (panel.padding + panel.border);
  const above =
    accentRule +
    2 * padding.y +
    textHeight({ ...heading, lines: 1 }) +
    title.marginTop +
    textHeight(title) +
    challenge.marginTop +
    textHeight(challenge) +
    panel.marginTop;
  return { width: OG_IMAGE_SIZE.width - 2 * padding.x - frame, height: Math.floor(OG_IMAGE_SIZE.height - above - frame) };
})();

/**
 * The smallest a main path's label may be on the card, in card px: 20 px on
 * the 1200 px card is 8.3 px where a chat app or LinkedIn shows it 500 px
 * wide, about the least that still reads. Diagram labels are 16 px, so the
 * path is drawn at 1.25× or more.
 */
export const CARD_LABEL_FLOOR = 20;

/** The largest the path is drawn: a short one at 1.6× has 25.6 px labels, past which it only crowds the card. */
export const CARD_LARGEST_SCALE = 1.6;

export interface CaseStudyCardContent {
  kind: string;
  title: string;
  challenge: string;
  /** The main path, placed by placeDiagram() in CASE_STUDY_DIAGRAM_BOX; its SVG already in the light palette. */
  diagram: Placement;
}

function diagramPanel({ diagram, scale }: Placement): OgCardElement {
  const { panel } = CASE_STUDY;
  const src = `data:image/svg+xml;base64,${Buffer.from(diagram.svg).toString('base64')}`;
  return div(
    {
      display: 'flex',
      flexGrow: 1,
      marginTop: panel.marginTop,
      padding: panel.padding,
      alignItems: 'center',
      justifyContent: 'center',
      backgroundColor: colours.surface,
      border: `${panel.border}px solid ${colours.border}`,
      borderRadius: 12,
    },
    image(src, Math.round(diagram.width * scale), Math.round(diagram.height * scale), { flexShrink: 0 }),
  );
}

export function caseStudyOgCard(content: CaseStudyCardContent, author: OgCardAuthor): OgCardElement {
  const { padding, accentRule, heading, title, challenge } = CASE_STUDY;
  const lineBox = (spec: { size: number; lineHeight: number }) => ({ fontSize: spec.size, lineHeight: spec.lineHeight });
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
      borderTop: `${accentRule}px solid ${colours.accent}`,
    },
    div(
      { display: 'flex', justifyContent: 'space-between', ...lineBox(heading), fontWeight: 600 },
      div({ letterSpacing: '0.08em', textTransform: 'uppercase', color: colours.accent }, content.kind),
      div({ color: colours.muted }, author.name),
    ),
    clampedText(content.title, title.lines, {
      marginTop: title.marginTop,
      ...lineBox(title),
      fontWeight: 600,
      letterSpacing: '-0.015em',
    }),
    clampedText(content.challenge, challenge.lines, { marginTop: challenge.marginTop, ...lineBox(challenge), color: colours.muted }),
    diagramPanel(content.diagram),
  );
}
