/**
 * The rule "every case study has an Architecture Flow", whole: which files are
 * case studies, which fence is a case study's Architecture Flow, and the error
 * an author gets when there is none. The Markdown hook, the content scan and
 * the card all ask checkArchitectureFlow().
 */
import { resolve } from 'node:path';
import type { Heading, Nodes, Root } from 'mdast';
import { DiagramError } from '../errors.ts';
import { fenceOf, isMermaidFence, mermaidFences, parseDocument, plainText, type MermaidFence } from './parse.ts';
import { bodyLineOffset } from './source-file.ts';

const ARCHITECTURE_FLOW_HEADING = 'Architecture Flow';

/** Where case studies live, relative to the project root, unless the integration is told otherwise. */
export const DEFAULT_CASE_STUDY_DIRS = ['content/case-studies'];

const HINT = 'Add a "## Architecture Flow" section whose first block is a ```mermaid fence showing the system\'s components.';

/** Whether `file` is a case study: it lies under one of the (absolute) case-study folders. */
export const isCaseStudy = (file: string, caseStudyDirs: readonly string[]) =>
  caseStudyDirs.some((directory) => file.startsWith(directory.endsWith('/') ? directory : `${directory}/`));

const isArchitectureFlowHeading = (node: Nodes): node is Heading =>
  node.type === 'heading' && plainText(node).trim().toLowerCase() === ARCHITECTURE_FLOW_HEADING.toLowerCase();

export type ArchitectureFlow = { ok: true; fence: MermaidFence } | { ok: false; line: number; reason: string };

/**
 * A case study's Architecture Flow: the fence that opens its
 * "## Architecture Flow" section, or — when there is no such section — its
 * first mermaid fence. A section that opens with anything else, or a case
 * study with no diagram at all, is an error the author has to fix.
 */
export function architectureFlow(root: Root): ArchitectureFlow {
  const sectionIndex = root.children.findIndex((node) => isArchitectureFlowHeading(node));
  if (sectionIndex >= 0) {
    const heading = root.children[sectionIndex];
    const firstBlock = root.children[sectionIndex + 1];
    if (firstBlock && isMermaidFence(firstBlock)) return { ok: true, fence: fenceOf(firstBlock, ARCHITECTURE_FLOW_HEADING) };
    return {
      ok: false,
      line: heading?.position?.start.line ?? 1,
      reason: `The "${ARCHITECTURE_FLOW_HEADING}" section must open with its \`\`\`mermaid diagram, but it opens with ${
        firstBlock ? `a ${firstBlock.type}` : 'nothing'
      }.`,
    };
  }
  const [first] = mermaidFences(root);
  if (first) return { ok: true, fence: first };
  return { ok: false, line: 1, reason: 'This case study has no Architecture Flow diagram (no ```mermaid fence).' };
}

function missingArchitectureFlow(file: string, line: number, reason: string, root: string | undefined): DiagramError {
  return new DiagramError({
    problem: 'missing-architecture-flow',
    file,
    line,
    fenceLine: undefined,
    diagramLine: undefined,
    reason,
    hint: HINT,
    root,
  });
}

export interface ArchitectureFlowCheck {
  /** The case study's Architecture Flow; `undefined` when it breaks the rule. */
  fence: MermaidFence | undefined;
  /** What the author must fix: nothing, or the one error naming the file and line. */
  errors: DiagramError[];
}

export interface ArchitectureFlowCheckOptions {
  /** Added to the tree's lines to make them file lines (a collection entry's body has lost its front matter). */
  lineOffset?: number | undefined;
  /** The project root, for the path in the message. */
  root?: string | undefined;
  /**
   * For a tree parsed without positions (the Markdown hook's): the document parsed again
   * with them, and its line offset, asked for only when the rule is broken.
   */
  locate?: (() => { tree: Root; lineOffset: number }) | undefined;
}

/**
 * The Architecture Flow rule for one case study, in the one place every caller
 * asks (the Markdown hook, the content scan and its quick pre-sync check, the
 * card): its fence, or the error an author gets.
 */
export function checkArchitectureFlow(tree: Root, file: string, options: ArchitectureFlowCheckOptions = {}): ArchitectureFlowCheck {
  const flow = architectureFlow(tree);
  if (flow.ok) return { fence: flow.fence, errors: [] };
  const located = options.locate?.();
  const relocated = located ? architectureFlow(located.tree) : flow;
  const { line, reason } = relocated.ok ? flow : relocated;
  const lineOffset = located ? located.lineOffset : (options.lineOffset ?? 0);
  return { fence: undefined, errors: [missingArchitectureFlow(file, line + lineOffset, reason, options.root)] };
}

/** A case-study collection entry, as Astro's glob loader gives it. */
export interface CaseStudyEntry {
  id: string;
  body?: string | undefined;
  /** Relative to the project root. */
  filePath?: string | undefined;
}

export interface EntryArchitectureFlow {
  fence: MermaidFence;
  file: string;
  /** From the entry's body lines to its file's. */
  lineOffset: number;
}

/**
 * A case-study entry's Architecture Flow fence, its file, and the line offset
 * from its body to that file; `undefined` when it has none.
 */
export function findEntryArchitectureFlow(entry: CaseStudyEntry, root: string): EntryArchitectureFlow | undefined {
  const { check, file, lineOffset } = readEntry(entry, root);
  return check.fence ? { fence: check.fence, file, lineOffset } : undefined;
}

/** As findEntryArchitectureFlow, but an entry without one is the author's error, thrown. */
export function entryArchitectureFlow(entry: CaseStudyEntry, root: string): EntryArchitectureFlow {
  const { check, file, lineOffset } = readEntry(entry, root);
  if (!check.fence) throw check.errors[0];
  return { fence: check.fence, file, lineOffset };
}

function readEntry(entry: CaseStudyEntry, root: string): { check: ArchitectureFlowCheck; file: string; lineOffset: number } {
  const file = entry.filePath ? resolve(root, entry.filePath) : `<case study "${entry.id}">`;
  const body = entry.body ?? '';
  const lineOffset = bodyLineOffset(file, body);
  return { check: checkArchitectureFlow(parseDocument(body, 'mdx'), file, { lineOffset }), file, lineOffset };
}
