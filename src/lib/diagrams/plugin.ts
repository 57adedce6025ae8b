/**
 * The hook into Astro's Markdown and MDX processing: a native Sätteri mdast
 * plugin. It replaces each ```mermaid fence with the figure before Sätteri
 * turns the tree into HTML or JSX, so no highlighter ever sees the fence and
 * no unified pipeline is needed (docs/diagrams.md has the measurements).
 */
import { fileURLToPath } from 'node:url';
import type { Html, Root } from 'mdast';
import type { MdastContent, MdastPluginDefinition, MdastPluginEntry, MdxJsxFlowElement, PluginFactoryContext } from 'satteri';
import { combineErrors, locateFailure, missingArchitectureFlow, type DiagramError } from './errors.ts';
import { captionFromMeta, figureHtml } from './figure.ts';
import { architectureFlow, bodyLineOffset, isInside, mermaidFences, type MermaidFence } from './outline.ts';
import type { DiagramRenderer, RenderedDiagram } from './pipeline.ts';

export interface MarkdownHookOptions {
  pipeline: () => DiagramRenderer;
  /** Project root, for the paths in error messages. */
  root: string;
  /** Files under these directories are case studies and must have an Architecture Flow diagram. */
  architectureFlowDirs: readonly string[];
  /** Told about every document's diagram errors (the dev server shows them in its overlay). */
  onErrors?: ((file: string, errors: readonly DiagramError[]) => void) | undefined;
}

const MERMAID_FENCE = /^[ \t>]*(`{3,}|~{3,})[ \t]*mermaid\b/im;

/** The figure replaces the fence: raw HTML in Markdown, a `<Fragment set:html>` in MDX (whose JSX would mangle an SVG). */
function figureNode(html: string, format: PluginFactoryContext['sourceFormat']): MdastContent {
  if (format === 'mdx') {
    const fragment: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: 'Fragment',
      attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
      children: [],
    };
    return fragment;
  }
  const raw: Html = { type: 'html', value: html };
  return raw;
}

export function mermaidMarkdownPlugin(options: MarkdownHookOptions): MdastPluginEntry {
  return (document: PluginFactoryContext): MdastPluginDefinition | null => {
    const file = document.fileURL ? fileURLToPath(document.fileURL) : undefined;
    const isCaseStudy = file !== undefined && isInside(file, options.architectureFlowDirs);
    if (!isCaseStudy && !MERMAID_FENCE.test(document.source)) return null;
    return {
      name: 'diagrams',
      options: { position: true },
      async before(tree, context) {
        const root = tree as Root;
        const offset = file ? bodyLineOffset(file, document.source) : 0;
        const where = file ?? '<unknown file>';
        if (isCaseStudy) {
          const flow = architectureFlow(root);
          if (!flow.ok) {
            const error = missingArchitectureFlow(where, flow.line + offset, flow.reason, options.root);
            options.onErrors?.(where, [error]);
            throw error;
          }
        }
        const fences = mermaidFences(root);
        const pipeline = options.pipeline();
        const results = await Promise.all(fences.map((fence) => pipeline.render(fence.source)));
        const errors: DiagramError[] = [];
        const seen = new Map<string, number>();
        results.forEach((result, index) => {
          const fence = fences[index] as MermaidFence;
          if (!result.ok) {
            errors.push(locateFailure(result.failure, { file: where, fenceLine: fence.line + offset }, options.root));
            return;
          }
          const html = figureHtml(result.diagram, {
            caption: captionFromMeta(fence.meta),
            heading: fence.heading,
            instance: repeatSuffix(seen, result.diagram),
          });
          context.replaceNode(fence.node, figureNode(html, document.sourceFormat));
        });
        options.onErrors?.(where, errors);
        const failure = combineErrors(errors);
        if (failure) throw failure;
      },
    };
  };
}

/** The second appearance of a diagram in one document gets its own ids. */
function repeatSuffix(seen: Map<string, number>, diagram: RenderedDiagram): string | undefined {
  const count = (seen.get(diagram.key) ?? 0) + 1;
  seen.set(diagram.key, count);
  return count === 1 ? undefined : String(count);
}
