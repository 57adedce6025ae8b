/**
 * Reads a PDF the way the checks need it, with pdfjs-dist (Mozilla's PDF
 * engine, in Node): each page's size, its text runs and their sizes, the
 * colours it fills with, and how much of it is vector paths versus bitmaps.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface PdfTextRun {
  text: string;
  /** Font size in points. */
  size: number;
}

interface PdfPage {
  number: number;
  /** In points. */
  width: number;
  height: number;
  runs: PdfTextRun[];
  /** Whitespace-normalised text of the page. */
  text: string;
  /** Fill colours used, as lower-case #rrggbb. */
  fills: Set<string>;
  /** Bitmaps painted. */
  images: number;
  /** Vector paths drawn. */
  paths: number;
}

export interface PdfDocument {
  pages: PdfPage[];
  info: Record<string, unknown>;
}

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
]);
const PATH_OPS = new Set<number>([OPS.constructPath]);
const FILL_OPS = new Set<number>([OPS.setFillRGBColor]);

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

function hexColour(args: unknown[]): string | undefined {
  const [first] = args;
  if (typeof first === 'string') return first.toLowerCase();
  if (args.length >= 3 && args.every((value) => typeof value === 'number')) {
    return `#${(args as number[])
      .slice(0, 3)
      .map((value) =>
        Math.round(value <= 1 ? value * 255 : value)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  }
  return undefined;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const runs = content.items.flatMap((item) =>
      'str' in item && item.str.trim() !== '' ? [{ text: item.str, size: Math.hypot(item.transform[2], item.transform[3]) }] : [],
    );
    const operators = await page.getOperatorList();
    const fills = new Set<string>();
    let images = 0;
    let paths = 0;
    operators.fnArray.forEach((operator, index) => {
      if (IMAGE_OPS.has(operator)) images += 1;
      if (PATH_OPS.has(operator)) paths += 1;
      if (FILL_OPS.has(operator)) {
        const colour = hexColour(operators.argsArray[index] as unknown[]);
        if (colour) fills.add(colour);
      }
    });
    pages.push({ number, width, height, runs, text: normalise(runs.map((run) => run.text).join(' ')), fills, images, paths });
  }
  const info: Record<string, unknown> = Object.fromEntries(Object.entries((await document.getMetadata()).info));
  await document.destroy();
  return { pages, info };
}

interface PdfOutlineItem {
  title: string;
  /** 1-based page the entry opens at, when it resolves. */
  page: number | undefined;
  items: PdfOutlineItem[];
}

interface PdfLink {
  /** 1-based page the link is on. */
  from: number;
  /** A link inside the document: the page it goes to (undefined when it does not resolve). */
  to?: number | undefined;
  /** The named destination it asks for, if any. */
  name?: string | undefined;
  /** A link out of the document. */
  url?: string | undefined;
}

export interface PdfStructure {
  outline: PdfOutlineItem[];
  links: PdfLink[];
}

/** The document's outline (bookmarks) and every link annotation, with the pages they lead to. */
export async function readPdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pageOf = async (destination: unknown): Promise<number | undefined> => {
    const explicit = typeof destination === 'string' ? await document.getDestination(destination) : destination;
    const ref = Array.isArray(explicit) ? explicit[0] : undefined;
    if (ref === undefined || ref === null) return undefined;
    return typeof ref === 'number' ? ref + 1 : (await document.getPageIndex(ref as Parameters<typeof document.getPageIndex>[0])) + 1;
  };
  type RawItem = { title: string; dest: unknown; items: RawItem[] };
  const outlineOf = async (items: RawItem[] | null): Promise<PdfOutlineItem[]> =>
    Promise.all(
      (items ?? []).map(async (item) => ({
        title: normalise(item.title),
        page: await pageOf(item.dest),
        items: await outlineOf(item.items),
      })),
    );
  const outline = await outlineOf((await document.getOutline()) as RawItem[] | null);
  const links: PdfLink[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    for (const annotation of await (await document.getPage(number)).getAnnotations()) {
      if (annotation.subtype !== 'Link') continue;
      if (annotation.url) links.push({ from: number, url: annotation.url });
      else if (annotation.dest)
        links.push({
          from: number,
          name: typeof annotation.dest === 'string' ? annotation.dest : undefined,
          to: await pageOf(annotation.dest),
        });
    }
  }
  await document.destroy();
  return { outline, links };
}
