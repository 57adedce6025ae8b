/**
 * Internal links in content that go nowhere stop the build — and show in the
 * dev overlay — at the content file's line: the one entry point.
 *
 * - The Markdown plugin (plugin.ts) checks each file's local images as it
 *   compiles and adds the base path to its root-relative links; a build
 *   checks every file's images before anything is bundled.
 * - After a build, every link in the content folders is checked against the
 *   pages Astro generated and the files of public/ (check.ts, site.ts).
 * - In `astro dev`, the same checks run against the dev server once the first
 *   page is served and whenever a content file changes; problems go to the overlay.
 */
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import type { AstroIntegration, AstroIntegrationLogger, IntegrationResolvedRoute } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorPayload, ViteDevServer } from 'vite';
import { combineContentErrors, type ContentError } from '../content-error.ts';
import { afterNextPage } from '../dev-next-page.ts';
import { joinBase } from '../urls.ts';
import { deadLinks, type Site } from './check.ts';
import { documentReferences, type DocumentFormat } from './collect.ts';
import { contentReferencesPlugin, MISSING_IMAGES, missingImages } from './plugin.ts';
import { builtSite, devSite } from './site.ts';

export interface ContentLinksOptions {
  /** Folders (relative to the project root) whose Markdown/MDX links are checked. Default: ["content"]. */
  contentDirs?: string[];
}

const DEAD_LINKS = { what: 'links in content go nowhere', hint: 'Each link above has the nearest pages or ids that exist under it.' };

function contentFiles(directories: readonly string[]): string[] {
  return directories.flatMap((directory) =>
    existsSync(directory)
      ? readdirSync(directory, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
          .map((entry) => join(entry.parentPath, entry.name))
          .sort()
      : [],
  );
}

const formatOf = (file: string): DocumentFormat => (file.toLowerCase().endsWith('.mdx') ? 'mdx' : 'markdown');

async function checkContent(files: readonly string[], site: Site, root: string): Promise<ContentError[]> {
  const errors = await Promise.all(
    files.map((file) => deadLinks(file, documentReferences(readFileSync(file, 'utf8'), formatOf(file)), site, root)),
  );
  return errors.flat();
}

const imageErrors = (files: readonly string[], root: string) => files.flatMap((file) => missingImages(file, formatOf(file), root));

/** Dev only: the overlay shows the current problems (to every page opened later too), and a reload clears it once they are fixed. */
function overlay(server: ViteDevServer, logger: AstroIntegrationLogger) {
  let shown: ErrorPayload | undefined;
  server.ws.on('vite:client:connect', (_data, client) => {
    if (shown) client.send(shown);
  });
  return (errors: readonly ContentError[]) => {
    const failure = combineContentErrors(errors, { what: 'problems in content', hint: 'Each problem above says its fix under it.' });
    if (!failure) {
      if (shown) server.ws.send({ type: 'full-reload' });
      shown = undefined;
      return;
    }
    logger.error(`${failure.message}\n  ${failure.hint}`);
    shown = {
      type: 'error',
      err: {
        name: failure.name,
        message: failure.message,
        stack: '',
        hint: failure.hint,
        plugin: 'content-links',
        ...(failure.loc && { loc: failure.loc }),
      },
    };
    server.ws.send(shown);
  };
}

export default function contentLinks(options: ContentLinksOptions = {}): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  let publicDir = '';
  let contentDirs: string[] = [];
  let routes: IntegrationResolvedRoute[] = [];
  let command = 'build';

  return {
    name: 'portfolio:content-links',
    hooks: {
      'astro:config:setup': ({ config, command: astroCommand }) => {
        command = astroCommand;
        root = fileURLToPath(config.root);
        base = config.base;
        publicDir = fileURLToPath(config.publicDir);
        contentDirs = (options.contentDirs ?? ['content']).map((directory) => resolve(root, directory));
        const processor = config.markdown.processor;
        if (!isSatteriProcessor(processor)) {
          throw new Error(
            `The content-links integration hooks into the Sätteri Markdown processor, but markdown.processor is "${processor.name}".`,
          );
        }
        processor.options.mdastPlugins.push(contentReferencesPlugin({ root, base }));
      },
      'astro:config:done': () => {
        if (command !== 'build') return;
        // Before anything is bundled: left to the bundler, a missing image is reported at a line of compiled code.
        const failure = combineContentErrors(imageErrors(contentFiles(contentDirs), root), MISSING_IMAGES);
        if (failure) throw failure;
      },
      'astro:routes:resolved': ({ routes: resolved }) => {
        routes = resolved;
      },
      'astro:build:done': async ({ pages, assets, dir }) => {
        const site = builtSite({
          pathnames: pages.map((page) => page.pathname),
          routeFiles: [...assets.values()].flat(),
          outDir: fileURLToPath(dir),
          publicDir,
        });
        const failure = combineContentErrors(await checkContent(contentFiles(contentDirs), site, root), DEAD_LINKS);
        if (failure) throw failure;
      },
      'astro:server:setup': ({ server, logger }) => {
        const report = overlay(server, logger);
        const run = async () => {
          const local = server.resolvedUrls?.local[0];
          if (!local) return false;
          const site = devSite({
            origin: new URL(joinBase(base, '/'), new URL(local).origin),
            routes,
            publicDir,
            staticPaths: async (route) => {
              const runner = (server.environments.ssr as { runner?: { import(id: string): Promise<Record<string, unknown>> } }).runner;
              const module = await runner?.import(join(root, route.entrypoint));
              const getStaticPaths = module?.getStaticPaths as
                | ((options: object) => Promise<{ params: Record<string, string | undefined> }[]>)
                | undefined;
              return ((await getStaticPaths?.({ paginate: () => [], routePattern: route.pattern })) ?? []).map((path) => path.params);
            },
          });
          const files = contentFiles(contentDirs);
          report([...imageErrors(files, root), ...(await checkContent(files, site, root))]);
          return true;
        };
        // The first check says when it is done: the dev server's start-up work is over (npm run bench:dev waits for it).
        let started: number | undefined = performance.now();
        const checked = (ran: boolean) => {
          if (ran && started !== undefined) logger.info(`links in content checked in ${Math.round(performance.now() - started)} ms`);
          if (ran) started = undefined;
        };
        const isContent = (file: string) => /\.mdx?$/i.test(file) && contentDirs.some((directory) => file.startsWith(`${directory}/`));
        let pending: ReturnType<typeof setTimeout> | undefined;
        const schedule = (file?: string) => {
          if (file !== undefined && !isContent(file)) return;
          clearTimeout(pending);
          // Wait for the change to settle (Astro re-syncs the collection first), then for the page the
          // author is reloading: the check renders the pages that content links to.
          pending = setTimeout(
            () => afterNextPage(server, () => void run().then(checked, (error: unknown) => logger.error(String(error)))),
            300,
          );
        };
        schedule();
        server.watcher.on('change', schedule).on('add', schedule).on('unlink', schedule);
      },
    },
  };
}
