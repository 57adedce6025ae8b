/**
 * What goes into a case study's PDF besides the page itself: the page setup,
 * the running header and footer, the document's metadata, and the cache key.
 * Pure, so unit tests reach it; src/lib/print/integration.ts does the I/O.
 */
import { createHash } from 'node:crypto';
import { palette } from '../../design-tokens.ts';
import { escapeHtml } from '../html.ts';

/** Bump when the printing below changes what a cached PDF holds. */
const PDF_VERSION = '1';

/** The page is loaded at its own URL (requests are answered from dist/), so the header can print it. */
const muted = palette.light.muted;
const templateStyle = `font-family: "IBM Plex Sans", system-ui, sans-serif; font-size: 8pt; color: ${muted}; width: 100%; margin: 0 18mm; display: flex; justify-content: space-between; gap: 8mm;`;

/**
 * Options for Playwright's page.pdf(). The CSS @page rules (src/styles/print.css)
 * decide size and margins, A4 with room for Letter; the header and footer sit
 * in those margins.
 */
export function pdfOptions(author: string) {
  return {
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: true,
    tagged: true,
    outline: true,
    headerTemplate: `<div style='${templateStyle}'><span>${escapeHtml(author)}</span><span class="url"></span></div>`,
    footerTemplate: `<div style='${templateStyle} justify-content: flex-end;'><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
  } as const;
}

/** The document metadata, read from the page's own TechArticle JSON-LD: no second copy of any words. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string | undefined;
  keywords: string[];
  /** ISO 8601; a PDF without it carries no dates, so two builds give the same bytes. */
  modified?: string | undefined;
}

interface TechArticleLd {
  '@type'?: unknown;
  headline?: unknown;
  /** A ProfilePage's (the portfolio): its name is the title, its Person the author. */
  name?: unknown;
  mainEntity?: { name?: unknown; knowsAbout?: unknown };
  description?: unknown;
  author?: { name?: unknown };
  keywords?: unknown;
  dateModified?: unknown;
}

const JSON_LD = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g;

export function pdfMetadata(html: string): PdfMetadata {
  const blocks = [...html.matchAll(JSON_LD)].map((match) => JSON.parse(match[1] ?? '{}') as TechArticleLd);
  const article = blocks.find((data) => data['@type'] === 'TechArticle');
  const profile = blocks.find((data) => data['@type'] === 'ProfilePage');
  if (!article && profile && typeof profile.name === 'string' && typeof profile.mainEntity?.name === 'string') {
    return {
      title: profile.name,
      author: profile.mainEntity.name,
      subject: typeof profile.description === 'string' ? profile.description : undefined,
      keywords: Array.isArray(profile.mainEntity.knowsAbout) ? profile.mainEntity.knowsAbout.map(String) : [],
    };
  }
  if (!article || typeof article.headline !== 'string' || typeof article.author?.name !== 'string') {
    throw new Error(
      'A page that offers a PDF must carry TechArticle structured data with a headline and an author, or ProfilePage data naming its Person (src/lib/structured-data.ts).',
    );
  }
  return {
    title: article.headline,
    author: article.author.name,
    subject: typeof article.description === 'string' ? article.description : undefined,
    keywords: Array.isArray(article.keywords) ? article.keywords.map(String) : [],
    modified: typeof article.dateModified === 'string' ? article.dateModified : undefined,
  };
}

/** Where the page says its PDF lives: its <link rel="alternate" type="application/pdf">. */
export function pdfHref(html: string): string | undefined {
  const link = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((match) => match[0])
    .find((tag) => /rel="alternate"/.test(tag) && /type="application\/pdf"/.test(tag));
  return link ? /href="([^"]*)"/.exec(link)?.[1] : undefined;
}

/** Local files a page's look depends on: its stylesheets, and the fonts and images those pull in. */
export function stylesheetHrefs(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].flatMap((match) => /href="([^"]*)"/.exec(match[0])?.[1] ?? []);
}

export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((match) => match[1]!).filter((url) => !url.startsWith('data:'));
}

/** A content key: the page, everything it loads, the browser and the print settings. */
export function pdfCacheKey(parts: { html: string; assets: readonly Uint8Array[]; browser: string; author: string }): string {
  const hash = createHash('sha256')
    .update(PDF_VERSION)
    .update(parts.browser)
    .update(JSON.stringify(pdfOptions(parts.author)))
    .update(parts.html);
  for (const asset of parts.assets) hash.update(createHash('sha256').update(asset).digest());
  return hash.digest('hex');
}
