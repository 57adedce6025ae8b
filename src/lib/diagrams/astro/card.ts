/**
 * The card API: a case study's Architecture Flow as figure HTML, for the
 * snapshot cards (src/components/ArchitectureFlow.astro), from the same fence
 * the case-study page renders, so the same cache entry; and its main path
 * alone, for the link-preview card.
 */
import { relative } from 'node:path';
import { entryArchitectureFlow, findEntryArchitectureFlow, type CaseStudyEntry } from '../document/architecture-flow.ts';
import { locateFailure } from '../errors.ts';
import { renderForms } from '../forms/forms.ts';
import { mainPathCard, type Junction } from '../forms/main-path-card.ts';
import { markingLine } from '../mermaid/main-path.ts';
import { figureHtml } from '../svg/figure.ts';
import { instanceSuffix } from '../svg/ids.ts';
import type { RenderedDiagram } from '../types.ts';
import { sharedPipeline } from './shared-pipeline.ts';

const cardUses = new WeakMap<object, number>();

/**
 * Each card on a page gets its own ids: pass the same object for every card
 * on a page (Astro.request).
 */
export async function architectureFlowFigure(
  caseStudy: CaseStudyEntry,
  page: object,
  fullSizeBase: string,
  placement: 'card' | 'hero' = 'card',
): Promise<string> {
  const count = (cardUses.get(page) ?? 0) + 1;
  cardUses.set(page, count);
  const { fence, file, lineOffset } = entryArchitectureFlow(caseStudy, process.cwd());
  const result = await renderForms(sharedPipeline(), fence.source, fence.meta, { architectureFlow: true });
  if (!result.ok) throw locateFailure(result.failure, { file, fenceLine: fence.line + lineOffset });
  return figureHtml(result.forms, { heading: fence.heading, instance: instanceSuffix({ kind: 'card', count }), fullSizeBase }, placement);
}

/** A case study's main path, drawn by the pipeline in each way its link-preview card may lay it out (src/lib/og/). */
export interface MainPathDrawings {
  /** Where the author marks it, `file:line` (the class statement, else the fence): what the card's messages name. */
  where: string;
  /** One row, and two read one after the other; none when the flow marks no main path. */
  layouts: { rows: RenderedDiagram[]; junction: Junction | undefined }[];
}

/**
 * The main path of a case study's Architecture Flow, on its own
 * (forms/main-path-card.ts), for its link-preview card. The content scan has
 * drawn every row before the pages, so here they come from the cache. A path
 * the card cannot draw (more than six boxes, not one chain) is the author's
 * error, at the line that marks it. None for a case study without an
 * Architecture Flow, which only a site that turned the rule off
 * (`diagrams({ caseStudyDirs: [] })`) gets this far with.
 */
export async function mainPathDiagrams(caseStudy: CaseStudyEntry): Promise<MainPathDrawings | undefined> {
  const found = findEntryArchitectureFlow(caseStudy, process.cwd());
  if (!found) return undefined;
  const { fence, file, lineOffset } = found;
  const location = { file, fenceLine: fence.line + lineOffset };
  const author = await sharedPipeline().render(fence.source);
  if (!author.ok) throw locateFailure(author.failure, location);
  const card = mainPathCard(fence.source, author.diagram.graph);
  if (!card.ok) throw locateFailure(card.failure, location);
  const layouts = await Promise.all(
    card.layouts.map(async ({ rows, junction }) => ({
      rows: await Promise.all(
        rows.map(async (source) => {
          const row = await sharedPipeline().render(source);
          // A source this module wrote: if Mermaid cannot draw it, the fault is here, not in the author's flow.
          if (!row.ok)
            throw new Error(`The main path's card row for ${relative(process.cwd(), file)} did not draw: ${row.failure.reason}\n${source}`);
          return row.diagram;
        }),
      ),
      junction,
    })),
  );
  return { where: `${relative(process.cwd(), file)}:${location.fenceLine + (markingLine(fence.source) ?? 0)}`, layouts };
}
