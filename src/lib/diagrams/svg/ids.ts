/**
 * Deterministic, page-unique ids.
 *
 * A diagram's root id comes from its cache key (render/cache-key.ts). Every
 * other id Mermaid writes — its own counters, node names that repeat across
 * diagrams, Iconify's random `IconifyId…` prefixes —
 * is renamed to `<root>-<n>` in document order, and every reference to it
 * (url(#…), href, aria-*, CSS selectors) follows. Two builds give the same
 * bytes, and two diagrams never share an id.
 */
import { rewriteStyleSheets, START_TAG } from './patterns.ts';

const ID_ATTRIBUTE = /(\sid=")([^"]*)(")/g;
const ID_LIST_ATTRIBUTES = /(\s(?:aria-labelledby|aria-describedby|aria-controls|aria-owns|aria-activedescendant|for)=")([^"]*)(")/g;
const HREF_ATTRIBUTES = /(\s(?:href|xlink:href)="#)([^"]*)(")/g;
/** `url(#x)`, `url("#x")`, and in an attribute `url(&quot;#x&quot;)`. */
const URL_REFERENCE = /url\((['"]|&quot;)?#([^'")&]+)\1\)/g;
const CSS_ID_SELECTOR = /#(-?[_a-zA-Z][-\w]*)/g;

/**
 * Renames every id in `svg` to `${rootId}-<n>` (the root element keeps
 * `rootId`) and rewrites the references to them. A duplicate id — Mermaid
 * writes a few — gets a name of its own; references keep pointing at the
 * first, as they did.
 */
export function scopeIds(svg: string, rootId: string): string {
  const renamed = new Map<string, string>();
  let counter = 0;
  const withNewIds = svg.replace(START_TAG, (tag) =>
    tag.replace(ID_ATTRIBUTE, (_, open: string, id: string, close: string) => {
      const fresh = id === rootId && !renamed.has(id) ? rootId : `${rootId}-${counter++}`;
      if (!renamed.has(id)) renamed.set(id, fresh);
      return `${open}${fresh}${close}`;
    }),
  );
  const lookup = (id: string) => renamed.get(id) ?? id;
  const rewriteUrls = (text: string) =>
    text.replace(URL_REFERENCE, (_, quote: string | undefined, id: string) => `url(${quote ?? ''}#${lookup(id)}${quote ?? ''})`);

  const withReferences = withNewIds.replace(START_TAG, (tag) =>
    rewriteUrls(
      tag
        .replace(HREF_ATTRIBUTES, (_, open: string, id: string, close: string) => `${open}${lookup(id)}${close}`)
        .replace(
          ID_LIST_ATTRIBUTES,
          (_, open: string, ids: string, close: string) => `${open}${ids.split(/\s+/).filter(Boolean).map(lookup).join(' ')}${close}`,
        ),
    ),
  );
  return rewriteStyleSheets(withReferences, (css) =>
    rewriteUrls(css).replace(
      /([^{}]*)(\{[^{}]*\})/g,
      (_match, selector: string, body: string) =>
        `${selector.replace(CSS_ID_SELECTOR, (whole, id: string) => (renamed.has(id) ? `#${lookup(id)}` : whole))}${body}`,
    ),
  );
}

/**
 * The same diagram shown twice on one page (a case study's Architecture Flow
 * in the hero card and again in its snapshot card) needs two sets of ids.
 * Every id already starts with the root id, so one replacement does it.
 */
export function withInstanceSuffix(svg: string, rootId: string, suffix: string): string {
  return suffix === '' ? svg : svg.replaceAll(rootId, `${rootId}-${suffix}`);
}

/**
 * The one scheme for those suffixes. A document's repeats of one diagram count
 * from its second use ("2", "3"…); a card's uses count per page ("card1",
 * "card2"…), so a card never meets a document's ids on the same page.
 */
export function instanceSuffix(use: { kind: 'repeat' | 'card'; count: number }): string | undefined {
  if (use.kind === 'card') return `card${use.count}`;
  return use.count === 1 ? undefined : String(use.count);
}
