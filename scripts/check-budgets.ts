/**
 * Page-weight budgets over the built site, gzip-compressed as a host sends it:
 *
 *   client JS per page                          ≤ 1 KB   (a theme toggle, nothing more)
 *   CSS per page                                ≤ 12 KB
 *   a page's HTML before its first diagram      ≤ 14 KB  (what arrives in the first round trip)
 *   a page in total, fonts excluded             ≤ 100 KB
 *   font files preloaded                        ≤ 2
 *
 * Prints every page's figures as a table and exits non-zero naming each
 * figure over its budget. Usage: node scripts/check-budgets.ts [dist]
 */
import { globSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

const KB = 1024;

interface Budget {
  label: string;
  limit: number;
  unit: 'bytes' | 'files';
}

const budgets = {
  js: { label: 'JS', limit: 1 * KB, unit: 'bytes' },
  css: { label: 'CSS', limit: 12 * KB, unit: 'bytes' },
  firstDiagram: { label: 'HTML before 1st diagram', limit: 14 * KB, unit: 'bytes' },
  total: { label: 'Total (no fonts)', limit: 100 * KB, unit: 'bytes' },
  fonts: { label: 'Fonts preloaded', limit: 2, unit: 'files' },
} satisfies Record<string, Budget>;

type Figures = Record<keyof typeof budgets, number>;

const EXECUTABLE_SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const gzipped = (content: string | Buffer) => gzipSync(content).length;

/** What one HTML page pulls in, read from its markup. */
interface PageParts {
  scriptFiles: string[];
  inlineScripts: string[];
  stylesheetFiles: string[];
  inlineStyles: string[];
  imageFiles: string[];
  preloadedFonts: number;
  /** Offset in the HTML where the first figure holding an SVG (a diagram) starts. */
  firstDiagramAt: number | undefined;
}

function readPage(html: string): PageParts {
  const parts: PageParts = {
    scriptFiles: [],
    inlineScripts: [],
    stylesheetFiles: [],
    inlineStyles: [],
    imageFiles: [],
    preloadedFonts: 0,
    firstDiagramAt: undefined,
  };
  const openFigures: number[] = [];
  let svgDepth = 0;
  let inlineText: string[] | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
        if (name === 'figure') openFigures.push(parser.startIndex);
        if (name === 'svg') {
          if (svgDepth === 0 && openFigures.length > 0) parts.firstDiagramAt ??= openFigures[0];
          svgDepth += 1;
        }
        if (name === 'script' && EXECUTABLE_SCRIPT_TYPES.has(attributes['type'] ?? '')) {
          if (attributes['src']) parts.scriptFiles.push(attributes['src']);
          else inlineText = parts.inlineScripts;
        }
        // A diagram's own <style> is part of the diagram (and the HTML), not of the site's CSS.
        if (name === 'style' && svgDepth === 0) inlineText = parts.inlineStyles;
        if (name === 'link' && attributes['href']) {
          if (rel.includes('stylesheet')) parts.stylesheetFiles.push(attributes['href']);
          if (rel.includes('icon')) parts.imageFiles.push(attributes['href']);
          if (rel.includes('preload') && attributes['as'] === 'font') parts.preloadedFonts += 1;
        }
        if (name === 'img' && attributes['src']) parts.imageFiles.push(attributes['src']);
      },
      ontext(text) {
        if (inlineText) inlineText.push(text);
      },
      onclosetag(name) {
        if (name === 'figure') openFigures.pop();
        if (name === 'svg') svgDepth -= 1;
        if (name === 'script' || name === 'style') inlineText = undefined;
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.end(html);
  return parts;
}

/** The page's URL path: "writing/index.html" → "/writing/". */
const urlPath = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

function measure(dist: string, pageFile: string): Figures {
  const html = readFileSync(join(dist, pageFile), 'utf8');
  const parts = readPage(html);
  const file = (href: string) =>
    readFileSync(join(dist, decodeURIComponent(posix.normalize(new URL(href, `http://site${urlPath(pageFile)}`).pathname))));
  const sum = (sizes: number[]) => sizes.reduce((total, size) => total + size, 0);

  const js = sum([...parts.scriptFiles.map((href) => gzipped(file(href))), ...parts.inlineScripts.map(gzipped)]);
  const stylesheets = sum(parts.stylesheetFiles.map((href) => gzipped(file(href))));
  const css = stylesheets + sum(parts.inlineStyles.map(gzipped));
  const images = sum(parts.imageFiles.map((href) => gzipped(file(href))));
  const htmlSize = gzipped(html);
  return {
    js,
    css,
    firstDiagram: parts.firstDiagramAt === undefined ? htmlSize : gzipped(html.slice(0, parts.firstDiagramAt)),
    // Inline scripts and styles are already inside the HTML.
    total: htmlSize + sum(parts.scriptFiles.map((href) => gzipped(file(href)))) + stylesheets + images,
    fonts: parts.preloadedFonts,
  };
}

const format = (value: number, unit: Budget['unit']) => (unit === 'files' ? String(value) : `${(value / KB).toFixed(2)} KB`);

function printTable(rows: [string, Figures][]): void {
  const keys = Object.keys(budgets) as (keyof typeof budgets)[];
  const header = ['Page', ...keys.map((key) => `${budgets[key].label} (≤ ${format(budgets[key].limit, budgets[key].unit)})`)];
  const body = rows.map(([page, figures]) => [
    page,
    ...keys.map((key) => `${format(figures[key], budgets[key].unit)}${figures[key] > budgets[key].limit ? ' ✗' : ''}`),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  console.log(
    [
      line(header),
      `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
      ...body.map(line),
    ].join('\n'),
  );
}

const dist = process.argv[2] ?? 'dist';
const pages = globSync('**/*.html', { cwd: dist }).sort();
if (pages.length === 0) {
  console.error(`budgets: no HTML pages in ${dist}/ — build the site first (npm run build).`);
  process.exit(1);
}
const rows = pages.map((page) => [urlPath(page), measure(dist, page)] as [string, Figures]);
printTable(rows);

const over = rows.flatMap(([page, figures]) =>
  (Object.keys(budgets) as (keyof typeof budgets)[])
    .filter((key) => figures[key] > budgets[key].limit)
    .map(
      (key) =>
        `${page}: ${budgets[key].label} is ${format(figures[key], budgets[key].unit)}, over its budget of ${format(budgets[key].limit, budgets[key].unit)}`,
    ),
);
if (over.length > 0) {
  console.error(`\nbudgets: ${over.length} over budget\n  ${over.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nbudgets: all ${pages.length} pages within budget`);
