/**
 * Each page that offers a PDF (its <link rel="alternate" type="application/pdf">
 * — the case studies) is printed at the end of the build with the Chromium the
 * diagrams use, from its print stylesheet, and written where the link points.
 *
 * The page is loaded at its public URL, but every request is answered from
 * dist/ (anything else is refused): nothing leaves the machine, and the
 * running header prints the real address. PDFs are cached by content (the
 * page, its CSS and fonts, the browser, the settings), so a build whose pages
 * have not changed starts no browser.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.ts';
import { writeWhole } from '../write-whole.ts';
import { composeDocument, partHrefs } from './compose.ts';
import { destinationPages, withPageNumbers } from './contents.ts';
import { cssUrls, pdfCacheKey, pdfHref, pdfMetadata, pdfOptions, stylesheetHrefs, type PdfMetadata } from './pdf.ts';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Sets the metadata Chromium cannot (author, subject, keywords) and replaces its clock-time dates, for byte-identical builds. */
async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  if (metadata.subject) document.setSubject(metadata.subject);
  document.setKeywords(metadata.keywords);
  if (metadata.modified) {
    document.setCreationDate(new Date(metadata.modified));
    document.setModificationDate(new Date(metadata.modified));
  } else {
    const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  return document.save({ useObjectStreams: false });
}

async function htmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.html')).sort();
}

export default function caseStudyPdfs(): AstroIntegration {
  let site: URL | undefined;
  let base = '/';
  let cacheDir = '';
  return {
    name: 'portfolio:print',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base;
        cacheDir = fileURLToPath(new URL('pdf/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const origin = site?.origin ?? 'http://localhost';
        const basePath = base.endsWith('/') ? base : `${base}/`;
        /** A URL path on the site → its file in dist/, or undefined for anything outside the site. */
        const distFile = (pathname: string) => {
          if (!pathname.startsWith(basePath)) return undefined;
          const path = posix.normalize(decodeURIComponent(pathname.slice(basePath.length)));
          if (path.startsWith('..')) return undefined;
          return join(dist, path.endsWith('/') || path === '.' ? join(path, 'index.html') : path);
        };

        const started = performance.now();
        let browser: Promise<Browser> | undefined;
        let browserVersion: string | undefined;
        const stats = { printed: 0, cacheHits: 0, launches: 0 };
        try {
          for (const page of await htmlFiles(dist)) {
            const own = await readFile(join(dist, page), 'utf8');
            const href = pdfHref(own);
            if (!href) continue;
            const pageUrl = new URL(posix.join(basePath, page.replace(/(^|\/)index\.html$/, '$1')), origin);
            const target = distFile(new URL(href, pageUrl).pathname);
            if (!target) throw new Error(`${page}: its PDF link ${href} points outside the site.`);
            // A page that lists parts (the portfolio) is printed with each part after it, as one document.
            const parts = await Promise.all(
              partHrefs(own).map(async (part) => {
                const file = distFile(new URL(part, pageUrl).pathname);
                const partHtml = file
                  ? await readFile(file.endsWith('.html') ? file : join(file, 'index.html'), 'utf8').catch(() => undefined)
                  : undefined;
                if (partHtml === undefined) throw new Error(`${page}: its part ${part} is no page of the site.`);
                return { href: part, html: partHtml };
              }),
            );
            const html = parts.length > 0 ? composeDocument(own, parts) : own;

            const stylesheets = stylesheetHrefs(html).map((sheet) => new URL(sheet, pageUrl));
            const assets: Uint8Array[] = [];
            for (const sheet of stylesheets) {
              const css = await readFile(distFile(sheet.pathname) ?? '', 'utf8');
              assets.push(Buffer.from(css));
              for (const url of cssUrls(css)) assets.push(await readFile(distFile(new URL(url, sheet).pathname) ?? ''));
            }
            browserVersion ??= execFileSync(chromiumLaunchOptions().executablePath, ['--version'], {
              encoding: 'utf8',
              stdio: ['ignore', 'pipe', 'ignore'],
            }).trim();
            const metadata = pdfMetadata(html);
            const key = pdfCacheKey({ html, assets, browser: browserVersion, author: metadata.author });
            const cached = join(cacheDir, `${key}.pdf`);
            await mkdir(dirname(target), { recursive: true });
            try {
              await copyFile(cached, target);
              stats.cacheHits += 1;
              continue;
            } catch {
              // Not printed yet: print it below.
            }

            browser ??= chromium.launch(chromiumLaunchOptions()).then((launched) => {
              stats.launches += 1;
              return launched;
            });
            const context = await (await browser).newContext({ colorScheme: 'light', locale: 'en-GB', timezoneId: 'UTC' });
            let served = html;
            await context.route('**/*', async (route) => {
              const url = new URL(route.request().url());
              if (url.href === pageUrl.href) return route.fulfill({ body: served, contentType: 'text/html; charset=utf-8' });
              const file = url.origin === origin ? distFile(url.pathname) : undefined;
              const body = file ? await readFile(file).catch(() => undefined) : undefined;
              if (!body) return route.abort('blockedbyclient');
              return route.fulfill({ body, contentType: MIME_TYPES[posix.extname(file!)] ?? 'application/octet-stream' });
            });
            const tab = await context.newPage();
            await tab.emulateMedia({ media: 'print' });
            const print = async () => {
              await tab.goto(pageUrl.href, { waitUntil: 'load' });
              await tab.evaluate(() => document.fonts.ready);
              return tab.pdf(pdfOptions(metadata.author));
            };
            let printed = await print();
            if (parts.length > 0) {
              // Once more, with the page each part starts on beside its entry in the contents.
              served = withPageNumbers(html, await destinationPages(printed));
              printed = await print();
            }
            const pdf = await withMetadata(printed, metadata);
            await context.close();

            await mkdir(cacheDir, { recursive: true });
            await writeWhole(cached, pdf);
            await copyFile(cached, target);
            stats.printed += 1;
          }
        } finally {
          if (browser) await (await browser).close();
        }
        if (stats.printed + stats.cacheHits > 0) {
          logger.info(
            `${stats.printed} PDF(s) printed, ${stats.cacheHits} from cache, browser started ${stats.launches} time(s), in ${Math.round(performance.now() - started)} ms`,
          );
        }
      },
    },
  };
}
