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
import { turned } from '../forms/direction.ts';
import { renderForms } from '../forms/forms.ts';
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
  /** Settles once the link-preview cards' turned flows are drawn too (a failure is the card's to report). */
  cardVariantsDrawn: Promise<void>;
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
  /** The case study's Architecture Flow turned, which its link-preview card also draws (astro/card.ts). */
  cardVariant: string | undefined;
}

async function scanFile(file: string, options: ScanOptions): Promise<FileScan> {
  const text = await readFile(file, 'utf8');
  let root: Root;
  try {
    root = parseDocument(text, formatOf(file));
  } catch {
    // Not valid MDX: Astro's own compile reports that, with its own location.
    return { diagrams: 0, errors: [], cardVariant: undefined };
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
  return { diagrams: fences.length, errors, cardVariant: flow?.fence ? turned(flow.fence.source) : undefined };
}

export async function renderContentDiagrams(options: ScanOptions): Promise<ScanReport> {
  const files = (await Promise.all(options.contentDirs.map(contentFiles))).flat();
  const scans = await Promise.all(files.map((file) => scanFile(file, options)));
  // Drawn after every page's diagrams, and not waited for: only the cards need them, and they
  // ask the pipeline, which hands them these renders while still in flight.
  const cardVariants = scans.flatMap(({ cardVariant }) => (cardVariant === undefined ? [] : [options.pipeline.render(cardVariant)]));
  return {
    files: files.length,
    diagrams: scans.reduce((total, scan) => total + scan.diagrams, 0),
    errors: scans.flatMap((scan) => scan.errors),
    cardVariantsDrawn: Promise.all(cardVariants).then(
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
