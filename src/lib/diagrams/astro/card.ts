/**
 * The card API: a case study's Architecture Flow as figure HTML, for the
 * snapshot cards (src/components/ArchitectureFlow.astro). The same fence the
 * case-study page renders, so the same cache entry.
 */
import { entryArchitectureFlow, findEntryArchitectureFlow, type CaseStudyEntry } from '../document/architecture-flow.ts';
import { locateFailure } from '../errors.ts';
import { turned } from '../forms/direction.ts';
import { renderForms } from '../forms/forms.ts';
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

/**
 * The rendered Architecture Flow itself, as the page draws it and, where its
 * type has a direction, turned the other way (forms/direction.ts): a box of another
 * shape (the link-preview card in src/lib/og/) takes whichever suits it. The
 * content scan renders both before the pages, so here they come from the cache.
 * None for a case study without an Architecture Flow, which only a site that
 * turned the rule off (`diagrams({ caseStudyDirs: [] })`) gets this far with.
 */
export async function architectureFlowDiagrams(caseStudy: CaseStudyEntry): Promise<RenderedDiagram[]> {
  const found = findEntryArchitectureFlow(caseStudy, process.cwd());
  if (!found) return [];
  const { fence, file, lineOffset } = found;
  const sources = [fence.source, turned(fence.source)].filter((source) => source !== undefined);
  const results = await Promise.all(sources.map((source) => sharedPipeline().render(source)));
  return results.map((result) => {
    if (!result.ok) throw locateFailure(result.failure, { file, fenceLine: fence.line + lineOffset });
    return result.diagram;
  });
}
