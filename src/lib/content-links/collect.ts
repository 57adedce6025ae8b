/**
 * What a Markdown/MDX file links to and which ids it gives its page: every
 * internal link (Markdown links and definitions, `href`s in JSX and raw HTML)
 * at the line and column the author wrote it, and the ids Astro gives its
 * headings (github-slugger over the heading's text, as Astro's Markdown
 * processor does) or the author gave an element.
 */
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';

export type DocumentFormat = 'markdown' | 'mdx';

export interface WrittenLink {
  /** As written: `/case-studies/x/#y`, `#y`, `/rss.xml`. */
  url: string;
  line: number;
  column: number;
}

export interface WrittenImage {
  /** As written, relative to the content file: `./chart.png`. */
  url: string;
  line: number;
  column: number;
}

export interface DocumentReferences {
  links: WrittenLink[];
  /** Local images (relative paths) the build will try to import. */
  images: WrittenImage[];
  /** Ids the document's own markup carries, headings first. */
  ids: Set<string>;
}

/** A link into this site: root-relative or a fragment of the same page (not `//host`, not a scheme). */
export function isInternal(url: string): boolean {
  return (url.startsWith('/') && !url.startsWith('//')) || url.startsWith('#');
}

/** A file next to the content that the build imports (not a URL, not a site path). */
function isLocalImage(url: string): boolean {
  return url !== '' && !url.startsWith('/') && !url.startsWith('#') && !/^[a-z][a-z\d+.-]*:/i.test(url);
}

const HTML_ATTRIBUTE = /\s(href|id)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function plainText(node: Nodes): string {
  if (node.type === 'image') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child: Nodes) => plainText(child)).join('');
  return '';
}

const NOTHING: DocumentReferences = { links: [], images: [], ids: new Set() };

/**
 * A file that does not parse has nothing to check here: its compile reports
 * the syntax error, at its line, and a crash here would hide that message.
 */
export function documentReferences(text: string, format: DocumentFormat): DocumentReferences {
  let tree: Root;
  try {
    tree = (format === 'mdx' ? mdxToMdast(text) : markdownToMdast(text)) as Root;
  } catch {
    return NOTHING;
  }
  const references: DocumentReferences = { links: [], images: [], ids: new Set() };
  const slugger = new GithubSlugger();
  const at = (node: Nodes) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'heading':
        references.ids.add(slugger.slug(plainText(node).trim()));
        break;
      case 'link':
      case 'definition':
        if (isInternal(node.url)) references.links.push({ url: node.url, ...at(node) });
        if (node.type === 'definition' && isLocalImage(node.url)) references.images.push({ url: node.url, ...at(node) });
        break;
      case 'image':
        if (isLocalImage(node.url)) references.images.push({ url: node.url, ...at(node) });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        for (const attribute of node.attributes) {
          if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
          if (attribute.name === 'href' && isInternal(attribute.value)) references.links.push({ url: attribute.value, ...at(node) });
          if (attribute.name === 'id') references.ids.add(attribute.value);
        }
        break;
      case 'html':
        for (const match of node.value.matchAll(HTML_ATTRIBUTE)) {
          const value = match[2] ?? match[3] ?? '';
          if (match[1]!.toLowerCase() === 'id') references.ids.add(value);
          else if (isInternal(value)) {
            const before = node.value.slice(0, match.index + 1);
            const line = at(node).line + before.split('\n').length - 1;
            references.links.push({
              url: value,
              line,
              column: before.includes('\n') ? before.length - before.lastIndexOf('\n') : at(node).column + before.length,
            });
          }
        }
        break;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return references;
}
