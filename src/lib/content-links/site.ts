/**
 * The two places a `Site` (check.ts) comes from: a finished build (Astro's
 * own list of the pages it generated, the files of public/, and each page's
 * ids read from its HTML) and a running dev server (asked page by page, as a
 * browser would, with Astro's routes for suggestions).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntegrationResolvedRoute } from 'astro';
import type { Site } from './check.ts';

const ID = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

export function idsInHtml(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((match) => match[1] ?? match[2] ?? match[3] ?? ''));
}

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
}

/**
 * From what astro:build:done says: the `pathname` of every page ('',
 * 'case-studies/x/') and the files each route wrote (endpoints: /rss.xml).
 */
export function builtSite(options: { pathnames: readonly string[]; routeFiles: readonly URL[]; outDir: string; publicDir: string }): Site {
  const written = options.routeFiles.map((url) => `/${relative(options.outDir, fileURLToPath(url)).split(sep).join('/')}`);
  const paths = new Set([
    ...options.pathnames.map((pathname) => `/${pathname}`),
    ...written.map((path) => path.replace(/(^|\/)index\.html$/, '$1')),
    ...filesUnder(options.publicDir),
  ]);
  const htmlFile = (path: string) => join(options.outDir, path.endsWith('/') ? `${path}index.html` : path);
  return {
    has: async (path) => paths.has(path),
    ids: async (path) => {
      const file = htmlFile(path);
      return existsSync(file) && /\.html?$/.test(file) ? idsInHtml(readFileSync(file, 'utf8')) : new Set();
    },
    paths: async () => [...paths],
  };
}

/** Asks the dev server at `origin` (base path included) for each page, as a browser would. */
export function devSite(options: {
  origin: URL;
  routes: readonly IntegrationResolvedRoute[];
  staticPaths: (route: IntegrationResolvedRoute) => Promise<readonly Record<string, string | undefined>[]>;
  publicDir: string;
}): Site {
  const pages = new Map<string, Promise<{ ok: boolean; html: string }>>();
  const page = (path: string) => {
    let response = pages.get(path);
    if (!response) {
      response = fetch(new URL(`.${path}`, options.origin), { redirect: 'follow' }).then(async (result) => ({
        ok: result.ok,
        html: (result.headers.get('content-type') ?? '').includes('html') ? await result.text() : '',
      }));
      pages.set(path, response);
    }
    return response;
  };
  return {
    has: async (path) => (await page(path)).ok,
    ids: async (path) => idsInHtml((await page(path)).html),
    paths: async () => {
      const routePaths = await Promise.all(
        options.routes
          .filter((route) => route.origin === 'project' && (route.type === 'page' || route.type === 'endpoint'))
          .map(async (route) => {
            const params = route.params.length === 0 ? [{}] : await options.staticPaths(route).catch(() => []);
            return params.map((values) => {
              const path = route.generate(values);
              return route.type === 'page' && !path.endsWith('/') ? `${path}/` : path;
            });
          }),
      );
      return [...routePaths.flat(), ...filesUnder(options.publicDir)];
    },
  };
}
