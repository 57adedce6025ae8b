/**
 * The build's first step: every diagram in the content folders, rendered in
 * one stream before Astro starts on the pages.
 *
 * Two reasons. Astro logs and then skips a content-collection Markdown entry
 * whose render throws, so a broken diagram in a `.md` entry would not fail the
 * build on its own — here it does, with every broken diagram listed at once.
 * And one long queue keeps Chromium busy from the first diagram to the last,
 * which is what keeps a cold build near Mermaid's own cost per diagram.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Root } from 'mdast';
import { join } from 'node:path';
import { checkArchitectureFlow, isCaseStudy } from '../document/architecture-flow.ts';
import { formatOf, mermaidFences, parseDocument } from '../document/parse.ts';
import { locateFailure, type DiagramError } from '../errors.ts';
import { renderForms } from '../forms/forms.ts';
import { mainPathCard } from '../forms/main-path-card.ts';
import type { DiagramRenderer } from '../types.ts';

export interface ScanOptions {
  pipeline: DiagramRenderer;
  root: string;
  /** Absolute directories whose .md/.mdx files are scanned. */
  contentDirs: readonly string[];
  /** Absolute directories of case studies (each must have an Architecture Flow diagram). */
  caseStudyDirs: readonly string[];
}

export interface ScanReport {
  files: number;
  diagrams: number;
  errors: DiagramError[];
  /** Settles once the link-preview cards' main paths are drawn too (a failure is the card's to report). */
  cardRowsDrawn: Promise<void>;
}

async function contentFiles(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

interface FileScan {
  diagrams: number;
  errors: DiagramError[];
  /** The rows of the case study's main path, which its link-preview card draws (astro/card.ts). */
  cardRows: string[];
}

async function scanFile(file: string, options: ScanOptions): Promise<FileScan> {
  const text = await readFile(file, 'utf8');
  let root: Root;
  try {
    root = parseDocument(text, formatOf(file));
  } catch {
    // Not valid MDX: Astro's own compile reports that, with its own location.
    return { diagrams: 0, errors: [], cardRows: [] };
  }
  const flow = isCaseStudy(file, options.caseStudyDirs) ? checkArchitectureFlow(root, file, { root: options.root }) : undefined;
  const errors: DiagramError[] = [...(flow?.errors ?? [])];
  const fences = mermaidFences(root);
  // The Architecture Flow's forms include the cards' (astro/card.ts), so those are cache hits too.
  const isFlow = (fence: (typeof fences)[number]) => flow?.fence?.line === fence.line;
  const results = await Promise.all(
    fences.map((fence) => renderForms(options.pipeline, fence.source, fence.meta, { architectureFlow: isFlow(fence) })),
  );
  results.forEach((result, index) => {
    const fence = fences[index];
    if (!result.ok && fence) errors.push(locateFailure(result.failure, { file, fenceLine: fence.line }, options.root));
  });
  const cardRows: string[] = [];
  // A main path the link-preview card cannot draw fails the build here, with every other broken diagram.
  const flowFence = flow?.fence;
  if (flowFence && results[fences.findIndex(isFlow)]?.ok) {
    // The author's drawing, which renderForms has just drawn: from the cache.
    const author = await options.pipeline.render(flowFence.source);
    const card = mainPathCard(flowFence.source, author.ok ? author.diagram.graph : undefined);
    if (card.ok) cardRows.push(...card.layouts.flatMap((layout) => layout.rows));
    else errors.push(locateFailure(card.failure, { file, fenceLine: flowFence.line }, options.root));
  }
  return { diagrams: fences.length, errors, cardRows };
}

export async function renderContentDiagrams(options: ScanOptions): Promise<ScanReport> {
  const files = (await Promise.all(options.contentDirs.map(contentFiles))).flat();
  const scans = await Promise.all(files.map((file) => scanFile(file, options)));
  // Drawn after every page's diagrams, and not waited for: only the cards need them, and they
  // ask the pipeline, which hands them these renders while still in flight.
  const cardRows = scans.flatMap((scan) => scan.cardRows.map((source) => options.pipeline.render(source)));
  return {
    files: files.length,
    diagrams: scans.reduce((total, scan) => total + scan.diagrams, 0),
    errors: scans.flatMap((scan) => scan.errors),
    cardRowsDrawn: Promise.all(cardRows).then(
      () => undefined,
      () => undefined,
    ),
  };
}

/**
 * Only the Architecture Flow rule, without rendering: quick enough to wait for
 * before Astro syncs content (whose MDX pass does not survive a failing case study).
 */
export async function architectureFlowErrors(options: Omit<ScanOptions, 'pipeline'>): Promise<DiagramError[]> {
  const files = (await Promise.all(options.caseStudyDirs.map(contentFiles))).flat();
  const errors = await Promise.all(
    files.map(async (file) => {
      try {
        return checkArchitectureFlow(parseDocument(await readFile(file, 'utf8'), formatOf(file)), file, { root: options.root }).errors;
      } catch {
        // Not valid MDX: Astro's own compile reports that.
        return [];
      }
    }),
  );
  return errors.flat();
}
