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
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Html, Root } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext, RawMdastContent } from 'satteri';
import { checkArchitectureFlow, isCaseStudy } from '../document/architecture-flow.ts';
import { isMermaidFence, mermaidFences, parseDocument } from '../document/parse.ts';
import { bodyLineOffset } from '../document/source-file.ts';
import { combineErrors, locateFailure } from '../errors.ts';
import { captionFromMeta, figureHtml } from '../svg/figure.ts';
import { instanceSuffix } from '../svg/ids.ts';
import { formsFor, renderForms, scrollingWidth, type DiagramForms } from '../forms/forms.ts';
import type { DiagramFailure, DiagramRenderer, FigureContext } from '../types.ts';
import type { FormKeys } from './cached-figure.ts';
import type { ErrorReporter } from './dev-overlay.ts';
import { cachedFigureCall } from './process-globals.ts';

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
function figureNode(forms: DiagramForms, context: FigureContext, document: PluginFactoryContext, cacheDir: string): Html | RawMdastContent {
  if (document.sourceFormat === 'markdown') return { type: 'html', value: figureHtml(forms, context) };
  const keys: FormKeys = { forms: forms.forms.map(({ name, diagram }) => ({ name, key: diagram.key })), pin: forms.pin };
  return { raw: `<Fragment set:html={${cachedFigureCall([cacheDir, keys, context])}} />`, mdxExpressions: true };
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
    const warnings: { index: number; width: number; pinned: boolean }[] = [];
    const seen = new Map<string, number>();

    return {
      name: 'diagrams',
      ...(caseStudy && {
        async before(tree: Readonly<Root>) {
          const { errors } = checkArchitectureFlow(tree as Root, where, {
            root: options.root,
            // The hook's tree has no positions: parsed again, with them, for the line to point at.
            locate: () => ({
              tree: parseDocument(document.source, document.sourceFormat),
              lineOffset: file ? bodyLineOffset(file, document.source) : 0,
            }),
          });
          if (errors.length === 0) return;
          options.onErrors?.(where, errors);
          throw errors[0];
        },
      }),
      heading(node, context) {
        heading = context.textContent(node).trim();
      },
      async code(node) {
        if (!isMermaidFence(node)) return undefined;
        const index = fences++;
        const context = { caption: captionFromMeta(node.meta), heading, fullSizeBase: options.fullSizeBase };
        const result = await renderForms(options.pipeline(), node.value, node.meta);
        if (!result.ok) {
          failures.push({ index, failure: result.failure });
          return undefined;
        }
        const scrolls = scrollingWidth(formsFor(result.forms, 'inline'), 'inline');
        if (scrolls !== undefined) warnings.push({ index, width: scrolls, pinned: result.forms.pin === 'wide' });
        const key = result.forms.forms[0]!.diagram.key;
        const uses = (seen.get(key) ?? 0) + 1;
        seen.set(key, uses);
        return figureNode(
          result.forms,
          { ...context, instance: instanceSuffix({ kind: 'repeat', count: uses }) },
          document,
          options.cacheDir,
        );
      },
      after() {
        for (const { index, width, pinned } of warnings) {
          const at = `${relative(options.root, where)}:${fenceLine(document, file, index)}`;
          const why = pinned ? 'layout="wide" pins it as drawn' : 'no form of it fits';
          console.warn(
            `${at}: this diagram is ${width} px wide with its labels at the legibility floor, wider than a phone's column: ${why}, so it scrolls sideways there. Remove layout="wide", or split the diagram.`,
          );
        }
        const errors = failures.map(({ index, failure }) =>
          locateFailure(failure, { file: where, fenceLine: fenceLine(document, file, index) }, options.root),
        );
        options.onErrors?.(where, errors);
        if (options.keepGoing) return;
        const failure = combineErrors(errors);
        if (failure) throw failure;
      },
    };
  };
}
