/**
 * Which form of a diagram a reader sees, decided at build time by measuring.
 *
 * A form is seen whole in a container when, with its smallest label at the
 * screen's legibility floor, it is no wider than the container and no taller
 * than the screen allows (two phone screens, one desktop screen; a full-size
 * page has no height limit). Of the forms seen whole, the full flow beats the
 * overview (a hero card asks for the overview first), and then the one that
 * draws its labels largest wins (on a full-size page, the widest); a tie goes
 * to the earlier form, the author's first. When none is seen whole, the
 * narrowest scrolls.
 *
 * The figure carries the forms chosen in the containers it is shown in, and
 * container queries (forms.ts writes them from `choiceRuns`) show each where
 * it wins, with no script.
 */
import type { RenderedDiagram } from '../types.ts';

export type FormName = 'author' | 'compact' | 'elk' | 'wide' | 'overview';

export interface Form {
  name: FormName;
  diagram: RenderedDiagram;
}

/** Where a figure is shown: an article's column, a snapshot card, the home hero's card, its full-size page. */
export type Placement = 'inline' | 'card' | 'hero' | 'full-size';

export interface Screen {
  name: 'phone' | 'desktop';
  /** The smallest a label may be drawn, in CSS px. */
  floor: number;
  /** The viewport widths it covers, as a media query (diagrams.css uses the same breakpoint). */
  media: string;
  /** The tallest a diagram may be, in CSS px, on the screen it is judged at (390×844, 1280×900); CSS uses `screens` × 100svh. */
  maxHeight: number;
  screens: number;
  /** What the figure's frame takes around the SVG: the canvas's padding and border, both sides (diagrams.css). */
  frame: number;
}

export const SCREENS: readonly Screen[] = [
  { name: 'phone', floor: 11, media: '(width < 640px)', maxHeight: 2 * 844, screens: 2, frame: 2 * (4 + 1) },
  { name: 'desktop', floor: 12, media: '(width >= 640px)', maxHeight: 900, screens: 1, frame: 2 * (12 + 1) },
];

/** The figure's width where each placement shows it, on a 390 px phone and a 1280 px desktop (measured on the built pages). */
export const CONTAINERS: Record<Placement, Record<Screen['name'], number>> = {
  inline: { phone: 374, desktop: 1088 },
  card: { phone: 340, desktop: 594 },
  hero: { phone: 340, desktop: 594 },
  'full-size': { phone: 374, desktop: 1088 },
};

/** The container widths the CSS choice is written for. */
const WIDTHS = { from: 200, to: 1600 } as const;

export interface Fit {
  /** Whether it is seen whole: as wide as the container allows and as tall as the screen allows, labels at the floor. */
  whole: boolean;
  /** Its width as drawn there, in CSS px. */
  drawn: number;
  /** Its smallest label as drawn there, in CSS px. */
  label: number;
  /** Its width with labels at the floor, in CSS px. */
  floorWidth: number;
}

const heightLimit = (screen: Screen, placement: Placement) => (placement === 'full-size' ? Number.POSITIVE_INFINITY : screen.maxHeight);

/** How a form sits in a container `width` px wide (the figure's width) on `screen`. */
export function fitOf(
  diagram: Pick<RenderedDiagram, 'width' | 'height' | 'labelSize'>,
  screen: Screen,
  width: number,
  placement: Placement,
): Fit {
  const atFloor = screen.floor / diagram.labelSize;
  const floorWidth = diagram.width * atFloor;
  const tallest = heightLimit(screen, placement);
  const room = width - screen.frame;
  // diagrams.css: shrink to the room, never below the floor, never above natural size or the height allowed.
  const drawn = Math.min(room, Math.max(floorWidth, Math.min(diagram.width, (tallest * diagram.width) / diagram.height)));
  const whole = floorWidth <= room + 0.5 && diagram.height * atFloor <= tallest + 0.5;
  return { whole, drawn, label: (diagram.labelSize * drawn) / diagram.width, floorWidth };
}

/** A tie in label size, in CSS px: the earlier form wins it. */
const TIE = 0.5;

/** The form shown in a container `width` px wide on `screen`. */
export function choose(forms: readonly Form[], screen: Screen, width: number, placement: Placement): Form {
  const fits = forms.map((form) => ({ form, ...fitOf(form.diagram, screen, width, placement) }));
  const whole = fits.filter((candidate) => candidate.whole);
  if (whole.length === 0)
    return fits.reduce((narrowest, candidate) => (candidate.floorWidth < narrowest.floorWidth ? candidate : narrowest)).form;
  const overviewFirst = placement === 'hero';
  const preferred = whole.filter((candidate) => (candidate.form.name === 'overview') === overviewFirst);
  const pool = preferred.length > 0 ? preferred : whole;
  // A full-size page shows the widest form; elsewhere the one whose labels are largest.
  const score = (candidate: Fit) => (placement === 'full-size' ? candidate.drawn / 16 : candidate.label);
  return pool.reduce((best, candidate) => (score(candidate) > score(best) + TIE ? candidate : best)).form;
}

/** Whether every form of `forms` needed where the placement shows it is in hand (the build renders more until it is). */
export const seenWholeEverywhere = (forms: readonly Form[], placement: Placement): boolean =>
  SCREENS.every((screen) => forms.some((form) => fitOf(form.diagram, screen, CONTAINERS[placement][screen.name], placement).whole));

/** The forms the figure needs: those chosen in its containers, in their original order. */
export function keptForms(forms: readonly Form[], placement: Placement): Form[] {
  const chosen = new Set(SCREENS.map((screen) => choose(forms, screen, CONTAINERS[placement][screen.name], placement)));
  return forms.filter((form) => chosen.has(form));
}

export interface ChoiceRun {
  /** Container widths from `from` (inclusive) to `to` (exclusive; Infinity for the last). */
  from: number;
  to: number;
  form: Form;
  /** Whether it is seen whole there; where not, it scrolls, with its cue. */
  whole: boolean;
}

/** The form chosen at every container width on `screen`, as runs of widths. */
export function choiceRuns(forms: readonly Form[], screen: Screen, placement: Placement): ChoiceRun[] {
  const runs: ChoiceRun[] = [];
  for (let width = WIDTHS.from; width <= WIDTHS.to; width += 1) {
    const form = choose(forms, screen, width, placement);
    const whole = fitOf(form.diagram, screen, width, placement).whole;
    const last = runs[runs.length - 1];
    if (last && last.form === form && last.whole === whole) last.to = width + 1;
    else runs.push({ from: width, to: width + 1, form, whole });
  }
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (first) first.from = 0;
  if (last) last.to = Number.POSITIVE_INFINITY;
  return runs;
}
