/**
 * The hook into Astro's Markdown and MDX processing: a native Sätteri mdast
 * plugin. It replaces each ```mermaid fence with the figure before Sätteri
 * turns the tree into HTML or JSX, so no highlighter ever sees the fence and
 * no unified pipeline is needed (docs/diagrams.md has the measurements).
 *
 * It stays cheap on documents it has nothing to do with: it opts out before
 * parsing when the source has no mermaid fence, visits only code and heading
 * nodes (Sätteri filters the rest in Rust), and does not ask for source
 * positions; a failure re-parses the document once to find its line.
 */
import { fileURLToPath } from 'node:url';
import type { Html, Root } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext, RawMdastContent } from 'satteri';
import { architectureFlow, architectureFlowError, isCaseStudy, missingArchitectureFlow } from '../document/architecture-flow.ts';
import { isMermaidFence, mermaidFences, parseDocument } from '../document/parse.ts';
import { bodyLineOffset } from '../document/source-file.ts';
import { combineErrors, locateFailure } from '../errors.ts';
import { captionFromMeta, figureHtml } from '../svg/figure.ts';
import { instanceSuffix } from '../svg/ids.ts';
import { renderLayouts, type DiagramLayouts } from '../layout.ts';
import type { DiagramFailure, DiagramRenderer, FigureContext } from '../types.ts';
import { CACHED_FIGURE, type LayoutKeys } from './cached-figure.ts';
import type { ErrorReporter } from './dev-overlay.ts';

export interface MarkdownHookOptions {
  pipeline: () => DiagramRenderer;
  /** The pipeline's disk cache, which compiled MDX reads its figures from (cached-figure.ts). */
  cacheDir: string;
  /** Project root, for the paths in error messages. */
  root: string;
  /** Files under these directories are case studies and must have an Architecture Flow diagram. */
  caseStudyDirs: readonly string[];
  /** Where full-size pages live ("/diagrams/" under the site's base): each figure links to its own. */
  fullSizeBase: string;
  /** Told about every document's diagram errors (the dev server shows them in its overlay). */
  onErrors?: ErrorReporter | undefined;
  /**
   * `npm run dev`: a broken diagram is told to onErrors (which shows it once in the terminal and in
   * the overlay) and its fence left as source, instead of failing the document: a failed module is
   * compiled, and its error printed, again on every request.
   */
  keepGoing?: boolean | undefined;
}

const MERMAID_FENCE = /^[ \t>]*(`{3,}|~{3,})[ \t]*mermaid\b/im;

/**
 * The figure replaces the fence. In Markdown, as raw HTML. In MDX, as
 * `<Fragment set:html={…}>` (MDX's JSX would mangle an SVG) whose value is
 * read from the cache when the page renders (cached-figure.ts), so the compiled
 * module carries a key, not kilobytes of SVG. The reader is a global the
 * integration installs, not an import: an import would make Astro treat every
 * MDX file as one that propagates assets, which costs more than it saves.
 */
function figureNode(layouts: DiagramLayouts, context: FigureContext, document: PluginFactoryContext, cacheDir: string): Html | RawMdastContent {
  if (document.sourceFormat === 'markdown') return { type: 'html', value: figureHtml(layouts, context) };
  const keys: LayoutKeys = { primary: layouts.primary.key, ...(layouts.narrow && { narrow: layouts.narrow.key }) };
  const call = `globalThis[Symbol.for(${JSON.stringify(CACHED_FIGURE)})](${[cacheDir, keys, context].map((argument) => JSON.stringify(argument)).join(', ')})`;
  return { raw: `<Fragment set:html={${call}} />`, mdxExpressions: true };
}

/** Where the document's n-th mermaid fence opens, in file lines (parsed again: the hook runs without positions). */
function fenceLine(document: PluginFactoryContext, file: string | undefined, index: number): number {
  const fences = mermaidFences(parseDocument(document.source, document.sourceFormat));
  const line = fences[index]?.line ?? 1;
  return line + (file ? bodyLineOffset(file, document.source) : 0);
}

export function mermaidMarkdownPlugin(options: MarkdownHookOptions): MdastPluginEntry {
  return (document: PluginFactoryContext): MdastPluginDefinition | null => {
    const file = document.fileURL ? fileURLToPath(document.fileURL) : undefined;
    const where = file ?? '<unknown file>';
    const caseStudy = file !== undefined && isCaseStudy(file, options.caseStudyDirs);
    if (!caseStudy && !MERMAID_FENCE.test(document.source)) return null;

    let heading: string | undefined;
    let fences = 0;
    const failures: { index: number; failure: DiagramFailure }[] = [];
    const seen = new Map<string, number>();

    return {
      name: 'diagrams',
      ...(caseStudy && {
        async before(tree: Readonly<Root>) {
          if (architectureFlow(tree as Root).ok) return;
          // Parsed again with positions, for the line to point at.
          const lineOffset = file ? bodyLineOffset(file, document.source) : 0;
          const located = parseDocument(document.source, document.sourceFormat);
          const error =
            architectureFlowError(located, where, { lineOffset, root: options.root }) ??
            missingArchitectureFlow(where, 1 + lineOffset, 'This case study has no Architecture Flow diagram.', options.root);
          options.onErrors?.(where, [error]);
          throw error;
        },
      }),
      heading(node, context) {
        heading = context.textContent(node).trim();
      },
      async code(node) {
        if (!isMermaidFence(node)) return undefined;
        const index = fences++;
        const context = { caption: captionFromMeta(node.meta), heading, fullSizeBase: options.fullSizeBase };
        const result = await renderLayouts(options.pipeline(), node.value, node.meta);
        if (!result.ok) {
          failures.push({ index, failure: result.failure });
          return undefined;
        }
        const uses = (seen.get(result.layouts.primary.key) ?? 0) + 1;
        seen.set(result.layouts.primary.key, uses);
        return figureNode(result.layouts, { ...context, instance: instanceSuffix({ kind: 'repeat', count: uses }) }, document, options.cacheDir);
      },
      after() {
        const errors = failures.map(({ index, failure }) => locateFailure(failure, { file: where, fenceLine: fenceLine(document, file, index) }, options.root));
        options.onErrors?.(where, errors);
        if (options.keepGoing) return;
        const failure = combineErrors(errors);
        if (failure) throw failure;
      },
    };
  };
}
