/**
 * Checks the internal links written in content against the site: the page
 * (or file) must exist, and a #fragment must be an id on that page. A dead
 * link is reported at the content file's line and column, with the nearest
 * pages or ids that do exist.
 */
import { ContentError, nearest } from '../content-error.ts';
import type { DocumentReferences, WrittenLink } from './collect.ts';

/** What the site holds, asked of the build output or the dev server. Paths are root-relative, without the base path. */
export interface Site {
  has(path: string): Promise<boolean>;
  /** Ids on the HTML page at `path` (empty for a file that is not a page). */
  ids(path: string): Promise<ReadonlySet<string>>;
  /** Every known page and file, for suggestions. */
  paths(): Promise<readonly string[]>;
}

interface Target {
  /** Undefined for `#fragment` on the page itself. */
  path: string | undefined;
  fragment: string | undefined;
}

function parseTarget(url: string): Target {
  const hashAt = url.indexOf('#');
  const withoutHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const path = decodeURI(withoutHash.split('?')[0]!);
  const fragment = hashAt < 0 ? undefined : decodeURIComponent(url.slice(hashAt + 1));
  return { path: path === '' ? undefined : path, fragment: fragment === '' ? undefined : fragment };
}

/** The path as the site has it: `/x` and `/x/index.html` are the page `/x/`. */
async function resolvePath(site: Site, path: string): Promise<string | undefined> {
  const candidates = [path, path.replace(/index\.html$/, ''), path.endsWith('/') ? path : `${path}/`];
  for (const candidate of candidates) if (await site.has(candidate)) return candidate;
  return undefined;
}

const PATH_HINT = "Write the page's path from the site root (/case-studies/<slug>/), without the base path: the build adds it.";

export async function deadLinks(file: string, document: DocumentReferences, site: Site, root: string): Promise<ContentError[]> {
  const errors: ContentError[] = [];
  const fail = (link: WrittenLink, message: string, hint: string) =>
    errors.push(new ContentError({ file, line: link.line, column: link.column }, message, hint, root));

  for (const link of document.links) {
    const { path, fragment } = parseTarget(link.url);
    if (path === undefined) {
      if (fragment !== undefined && !document.ids.has(fragment)) {
        const close = nearest(fragment, document.ids).map((id) => `#${id}`);
        fail(link, `the link "${link.url}" points at #${fragment}, which no heading or element of this file has.`, idsHint(close));
      }
      continue;
    }
    const page = await resolvePath(site, path);
    if (page === undefined) {
      const close = nearest(path, await site.paths());
      fail(link, `the link "${link.url}" goes to no page or file of this site.`, `Nearest pages: ${close.join(', ')}. ${PATH_HINT}`);
      continue;
    }
    if (fragment !== undefined) {
      const ids = await site.ids(page);
      if (!ids.has(fragment)) {
        const close = nearest(fragment, ids).map((id) => `#${id}`);
        fail(link, `the link "${link.url}" points at #${fragment}, which ${page} does not have.`, idsHint(close));
      }
    }
  }
  return errors;
}

function idsHint(close: readonly string[]): string {
  const known = close.length > 0 ? `Nearest ids there: ${close.join(', ')}. ` : '';
  return `${known}A heading's id is its text in lower case with dashes: "## Token buckets" is #token-buckets.`;
}
