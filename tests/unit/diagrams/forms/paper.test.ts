import { describe, expect, it } from 'vitest';
import { captionLines, PRINT_FLOOR, printPlan, type Form, type FormName } from '../../../../src/lib/diagrams/testing.ts';

const form = (name: FormName, width: number, height: number): Form => ({
  name,
  diagram: { key: `${name}-${width}x${height}`, rootId: `mmd-${name}`, svg: '', type: 'flowchart-v2', width, height, labelSize: 16 },
});
const CAPTION = 'The caption, one line of it.';

describe('printPlan: what paper gets', () => {
  it('keeps a figure that a page of text holds at its largest in the text', () => {
    // 507 × 701: natural size in the 174 mm column, and short enough for a page of text.
    const plan = printPlan([form('compact', 507, 701)], CAPTION);
    expect(plan).toMatchObject({ page: 'inline', full: { name: 'compact' }, captionLines: 1 });
  });

  it('gives a tall flow, which a page of text would shrink, a portrait page of its own', () => {
    // The CQRS ledger's Architecture Flow, 516 × 1,040.
    expect(printPlan([form('author', 516, 1040)], 'x'.repeat(225))).toMatchObject({ page: 'page', captionLines: 3 });
  });

  it('prints the full form whose labels are largest in the text width, not one too wide for it at the floor', () => {
    // A sequence diagram drawn 1,369 px wide prints below 8 pt in a 174 mm column; its compact form does not.
    const author = form('author', 1369, 926);
    const compact = form('compact', 505, 1330);
    expect(printPlan([author, compact], CAPTION)).toMatchObject({ page: 'page', full: compact });
    // Of two that fit, the larger labels win; a tie goes to the earlier.
    const drawn = form('author', 716, 947);
    expect(printPlan([drawn, form('compact', 401, 1083)], CAPTION).full).toBe(drawn);
    expect(printPlan([form('author', 500, 600), form('compact', 500, 600)], CAPTION).full.name).toBe('author');
  });

  it('never prints the overview alone, and never the overview where a full form fits', () => {
    const overview = form('overview', 300, 300);
    const plan = printPlan([form('author', 600, 900), overview], CAPTION);
    expect(plan.full.name).toBe('author');
    expect(plan.overview).toBeUndefined();
    expect(() => printPlan([overview], CAPTION)).toThrow(/only its overview/);
  });

  it('splits a flow no portrait page holds at the floor: the overview with the heading, the full flow alone on the next page', () => {
    const overview = form('overview', 400, 300);
    // Too tall for a portrait page at 8 pt, and a landscape page is shorter still.
    expect(printPlan([form('author', 400, 3000), overview], CAPTION)).toMatchObject({ page: 'split', full: { name: 'author' }, overview });
    // Too wide for the column at 8 pt: a landscape page draws it larger.
    expect(printPlan([form('author', 2000, 800), overview], CAPTION)).toMatchObject({ page: 'split-landscape', overview });
  });

  it('turns a page to landscape, heading and caption on it, when there is no overview and that draws it larger', () => {
    const plan = printPlan([form('author', 2000, 600)], CAPTION);
    expect(plan.page).toBe('landscape');
    expect(plan.overview).toBeUndefined();
    expect(printPlan([form('author', 400, 3000)], CAPTION)).toMatchObject({ page: 'page' });
  });

  it('is measured at 8 pt', () => {
    expect(PRINT_FLOOR).toBeCloseTo(10.667, 3);
    // 641.6 px of column (174 mm less the frame) holds 962 px natural at 8 pt, not 963.
    expect(printPlan([form('author', 962, 500)], CAPTION).page).toBe('inline');
    expect(printPlan([form('author', 963, 500)], CAPTION).page).toBe('landscape');
  });
});

describe('captionLines', () => {
  it('gives a caption a line per hundred characters, at least one', () => {
    expect(captionLines('')).toBe(1);
    expect(captionLines('x'.repeat(100))).toBe(1);
    expect(captionLines('x'.repeat(101))).toBe(2);
  });
});
