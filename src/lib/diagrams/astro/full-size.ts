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
import { diagramOf, renderForms } from '../forms/forms.ts';
import { captionFromMeta, figureHtml, textAlternative } from '../svg/figure.ts';
import type { RenderedDiagram } from '../types.ts';
import { sharedPipeline } from './shared-pipeline.ts';

export interface FullSizeDiagram {
  /** The diagram's id: its full-size page is /diagrams/<id>/. */
  id: string;
  name: string;
  description: string | undefined;
  /** The full flow, in the widest form seen whole at the reader's width; no link to itself. */
  figure: string;
  /** The author's drawing at its natural size, for its standalone SVG file (/diagrams/<id>.svg). */
  natural: RenderedDiagram;
}

export async function fullSizeDiagrams(entry: CaseStudyEntry): Promise<FullSizeDiagram[]> {
  const file = resolve(process.cwd(), entry.filePath ?? '');
  const body = entry.body ?? '';
  const diagrams: FullSizeDiagram[] = [];
  for (const fence of mermaidFences(parseDocument(body, formatOf(file)))) {
    const result = await renderForms(sharedPipeline(), fence.source, fence.meta);
    if (!result.ok) throw locateFailure(result.failure, { file, fenceLine: fence.line + bodyLineOffset(file, body) });
    const context = { caption: captionFromMeta(fence.meta), heading: fence.heading };
    const diagram = diagramOf(result.forms);
    const { name, description } = textAlternative(diagram, context);
    const figure = figureHtml(result.forms, context, 'full-size');
    diagrams.push({ id: diagram.rootId, name, description, figure, natural: diagram });
  }
  return diagrams;
}
