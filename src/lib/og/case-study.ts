/**
 * A case study's link-preview card: its title, its challenge and its main
 * path, drawn by the diagram pipeline (mainPathDiagrams) in one row or two,
 * whichever draws the labels larger in the card's box; never smaller than
 * CARD_LABEL_FLOOR. A case study whose Architecture Flow marks no main path
 * gets the text card, with its trade-off, and the build says so.
 */
import { mainPathDiagrams, type MainPathDrawings } from '../diagrams/index.ts';
import {
  CARD_LABEL_FLOOR,
  CARD_LARGEST_SCALE,
  CASE_STUDY_DIAGRAM_BOX,
  caseStudyOgCard,
  ogCard,
  type OgCardAuthor,
  type OgCardElement,
} from './card.ts';
import {
  composeRows,
  inLightPalette,
  junctionLabelLines,
  placeDiagram,
  ROWS,
  withOpaqueEdgeLabels,
  type CardDiagram,
  type Placement,
} from './diagram.ts';
import { textWidth } from './render.ts';
import { ogRenderStats } from './stats.ts';

/** What the card needs of a case study: the collection entry (for its Architecture Flow) and three of its fields. */
export interface CaseStudyForCard {
  id: string;
  body?: string | undefined;
  filePath?: string | undefined;
  data: { title: string; challenge: string; tradeOff: string };
}

type Layout = MainPathDrawings['layouts'][number];

/** One layout of the path as one drawing, in the light palette, the junction's label measured in the card's font. */
async function composed({ rows, junction }: Layout): Promise<CardDiagram> {
  const lines = junction ? junctionLabelLines(junction.label) : [];
  const measured = await Promise.all(lines.map(async (text) => ({ text, width: await textWidth(text, ROWS.labelSize) })));
  return composeRows(
    rows.map(({ svg, width, height, labelSize }) => ({ svg: withOpaqueEdgeLabels(inLightPalette(svg)), width, height, labelSize })),
    junction,
    { lines: measured },
  );
}

/** The main path placed on the card: the layout whose labels come out larger. Under the floor is the author's to fix. */
export async function placedMainPath(drawings: MainPathDrawings): Promise<Placement> {
  const placement = placeDiagram(await Promise.all(drawings.layouts.map(composed)), CASE_STUDY_DIAGRAM_BOX, CARD_LARGEST_SCALE);
  if (placement.labelPx < CARD_LABEL_FLOOR) {
    const error = new Error(
      `${drawings.where}: the main path's labels would be ${placement.labelPx.toFixed(1)} px on the link-preview card, under the ${CARD_LABEL_FLOOR} px that still read where it is shown 500 px wide.\n  Fix: shorten its longest labels (a <br/> breaks one into lines), draw a tall shape (a diamond, a circle) as a box, or mark fewer boxes.`,
    );
    // The message says where; a trace would only point into the card's code.
    error.stack = '';
    throw error;
  }
  return placement;
}

export async function caseStudyCard(caseStudy: CaseStudyForCard, author: OgCardAuthor): Promise<OgCardElement> {
  const { title, challenge, tradeOff } = caseStudy.data;
  const drawings = await mainPathDiagrams(caseStudy);
  if (!drawings || drawings.layouts.length === 0) {
    // No Architecture Flow (only a site that turned the rule off gets here) or no main path marked.
    if (drawings) ogRenderStats().withoutMainPath.add(drawings.where);
    return ogCard({ kind: 'Case study', title, summary: challenge, detail: { label: 'Trade-off', text: tradeOff } }, author);
  }
  return caseStudyOgCard({ kind: 'Case study', title, challenge, diagram: await placedMainPath(drawings) }, author);
}
