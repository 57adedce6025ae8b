/**
 * Page numbers for a composed document's contents (src/lib/print/compose.ts).
 * Chromium cannot number a link's target (no CSS target-counter), so the
 * document is printed once, the page each part starts on read back from the
 * PDF's named destinations (each part's id is one), and printed again with the
 * numbers beside the contents' entries. The contents sit on a sheet of their
 * own, so the numbers do not move what follows.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/** Each named destination of a PDF (an element id, for Chromium's PDFs) and the 1-based page it points at. */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageNumbers = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const found = new Map<string, number>();
  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const destination = document.context.lookup(value);
    const target = destination instanceof PDFArray ? destination.get(0) : undefined;
    const number = target instanceof PDFRef ? pageNumbers.get(target.toString()) : undefined;
    if (number !== undefined) found.set(decodeURIComponent(name.decodeText()), number);
  }
  return found;
}

/** The contents' entries (links to `#part-…`, marked `data-print-part`) with the page each part starts on after them. */
export function withPageNumbers(html: string, pages: ReadonlyMap<string, number>): string {
  return html.replace(/<a\b[^>]*\bdata-print-part\b[^>]*>[\s\S]*?<\/a>/g, (link) => {
    const target = /\shref="#([^"]+)"/.exec(link)?.[1];
    const page = target === undefined ? undefined : pages.get(target);
    return page === undefined ? link : `${link}<span class="portfolio__page" aria-label="page ${page}">${page}</span>`;
  });
}
