/**
 * The Astro integration, as its hooks: put the Markdown hook first in the
 * Sätteri processor, render every content diagram while Astro starts its
 * build (astro/content-render.ts), open the browser when the dev server
 * starts, feed the dev overlay, and close the browser when the build or dev
 * server ends.
 */
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CASE_STUDY_DIRS } from '../document/architecture-flow.ts';
import { combineErrors } from '../errors.ts';
import { CACHED_FIGURE, cachedFigure } from './cached-figure.ts';
import { startContentRender, type ContentRender } from './content-render.ts';
import { architectureFlowErrors, renderContentDiagrams } from './content-scan.ts';
import { overlayReporter, type ErrorReporter } from './dev-overlay.ts';
import { mermaidMarkdownPlugin } from './markdown-plugin.ts';
import { closeSharedPipeline, replaceSharedPipeline, sharedPipeline } from './shared-pipeline.ts';
import { afterNextPage } from '../../dev-next-page.ts';
import { joinBase } from '../../urls.ts';

export interface DiagramsOptions {
  /** Folders (relative to the project root) whose Markdown/MDX is rendered before the build. Default: ["content"]. */
  contentDirs?: string[];
  /** Folders of case studies, each of which must have an Architecture Flow diagram. Default: ["content/case-studies"]. */
  caseStudyDirs?: string[];
}

export function diagrams(options: DiagramsOptions = {}): AstroIntegration {
  let root = process.cwd();
  let command = 'build';
  let contentDirs: string[] = [];
  let caseStudyDirs: string[] = [];
  let reportErrors: ErrorReporter | undefined;
  let contentRender: ContentRender | undefined;

  return {
    name: 'portfolio:diagrams',
    hooks: {
      'astro:config:setup': async ({ config, command: astroCommand, injectScript, logger }) => {
        root = fileURLToPath(config.root);
        command = astroCommand;
        contentDirs = (options.contentDirs ?? ['content']).map((directory) => resolve(root, directory));
        caseStudyDirs = (options.caseStudyDirs ?? DEFAULT_CASE_STUDY_DIRS).map((directory) => resolve(root, directory));
        const cacheDir = fileURLToPath(new URL('diagrams/', config.cacheDir));
        await replaceSharedPipeline({
          root,
          cacheDir,
          // `astro sync`/`check` have no "done" hook to close the browser on.
          closeWhenIdleMs: command === 'build' || command === 'dev' ? undefined : 1000,
        });
        if (command === 'build') {
          // Chromium opens and draws while Astro loads, syncs content and prepares Vite; once every
          // content diagram is cached the browser goes, so bundling and page generation have its memory.
          contentRender = startContentRender({ pipeline: sharedPipeline(), root, contentDirs, caseStudyDirs }, logger, () => sharedPipeline().releaseBrowser());
        }
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
            caseStudyDirs,
            fullSizeBase: joinBase(config.base, '/diagrams/'),
            onErrors: (file, errors) => reportErrors?.(file, errors),
            keepGoing: command === 'dev',
          }),
        );
        injectScript('page-ssr', `import ${JSON.stringify(fileURLToPath(new URL('../diagrams.css', import.meta.url)))};`);
        injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('../scroll-to-entry.ts', import.meta.url)))};`);
      },
      'astro:config:done': async ({ logger }) => {
        // A case study without its Architecture Flow must stop the build before content sync
        // meets it; then it waits for the scan, to name every broken diagram at once.
        if (command !== 'build' || (await architectureFlowErrors({ root, contentDirs, caseStudyDirs })).length === 0) return;
        const failure = combineErrors((await contentRender?.errors()) ?? []);
        await closeSharedPipeline(logger);
        if (failure) throw failure;
      },
      'astro:server:setup': ({ server, logger }) => {
        const report = overlayReporter(server, logger);
        reportErrors = report;
        server.httpServer?.once('close', () => void closeSharedPipeline(logger));
        // Both wait for the first page to be served (dev-next-page.ts): it must not share the machine with them.
        afterNextPage(server, () => {
          // The first diagram edit must not wait for Chromium to start: open it (and warm Mermaid) now.
          // Only for `astro dev`: a build starts a server of its own too, and must not open a browser for it.
          if (command === 'dev') {
            const started = performance.now();
            void sharedPipeline()
              .warm()
              .then((ready) => ready && logger.info(`browser ready for diagram edits in ${Math.round(performance.now() - started)} ms`));
          }
          // Astro keeps a Markdown entry's last render across restarts, failed or not: look at
          // every diagram once at start, so a broken one is on the overlay from the first page.
          void renderContentDiagrams({ pipeline: sharedPipeline(), root, contentDirs, caseStudyDirs }).then(
            ({ errors }) => {
              for (const file of new Set(errors.map((error) => error.file))) report(file, errors.filter((error) => error.file === file));
            },
            // The browser failing (or closed by a sync that stopped early) must not take the server down:
            // each page's own render says what went wrong.
            (error: unknown) => logger.warn(`the start-up look at every diagram stopped: ${error instanceof Error ? error.message : String(error)}`),
          );
        });
      },
      'astro:server:done': async ({ logger }) => closeSharedPipeline(logger),
      'astro:build:start': async ({ logger }) => {
        // Content is synced and Vite is ready; the pages are next, and a broken diagram must stop them.
        const failure = combineErrors((await contentRender?.errors()) ?? []);
        if (failure) {
          await closeSharedPipeline(logger);
          throw failure;
        }
      },
      'astro:build:done': async ({ logger }) => closeSharedPipeline(logger),
    },
  };
}
