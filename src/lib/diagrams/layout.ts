/**
 * Which layouts of a diagram the page gets, and which one it shows.
 *
 * A diagram whose type has a direction (flowchart, state, class, ER,
 * requirement, gitGraph) and that does not fit a phone's column at the
 * legibility floor is also rendered top to bottom. Both go into the figure;
 * CSS container queries show the author's layout wherever it fits at the
 * floor and the top-to-bottom one where it does not (no JavaScript), and a
 * diagram that still does not fit scrolls inside its figure with a cue.
 *
 * An author pins a layout with `layout="wide"` (the author's direction only,
 * scrolling on a phone) or `layout="narrow"` (top to bottom everywhere) in the
 * fence's info string.
 */
import type { DiagramFailure, DiagramRenderer, DiagramResult, RenderedDiagram } from './types.ts';

/** The smallest label size, in CSS px, at a desktop's width and at a phone's (below 640 px). */
export const FLOOR = { desktop: 12, phone: 11 } as const;
/** Below this viewport width the phone floor applies (diagrams.css says the same). */
const PHONE_BREAKPOINT = 640;
/** The room an SVG has in the narrowest place a diagram is shown on a 390 px phone (a snapshot card). */
export const PHONE_COLUMN = 280;
/** What the figure's frame takes around the SVG: the canvas's padding and border, both sides (diagrams.css). */
const CANVAS_FRAME = 2 * (12 + 1);

export type LayoutPin = 'wide' | 'narrow';

export interface DiagramLayouts {
  /** The author's layout (or, pinned narrow, the top-to-bottom one): what a wide column shows. */
  primary: RenderedDiagram;
  /** The top-to-bottom layout, shown where the primary one does not fit at the floor. */
  narrow?: RenderedDiagram | undefined;
}

export type LayoutResult = { ok: true; layouts: DiagramLayouts } | { ok: false; failure: DiagramFailure };

const LAYOUT_ATTRIBUTE = /(?:^|\s)layout=(?:"([^"]*)"|'([^']*)'|([^\s"']+))/;

/** Reads `layout="wide"` / `layout="narrow"` from a fence's info string. */
export function layoutPin(meta: string | null | undefined): { ok: true; pin: LayoutPin | undefined } | { ok: false; failure: DiagramFailure } {
  const match = LAYOUT_ATTRIBUTE.exec(meta ?? '');
  if (!match) return { ok: true, pin: undefined };
  const value = match[1] ?? match[2] ?? match[3] ?? '';
  if (value === 'wide' || value === 'narrow') return { ok: true, pin: value };
  return {
    ok: false,
    failure: {
      problem: 'syntax',
      reason: `layout="${value}" is not a layout. Write layout="wide" (the diagram's own direction everywhere) or layout="narrow" (top to bottom everywhere), or leave it out to let the page choose.`,
      diagramLine: undefined,
    },
  };
}

const HORIZONTAL = /^(LR|RL)$/i;

/** The lines Mermaid reads before the diagram's header: front matter, directives, comments, blank lines. */
function headerIndex(lines: readonly string[]): number {
  let index = 0;
  if (lines[0]?.trim() === '---') {
    index = lines.findIndex((line, position) => position > 0 && line.trim() === '---') + 1;
  }
  while (index < lines.length && /^\s*(%%.*)?$/.test(lines[index] ?? '')) index += 1;
  return index;
}

type Direction = 'TB' | 'LR';

/** Where a diagram's source says which way it runs, and how to make it run another way. */
interface DirectionSite {
  horizontal: boolean;
  /** The source laid out `direction`; only that line changes, so every other line (and an error's line number) stays. */
  redraw(direction: Direction): string;
}

/** The first `direction X` statement outside any block (`state X { … }`, `namespace …`). */
function topLevelDirection(lines: readonly string[], from: number): DirectionSite | undefined {
  let depth = 0;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const statement = /^(\s*)direction\s+(\w+)\s*$/.exec(line);
    if (depth === 0 && statement) {
      return { horizontal: HORIZONTAL.test(statement[2] ?? ''), redraw: (direction) => lines.with(index, `${statement[1]}direction ${direction}`).join('\n') };
    }
    depth += (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);
  }
  return undefined;
}

/**
 * Which way a diagram runs, for the types that have a direction (flowchart,
 * gitGraph, and state, class, ER and requirement diagrams that state one).
 */
function directionSite(source: string): DirectionSite | undefined {
  const lines = source.split('\n');
  const start = headerIndex(lines);
  const header = lines[start] ?? '';
  const flowchart = /^(\s*(?:flowchart-elk|flowchart|graph)\s+)(\w+)(.*)$/i.exec(header);
  if (flowchart) {
    return { horizontal: HORIZONTAL.test(flowchart[2] ?? ''), redraw: (direction) => lines.with(start, `${flowchart[1]}${direction}${flowchart[3]}`).join('\n') };
  }
  // gitGraph runs left to right unless it says otherwise.
  const gitGraph = /^(\s*gitGraph)(?:\s+(\w+))?\s*:?\s*$/.exec(header);
  if (gitGraph) {
    return { horizontal: !gitGraph[2] || HORIZONTAL.test(gitGraph[2]), redraw: (direction) => lines.with(start, `${gitGraph[1]} ${direction}:`).join('\n') };
  }
  if (/^\s*(stateDiagram(-v2)?|classDiagram(-v2)?|erDiagram|requirementDiagram)\b/.test(header)) {
    return topLevelDirection(lines, start + 1);
  }
  return undefined;
}

/**
 * The same diagram laid out top to bottom, or `undefined` when its type has
 * no direction or it already runs top to bottom.
 */
export function topToBottom(source: string): string | undefined {
  const site = directionSite(source);
  return site?.horizontal ? site.redraw('TB') : undefined;
}

/**
 * The same diagram turned the other way (left-right ↔ top-bottom), for a box
 * whose shape suits that better (the link-preview card); `undefined` when its
 * type has no direction it states.
 */
export function turned(source: string): string | undefined {
  const site = directionSite(source);
  return site?.redraw(site.horizontal ? 'TB' : 'LR');
}

/** How wide a diagram is drawn when its smallest label is at `floor` px. */
const widthAtFloor = (diagram: Pick<RenderedDiagram, 'width' | 'labelSize'>, floor: number) => (diagram.width * floor) / diagram.labelSize;

/** Whether a diagram fits a phone's column with its labels at the phone floor. */
export const fitsPhone = (diagram: Pick<RenderedDiagram, 'width' | 'labelSize'>) => widthAtFloor(diagram, FLOOR.phone) <= PHONE_COLUMN;

/**
 * Renders a fence's layouts: the author's, and a top-to-bottom one when the
 * author's does not fit a phone at the floor, the type has a direction, and
 * the result is narrower. A pin overrides the choice.
 */
export async function renderLayouts(renderer: DiagramRenderer, source: string, meta: string | null | undefined): Promise<LayoutResult> {
  const pinned = layoutPin(meta);
  if (!pinned.ok) return pinned;
  const narrowSource = pinned.pin === 'wide' ? undefined : topToBottom(source);
  const asLayouts = (result: DiagramResult, narrow?: RenderedDiagram): LayoutResult =>
    result.ok ? { ok: true, layouts: { primary: result.diagram, ...(narrow && { narrow }) } } : result;

  if (pinned.pin === 'narrow' && narrowSource !== undefined) return asLayouts(await renderer.render(narrowSource));
  const primary = await renderer.render(source);
  if (!primary.ok || narrowSource === undefined || fitsPhone(primary.diagram)) return asLayouts(primary);
  const narrow = await renderer.render(narrowSource);
  const helps = narrow.ok && widthAtFloor(narrow.diagram, FLOOR.phone) < widthAtFloor(primary.diagram, FLOOR.phone);
  return asLayouts(primary, helps && narrow.ok ? narrow.diagram : undefined);
}

/** The container width below which a diagram, at `floor`, no longer fits its figure. */
const fitWidth = (diagram: RenderedDiagram, floor: number) => Math.ceil(widthAtFloor(diagram, floor)) + CANVAS_FRAME;

/**
 * The figure's own rules (scoped by its id): below the width where the
 * primary layout fits at the floor, the narrow one shows instead; below the
 * width where the shown one fits, the scroll cue appears. Per floor, since a
 * phone's floor is lower.
 */
export function layoutRules(figureId: string, layouts: DiagramLayouts): string {
  const scope = `#${figureId}`;
  const below = (width: number, rules: string) => `@container diagram (width < ${width}px){${rules}}`;
  const perFloor = (floor: number) => {
    const { primary, narrow } = layouts;
    const swap = narrow
      ? below(fitWidth(primary, floor), `${scope} .diagram__layout--primary{display:none}${scope} .diagram__layout--narrow{display:block}`)
      : '';
    const cue = below(fitWidth(narrow ?? primary, floor), `${scope} .diagram__scroll-cue{display:flex}`);
    return `${swap}${cue}`;
  };
  return `@media (width >= ${PHONE_BREAKPOINT}px){${perFloor(FLOOR.desktop)}}@media (width < ${PHONE_BREAKPOINT}px){${perFloor(FLOOR.phone)}}`;
}
