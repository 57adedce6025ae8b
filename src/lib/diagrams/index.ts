/**
 * Build-time Mermaid diagrams: the one entry point.
 *
 * - `diagrams()` (default export) is the Astro integration: it adds the
 *   Sätteri plugin that turns ```mermaid fences in Markdown and MDX into
 *   themed, accessible inline SVG, renders every content diagram up front in
 *   a build, and closes the browser when the build or dev server ends.
 * - `architectureFlowFigure()` renders a case study's Architecture Flow for a
 *   card, from the same source and through the same cache.
 *
 * docs/diagrams.md describes how authors use it and why it is built this way.
 */
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorPayload, ViteDevServer } from 'vite';
import { combineErrors, locateFailure, missingArchitectureFlow, type DiagramError } from './errors.ts';
import { figureHtml } from './figure.ts';
import { architectureFlow, bodyLineOffset, parseDocument } from './outline.ts';
import { DiagramPipeline, type PipelineOptions } from './pipeline.ts';
import { mermaidMarkdownPlugin } from './plugin.ts';
import { CACHED_FIGURE, cachedFigure } from './runtime.ts';
import { renderContentDiagrams } from './scan.ts';

export { DiagramError, DiagramErrors } from './errors.ts';
export type { RenderedDiagram } from './pipeline.ts';

export interface DiagramsOptions {
  /** Folders (relative to the project root) whose Markdown/MDX is rendered before the build. Default: ["content"]. */
  contentDirs?: string[];
  /** Folders of case studies, each of which must have an Architecture Flow diagram. Default: ["content/case-studies"]. */
  architectureFlowDirs?: string[];
}

/**
 * The pipeline is shared through a global, not a module variable: Astro loads
 * this integration from the config, but a page component (ArchitectureFlow)
 * gets its own bundled copy of this module. Both must use one browser and
 * one cache, and the integration must be able to close it.
 */
const SHARED = Symbol.for('portfolio.diagrams.pipeline');
type SharedGlobal = typeof globalThis & { [SHARED]?: DiagramPipeline };

function sharedPipeline(): DiagramPipeline {
  const shared = globalThis as SharedGlobal;
  // Outside an Astro build (a script, a test) nobody calls close(): let the browser go when idle.
  shared[SHARED] ??= new DiagramPipeline({
    root: process.cwd(),
    cacheDir: join(process.cwd(), 'node_modules', '.astro', 'diagrams'),
    closeWhenIdleMs: 1000,
  });
  return shared[SHARED];
}

async function replaceSharedPipeline(options: PipelineOptions): Promise<void> {
  const shared = globalThis as SharedGlobal;
  await shared[SHARED]?.close();
  shared[SHARED] = new DiagramPipeline(options);
}

async function closeSharedPipeline(logger: AstroIntegrationLogger): Promise<void> {
  const shared = globalThis as SharedGlobal;
  const pipeline = shared[SHARED];
  if (!pipeline) return;
  delete shared[SHARED];
  const { rendered, cacheHits, browserLaunches } = await pipeline.stats();
  await pipeline.close();
  if (rendered + cacheHits > 0) {
    logger.info(`${rendered} rendered, ${cacheHits} from cache, browser started ${browserLaunches} time(s)`);
  }
}

/** Dev only: Astro logs (rather than throws) a Markdown collection entry's render error, so the overlay is fed here. */
function overlayReporter(server: ViteDevServer) {
  const pending = new Map<string, DiagramError[]>();
  const payload = (errors: readonly DiagramError[]): ErrorPayload => {
    const error = combineErrors(errors);
    return {
      type: 'error',
      err: {
        name: error?.name ?? 'DiagramError',
        message: error?.message ?? '',
        stack: error?.stack ?? '',
        hint: error?.hint,
        plugin: 'diagrams',
        ...(error?.loc ? { loc: error.loc } : {}),
      },
    };
  };
  server.ws.on('vite:client:connect', (_data, client) => {
    for (const [file, errors] of pending) {
      // A deleted file's errors are gone with it.
      if (existsSync(file)) client.send(payload(errors));
      else pending.delete(file);
    }
  });
  return (file: string, errors: readonly DiagramError[]) => {
    if (errors.length === 0) {
      if (pending.delete(file)) server.ws.send({ type: 'full-reload' });
      return;
    }
    pending.set(file, [...errors]);
    server.ws.send(payload(errors));
  };
}

export default function diagrams(options: DiagramsOptions = {}): AstroIntegration {
  let root = process.cwd();
  let command = 'build';
  let contentDirs: string[] = [];
  let architectureFlowDirs: string[] = [];
  let reportErrors: ((file: string, errors: readonly DiagramError[]) => void) | undefined;

  return {
    name: 'portfolio:diagrams',
    hooks: {
      'astro:config:setup': async ({ config, command: astroCommand, injectScript }) => {
        root = fileURLToPath(config.root);
        command = astroCommand;
        contentDirs = (options.contentDirs ?? ['content']).map((directory) => resolve(root, directory));
        architectureFlowDirs = (options.architectureFlowDirs ?? ['content/case-studies']).map((directory) => resolve(root, directory));
        const cacheDir = fileURLToPath(new URL('diagrams/', config.cacheDir));
        await replaceSharedPipeline({
          root,
          cacheDir,
          // `astro sync`/`check` have no "done" hook to close the browser on.
          closeWhenIdleMs: command === 'build' || command === 'dev' ? undefined : 1000,
        });
        Object.assign(globalThis, { [Symbol.for(CACHED_FIGURE)]: cachedFigure });
        const processor = config.markdown.processor;
        if (!isSatteriProcessor(processor)) {
          throw new Error(
            `The diagrams integration hooks into the Sätteri Markdown processor, but markdown.processor is "${processor.name}". Remove markdown.processor from astro.config.mjs, or set it to satteri().`,
          );
        }
        // First in line, so the fence is a figure before any other plugin (or a highlighter) sees it.
        processor.options.mdastPlugins.unshift(
          mermaidMarkdownPlugin({
            pipeline: sharedPipeline,
            cacheDir,
            root,
            architectureFlowDirs,
            onErrors: (file, errors) => reportErrors?.(file, errors),
          }),
        );
        injectScript('page-ssr', `import ${JSON.stringify(fileURLToPath(new URL('./diagrams.css', import.meta.url)))};`);
      },
      'astro:config:done': async ({ logger }) => {
        if (command !== 'build') return;
        const started = performance.now();
        const report = await renderContentDiagrams({ pipeline: sharedPipeline(), root, contentDirs, architectureFlowDirs });
        const failure = combineErrors(report.errors);
        if (failure) {
          await closeSharedPipeline(logger);
          throw failure;
        }
        logger.info(`${report.diagrams} diagrams in ${report.files} content files ready in ${Math.round(performance.now() - started)} ms`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const report = overlayReporter(server);
        reportErrors = report;
        server.httpServer?.once('close', () => void closeSharedPipeline(logger));
        // Astro keeps a Markdown entry's last render across restarts, failed or not: look at
        // every diagram once at start, so a broken one is on the overlay from the first page.
        void renderContentDiagrams({ pipeline: sharedPipeline(), root, contentDirs, architectureFlowDirs }).then(({ errors }) => {
          for (const file of new Set(errors.map((error) => error.file))) report(file, errors.filter((error) => error.file === file));
        });
      },
      'astro:server:done': async ({ logger }) => closeSharedPipeline(logger),
      'astro:build:done': async ({ logger }) => closeSharedPipeline(logger),
    },
  };
}

interface CaseStudyEntry {
  id: string;
  body?: string | undefined;
  filePath?: string | undefined;
}

const instanceCounters = new WeakMap<object, number>();

/**
 * A fresh id suffix per use on one page: pass the same object for every use
 * on a page (Astro.request), and each use gets its own ids.
 */
export function nextInstance(page: object): string {
  const count = (instanceCounters.get(page) ?? 0) + 1;
  instanceCounters.set(page, count);
  return `card${count}`;
}

/**
 * A case study's Architecture Flow as figure HTML, for cards: the same fence
 * the case-study page renders, so the same cache entry.
 */
export async function architectureFlowFigure(caseStudy: CaseStudyEntry, options: { instance: string; caption?: string }): Promise<string> {
  const file = resolve(process.cwd(), caseStudy.filePath ?? `content/case-studies/${caseStudy.id}.mdx`);
  const body = caseStudy.body ?? '';
  const offset = bodyLineOffset(file, body);
  const flow = architectureFlow(parseDocument(body, 'mdx'));
  if (!flow.ok) throw missingArchitectureFlow(file, flow.line + offset, flow.reason);
  const result = await sharedPipeline().render(flow.fence.source);
  if (!result.ok) throw locateFailure(result.failure, { file, fenceLine: flow.fence.line + offset });
  return figureHtml(result.diagram, {
    caption: options.caption,
    heading: flow.fence.heading,
    instance: options.instance,
    className: 'diagram--card',
  });
}
