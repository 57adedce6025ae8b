/**
 * The Astro integration, as its hooks, each a few named steps: put the
 * Markdown hook first in the Sätteri processor, render every content diagram
 * while Astro starts its build (astro/content-render.ts), open the browser when
 * the dev server starts, feed the dev overlay, and close the browser when the
 * build or dev server ends. Config changes go through `updateConfig` only.
 */
import { isSatteriProcessor, satteri } from '@astrojs/markdown-satteri';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger, HookParameters } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { joinBase } from '../../urls.ts';
import { DEFAULT_CASE_STUDY_DIRS } from '../document/architecture-flow.ts';
import { combineErrors } from '../errors.ts';
import { cachedFigure } from './cached-figure.ts';
import { startContentRender, type ContentRender } from './content-render.ts';
import { architectureFlowErrors, renderContentDiagrams, type ScanOptions } from './content-scan.ts';
import { overlayReporter, type ErrorReporter } from './dev-overlay.ts';
import { mermaidMarkdownPlugin } from './markdown-plugin.ts';
import { installCachedFigureReader } from './process-globals.ts';
import { closeSharedPipeline, replaceSharedPipeline, sharedPipeline } from './shared-pipeline.ts';
import { afterNextPage } from '../../dev-next-page.ts';

export interface DiagramsOptions {
  /** Folders (relative to the project root) whose Markdown/MDX is rendered before the build. Default: ["content"]. */
  contentDirs?: string[];
  /** Folders of case studies, each of which must have an Architecture Flow diagram. Default: ["content/case-studies"]. */
  caseStudyDirs?: string[];
}

/** What the hooks share, settled in `astro:config:setup`. */
interface Settings {
  command: HookParameters<'astro:config:setup'>['command'];
  root: string;
  cacheDir: string;
  contentDirs: string[];
  caseStudyDirs: string[];
}

export function diagrams(options: DiagramsOptions = {}): AstroIntegration {
  let settings: Settings | undefined;
  let reportErrors: ErrorReporter | undefined;
  let contentRender: ContentRender | undefined;
  const scanOptions = (): Omit<ScanOptions, 'pipeline'> => {
    if (!settings) throw new Error('The diagrams integration was used before astro:config:setup.');
    return { root: settings.root, contentDirs: settings.contentDirs, caseStudyDirs: settings.caseStudyDirs };
  };

  return {
    name: 'portfolio:diagrams',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, injectScript, logger }) => {
        settings = resolveSettings(config, command, options);
        await startPipeline(settings);
        if (command === 'build') contentRender = startBuildScan(scanOptions(), logger);
        installCachedFigureReader(cachedFigure);
        updateConfig({ markdown: { processor: withMarkdownHook(config, settings, (file, errors) => reportErrors?.(file, errors)) } });
        injectScript('page-ssr', `import ${JSON.stringify(fileURLToPath(new URL('../diagrams.css', import.meta.url)))};`);
      },
      'astro:config:done': async ({ logger }) => {
        if (settings?.command === 'build') await stopOnMissingArchitectureFlow(scanOptions(), contentRender, logger);
      },
      'astro:server:setup': ({ server, logger }) => {
        const report = overlayReporter(server, logger);
        reportErrors = report;
        server.httpServer?.once('close', () => void closeSharedPipeline(logger));
        // Both wait for the first page to be served (dev-next-page.ts): it must not share the machine with them.
        afterNextPage(server, () => {
          // Only for `astro dev`: a build starts a server of its own too, and must not open a browser for it.
          if (settings?.command === 'dev') warmBrowser(logger);
          showContentErrorsOnOverlay(scanOptions(), report, logger);
        });
      },
      'astro:server:done': async ({ logger }) => closeSharedPipeline(logger),
      'astro:build:start': async ({ logger }) => failOnBrokenDiagrams(contentRender, logger),
      'astro:build:done': async ({ logger }) => closeSharedPipeline(logger),
    },
  };
}

function resolveSettings(config: AstroConfig, command: Settings['command'], options: DiagramsOptions): Settings {
  const root = fileURLToPath(config.root);
  return {
    command,
    root,
    cacheDir: fileURLToPath(new URL('diagrams/', config.cacheDir)),
    contentDirs: (options.contentDirs ?? ['content']).map((directory) => resolve(root, directory)),
    caseStudyDirs: (options.caseStudyDirs ?? DEFAULT_CASE_STUDY_DIRS).map((directory) => resolve(root, directory)),
  };
}

/** A fresh pipeline for this build or server, writing to Astro's cache folder. */
async function startPipeline({ root, cacheDir, command }: Settings): Promise<void> {
  await replaceSharedPipeline({
    root,
    cacheDir,
    // `astro sync`/`check` have no "done" hook to close the browser on.
    closeWhenIdleMs: command === 'build' || command === 'dev' ? undefined : 1000,
  });
}

/**
 * Chromium opens and draws while Astro loads, syncs content and prepares Vite; once every
 * content diagram is cached the browser goes, so bundling and page generation have its memory.
 */
function startBuildScan(scan: Omit<ScanOptions, 'pipeline'>, logger: AstroIntegrationLogger): ContentRender {
  return startContentRender({ pipeline: sharedPipeline(), ...scan }, logger, () => sharedPipeline().releaseBrowser());
}

/** The config's Sätteri processor, with the Markdown hook first in line, so the fence is a figure before any other plugin (or a highlighter) sees it. */
function withMarkdownHook(config: AstroConfig, { root, cacheDir, caseStudyDirs, command }: Settings, onErrors: ErrorReporter) {
  const processor = config.markdown.processor;
  if (!isSatteriProcessor(processor)) {
    throw new Error(
      `The diagrams integration hooks into the Sätteri Markdown processor, but markdown.processor is "${processor.name}". ` +
        'Remove markdown.processor from astro.config.mjs, or set it to satteri().',
    );
  }
  const hook = mermaidMarkdownPlugin({
    pipeline: sharedPipeline,
    cacheDir,
    root,
    caseStudyDirs,
    fullSizeBase: joinBase(config.base, '/diagrams/'),
    onErrors,
    // In dev a broken diagram is reported (the overlay, printed once), not thrown: a failed module is compiled again on every request.
    keepGoing: command === 'dev',
  });
  return satteri({ ...processor.options, mdastPlugins: [hook, ...processor.options.mdastPlugins] });
}

/**
 * A case study without its Architecture Flow must stop the build before content sync
 * meets it; then it waits for the scan, to name every broken diagram at once.
 */
async function stopOnMissingArchitectureFlow(
  scan: Omit<ScanOptions, 'pipeline'>,
  contentRender: ContentRender | undefined,
  logger: AstroIntegrationLogger,
): Promise<void> {
  if ((await architectureFlowErrors(scan)).length === 0) return;
  const failure = combineErrors((await contentRender?.errors()) ?? []);
  await closeSharedPipeline(logger);
  if (failure) throw failure;
}

/** The first diagram edit must not wait for Chromium to start: open it (and warm Mermaid) now. */
function warmBrowser(logger: AstroIntegrationLogger): void {
  const started = performance.now();
  void sharedPipeline()
    .warm()
    .then((ready) => ready && logger.info(`browser ready for diagram edits in ${Math.round(performance.now() - started)} ms`));
}

/**
 * Astro keeps a Markdown entry's last render across restarts, failed or not: look at
 * every diagram once at start, so a broken one is on the overlay from the first page.
 */
function showContentErrorsOnOverlay(scan: Omit<ScanOptions, 'pipeline'>, report: ErrorReporter, logger: AstroIntegrationLogger): void {
  void renderContentDiagrams({ pipeline: sharedPipeline(), ...scan }).then(
    ({ errors }) => {
      for (const file of new Set(errors.map((error) => error.file)))
        report(
          file,
          errors.filter((error) => error.file === file),
        );
    },
    // The browser failing (or closed by a sync that stopped early) must not take the server down:
    // each page's own render says what went wrong.
    (error: unknown) =>
      logger.warn(`the start-up look at every diagram stopped: ${error instanceof Error ? error.message : String(error)}`),
  );
}

/** Content is synced and Vite is ready; the pages are next, and a broken diagram must stop them. */
async function failOnBrokenDiagrams(contentRender: ContentRender | undefined, logger: AstroIntegrationLogger): Promise<void> {
  const failure = combineErrors((await contentRender?.errors()) ?? []);
  if (!failure) return;
  await closeSharedPipeline(logger);
  throw failure;
}
