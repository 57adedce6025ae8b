/**
 * What a figure prints as, decided at build time by measuring, as choose.ts
 * decides what a screen shows: src/styles/print.css lays it out from the
 * figure's `data-print` and the `data-print` of the forms it prints.
 *
 * Paper gets the full flow, never only the overview: the full form that draws
 * its labels largest on an A4 page, in the text's width, as tall as the page
 * allows under its heading and above its caption, and never below the print
 * floor. One that fits that height on a page of text stays in the text
 * ('inline'); one the text page would shrink further takes a portrait page
 * with narrower margins, its heading with it ('page'). Where no full form fits
 * a portrait page at the floor, the overview prints with the heading and the
 * caption, and the full flow alone on the next page, landscape when that
 * draws it larger ('split'); with no overview to print, the full flow takes
 * the page that draws it larger, its heading and caption with it.
 *
 * The numbers below are print.css's, in CSS px: a change there is a change here.
 */
import type { Form } from './choose.ts';

const MM = 96 / 25.4;
/** print.css: html { font-size: 10.5pt }. */
const REM = 14;

/** The smallest a label may print, in CSS px: 8 pt (the product asks for 7; tests/e2e/print.spec.ts holds 8). */
export const PRINT_FLOOR = 8 / 0.75;

/** A4, 210 × 297 mm, less print.css's @page margins. */
const PAPER = {
  /** The text's width: 18 mm margins either side, on every portrait page. */
  width: (210 - 2 * 18) * MM,
  /** A page of text: 20 mm above, 22 mm below. */
  text: (297 - 20 - 22) * MM,
  /** @page tall-figure: 12 mm above and below. */
  page: (297 - 2 * 12) * MM,
  /** @page landscape-figure: 14 mm either side, 16 mm above and 18 mm below. */
  landscape: { width: (297 - 2 * 14) * MM, height: (210 - 16 - 18) * MM },
} as const;

/** What the figure takes around its form: the canvas's padding (0.5rem) and its frame's border, both sides. */
const FRAME = 2 * 0.5 * REM + 2;
/** A heading just above the figure (one line of a case study's h2, 2.125rem) and the gap under it (the figure's 1.75rem margin). */
const HEADING = (2.125 + 1.75) * REM;
/** The caption: 0.5rem above it, 1.375rem a line. */
const CAPTION = { gap: 0.5 * REM, line: 1.375 * REM } as const;
/** Characters a caption line holds, fewer than the ≈ 118 a 174 mm line of 0.875rem text does. */
const CAPTION_CHARACTERS = 100;
/** Left unused on each page, for rounding. */
const SLACK = 2 * MM;
/** A tie in label size, in CSS px: the earlier form wins it (choose.ts). */
const TIE = 0.5;

/** Where print.css puts a figure. */
type PrintPage = 'inline' | 'page' | 'landscape' | 'split' | 'split-landscape';

export interface PrintPlan {
  page: PrintPage;
  /** The full form paper shows. */
  full: Form;
  /** With a split: the overview printed with the heading and the caption. */
  overview?: Form | undefined;
  /** The lines the caption is given (print.css leaves room for them under the figure). */
  captionLines: number;
}

interface Room {
  width: number;
  height: number;
}

/** The lines a caption is given: at least one. */
export const captionLines = (caption: string): number => Math.max(1, Math.ceil(caption.length / CAPTION_CHARACTERS));

/** The room a form has on a page `height` px tall, in the portrait text's width or a landscape page's, with what else the page holds. */
function room(height: number, { landscape = false, heading = true, lines = 0 } = {}): Room {
  const caption = lines > 0 ? CAPTION.gap + lines * CAPTION.line : 0;
  return {
    width: (landscape ? PAPER.landscape.width : PAPER.width) - FRAME,
    height: height - (heading ? HEADING : 0) - caption - FRAME - SLACK,
  };
}

/** Its smallest label as printed in `room`, in CSS px: scaled to fit, never above natural size. */
const printedLabel = (form: Form, { width, height }: Room): number =>
  form.diagram.labelSize * Math.min(1, width / form.diagram.width, height / form.diagram.height);

/** Of `forms`, the one that prints its labels largest in `room` (a tie goes to the earlier). */
function largest(forms: readonly Form[], space: Room): Form {
  return forms.reduce((best, form) => (printedLabel(form, space) > printedLabel(best, space) + TIE ? form : best));
}

/**
 * The plan for a figure whose fence has the forms `forms` (all of them, in
 * their order, the author's first; not only those a screen shows) and whose
 * caption is `caption`. A heading is assumed just above it: a figure that has
 * none prints no smaller for it.
 */
export function printPlan(forms: readonly Form[], caption: string): PrintPlan {
  const full = forms.filter((form) => form.name !== 'overview');
  const overview = forms.find((form) => form.name === 'overview');
  if (full.length === 0) throw new Error('A figure prints a full form, and this one has none: only its overview.');
  const lines = captionLines(caption);
  const onPage = room(PAPER.page, { lines });
  const best = largest(full, onPage);
  if (printedLabel(best, onPage) >= PRINT_FLOOR) {
    // A page of text draws it as large as a page of its own does: it stays in the text.
    const inText = printedLabel(best, room(PAPER.text, { lines })) >= printedLabel(best, onPage) - 0.01;
    return { page: inText ? 'inline' : 'page', full: best, captionLines: lines };
  }
  // It does not fit a portrait page at the floor.
  if (overview && printedLabel(overview, room(PAPER.text, { lines })) >= PRINT_FLOOR) {
    // The overview with the heading and the caption; the full flow alone on the next page.
    const alone = room(PAPER.page, { heading: false });
    const turned = room(PAPER.landscape.height, { landscape: true, heading: false });
    const portrait = largest(full, alone);
    const landscape = largest(full, turned);
    return printedLabel(landscape, turned) > printedLabel(portrait, alone) + TIE
      ? { page: 'split-landscape', full: landscape, overview, captionLines: lines }
      : { page: 'split', full: portrait, overview, captionLines: lines };
  }
  const turned = room(PAPER.landscape.height, { landscape: true, lines });
  const landscape = largest(full, turned);
  return printedLabel(landscape, turned) > printedLabel(best, onPage) + TIE
    ? { page: 'landscape', full: landscape, captionLines: lines }
    : { page: 'page', full: best, captionLines: lines };
}
