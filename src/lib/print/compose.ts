/**
 * One document made of several pages, for /portfolio.pdf: a page whose links
 * carry `data-print-part` (the profile's table of contents) is printed with
 * each linked page's <main> after its own, each part opening a new sheet. The
 * contents' links then point inside the document (#part-<slug>), so the PDF's
 * links go to the page in the file, not to the web; the ids a part shares
 * with what came before it (a "Snapshot" heading, an "Architecture Flow"
 * section) are renamed to stay unique. Pure string work on the built HTML, so
 * unit tests reach it; src/lib/print/integration.ts reads and prints.
 */
import { escapeRegExp } from '../regexp.ts';

const PART_LINK = /<a\b[^>]*\bdata-print-part\b[^>]*>/g;
const ID = /\sid="([^"]+)"/g;

/** The pages a document is made of, in the order its contents lists them: each `data-print-part` link's href. */
export function partHrefs(html: string): string[] {
  const hrefs = [...html.matchAll(PART_LINK)].flatMap((match) => /\shref="([^"]+)"/.exec(match[0])?.[1] ?? []);
  return [...new Set(hrefs)];
}

/** The anchor a part opens with, from the last segment of its page's path: "/case-studies/cqrs-ledger/" → "part-cqrs-ledger". */
export function partId(href: string): string {
  const segment = href.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1) ?? 'page';
  return `part-${segment.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** The inside of a page's <main>, or the empty string. */
function mainContent(html: string): string {
  const open = /<main\b[^>]*>/.exec(html);
  const close = html.lastIndexOf('</main>');
  return open && close > open.index ? html.slice(open.index + open[0].length, close) : '';
}

/** Every id an HTML fragment declares. */
function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((match) => match[1]!));
}

/** Renames the ids of `html` that `taken` already holds to `<prefix>--<id>`, with every reference to them on the same fragment. */
export function renameTakenIds(html: string, taken: ReadonlySet<string>, prefix: string): string {
  const clashes = [...idsOf(html)].filter((id) => taken.has(id));
  let renamed = html;
  for (const id of clashes) {
    const to = `${prefix}--${id}`;
    const name = escapeRegExp(id);
    renamed = renamed
      .replace(new RegExp(`(\\s(?:id|for)=")${name}(")`, 'g'), `$1${to}$2`)
      .replace(new RegExp(`((?:\\shref|xlink:href)="#)${name}(")`, 'g'), `$1${to}$2`)
      .replace(new RegExp(`url\\(#${name}\\)`, 'g'), `url(#${to})`)
      .replace(new RegExp(`(\\saria-(?:labelledby|describedby|controls)="[^"]*?)(?<![\\w-])${name}(?![\\w-])`, 'g'), `$1${to}`);
  }
  return renamed;
}

/** The stylesheets a page links, as their whole <link> tags. */
const stylesheetLinks = (html: string) => [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((match) => match[0]);

/**
 * The document: `html` (the contents page) with each part's main content
 * appended in its own <section class="print-part">, the contents' links
 * pointing at those sections, every stylesheet the parts use in its head, and
 * no Content-Security-Policy meta tag (its hashes cover the contents page's
 * inline styles only; the printing browser loads nothing but dist/ anyway).
 */
export function composeDocument(html: string, parts: readonly { href: string; html: string }[]): string {
  let document = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '');
  const taken = idsOf(mainContent(document));
  const sections: string[] = [];
  const sheets = new Set(stylesheetLinks(document));
  const newSheets: string[] = [];
  for (const part of parts) {
    const id = partId(part.href);
    const content = renameTakenIds(mainContent(part.html), taken, id.slice('part-'.length));
    for (const each of idsOf(content)) taken.add(each);
    sections.push(`<section class="print-part" id="${id}">${content}</section>`);
    for (const sheet of stylesheetLinks(part.html)) {
      if (sheets.has(sheet)) continue;
      sheets.add(sheet);
      newSheets.push(sheet);
    }
    // The contents' links (and any other link to the part's page) go to the part in the document.
    document = document.replace(new RegExp(`(\\shref=")${escapeRegExp(part.href)}(")`, 'g'), `$1#${id}$2`);
  }
  const withParts = sections.map((section) => {
    let linked = section;
    for (const part of parts)
      linked = linked.replace(new RegExp(`(\\shref=")${escapeRegExp(part.href)}(")`, 'g'), `$1#${partId(part.href)}$2`);
    return linked;
  });
  document = document.replace('</head>', `${newSheets.join('')}</head>`);
  const close = document.lastIndexOf('</main>');
  return `${document.slice(0, close)}${withParts.join('')}${document.slice(close)}`;
}
