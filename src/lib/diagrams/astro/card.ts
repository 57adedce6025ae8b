/**
 * The card API: a case study's Architecture Flow as figure HTML, for the
 * snapshot cards (src/components/ArchitectureFlow.astro). The same fence the
 * case-study page renders, so the same cache entry.
 */
import { entryArchitectureFlow, type CaseStudyEntry } from '../document/architecture-flow.ts';
import { locateFailure } from '../errors.ts';
import { renderLayouts } from '../layout.ts';
import { figureHtml } from '../svg/figure.ts';
import { instanceSuffix } from '../svg/ids.ts';
import type { RenderedDiagram } from '../types.ts';
import { sharedPipeline } from './shared-pipeline.ts';

const cardUses = new WeakMap<object, number>();

/**
 * Each card on a page gets its own ids: pass the same object for every card
 * on a page (Astro.request).
 */
export async function architectureFlowFigure(caseStudy: CaseStudyEntry, page: object, fullSizeBase: string): Promise<string> {
  const count = (cardUses.get(page) ?? 0) + 1;
  cardUses.set(page, count);
  const { fence, file, lineOffset } = entryArchitectureFlow(caseStudy, process.cwd());
  const result = await renderLayouts(sharedPipeline(), fence.source, fence.meta);
  if (!result.ok) throw locateFailure(result.failure, { file, fenceLine: fence.line + lineOffset });
  return figureHtml(result.layouts, {
    heading: fence.heading,
    instance: instanceSuffix({ kind: 'card', count }),
    className: 'diagram--card',
    fullSizeBase,
  });
}

/**
 * The rendered Architecture Flow itself, and its source; `reshape` renders a
 * variant of that source (e.g. another direction) through the same cache.
 * The Open Graph card (src/lib/og/) starts from it.
 */
export async function architectureFlowDiagram(
  caseStudy: CaseStudyEntry,
  reshape: (source: string) => string = (source) => source,
): Promise<{ diagram: RenderedDiagram; heading: string | undefined; source: string }> {
  const { fence, file, lineOffset } = entryArchitectureFlow(caseStudy, process.cwd());
  const result = await sharedPipeline().render(reshape(fence.source));
  if (!result.ok) throw locateFailure(result.failure, { file, fenceLine: fence.line + lineOffset });
  return { diagram: result.diagram, heading: fence.heading, source: fence.source };
}
