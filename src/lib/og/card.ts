/**
 * The Open Graph card template: page data in, satori element tree out. Pure
 * (no fonts, no I/O) so a unit test can inspect the tree; render.ts turns it
 * into PNG bytes. Colours come from the site's light palette so the preview
 * looks like the page it opens.
 */
import type { CSSProperties, JSXElement, JSXNode } from 'satori/jsx';
import { ogFont, palette } from '../../design-tokens.ts';
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

/**
 * A block of text cut at `lines` lines with an ellipsis, so a long title or
 * sentence never runs off the card or pushes the footer out of it.
 */
function clampedText(text: string, lines: number, style: CSSProperties): OgCardElement {
  return div({ display: 'block', lineClamp: lines, textWrap: 'pretty', ...style }, text);
}

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
    div(
      { marginTop: 24, fontSize: 22, fontWeight: 600, letterSpacing: '0.08em', textTransform: 'uppercase', color: colours.accent },
      content.kind,
    ),
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
