/**
 * A content entry's diagrams for their full-size pages
 * (src/pages/diagrams/[id].astro): the layout a wide column shows, at
 * natural size. The same fences and cache entries as the entry's page, so the
 * ids match the links its figures carry.
 */
import { resolve } from 'node:path';
import type { CaseStudyEntry } from '../document/architecture-flow.ts';
import { formatOf, mermaidFences, parseDocument } from '../document/parse.ts';
import { bodyLineOffset } from '../document/source-file.ts';
import { locateFailure } from '../errors.ts';
import { renderLayouts } from '../layout.ts';
import { captionFromMeta, figureHtml, textAlternative } from '../svg/figure.ts';
import { sharedPipeline } from './shared-pipeline.ts';

export interface FullSizeDiagram {
  /** The diagram's id: its full-size page is /diagrams/<id>/. */
  id: string;
  name: string;
  description: string | undefined;
  /** The figure at natural size, with no link to itself. */
  figure: string;
}

export async function fullSizeDiagrams(entry: CaseStudyEntry): Promise<FullSizeDiagram[]> {
  const file = resolve(process.cwd(), entry.filePath ?? '');
  const body = entry.body ?? '';
  const diagrams: FullSizeDiagram[] = [];
  for (const fence of mermaidFences(parseDocument(body, formatOf(file)))) {
    const result = await renderLayouts(sharedPipeline(), fence.source, fence.meta);
    if (!result.ok) throw locateFailure(result.failure, { file, fenceLine: fence.line + bodyLineOffset(file, body) });
    const context = { caption: captionFromMeta(fence.meta), heading: fence.heading };
    const { name, description } = textAlternative(result.layouts.primary, context);
    const figure = figureHtml({ primary: result.layouts.primary }, { ...context, className: 'diagram--full' });
    diagrams.push({ id: result.layouts.primary.rootId, name, description, figure });
  }
  return diagrams;
}
