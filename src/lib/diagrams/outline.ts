/**
 * What a Markdown/MDX document holds for the diagram pipeline: its ```mermaid
 * fences (with the heading each sits under, for its text alternative) and,
 * for a case study, whether it has its Architecture Flow diagram.
 *
 * It reads Sätteri's mdast, so the fences found here are exactly the ones the
 * Markdown pipeline renders.
 */
import { readFileSync } from 'node:fs';
import type { Code, Heading, Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';

export interface MermaidFence {
  node: Code;
  source: string;
  /** 1-based line of the opening fence in the parsed text. */
  line: number;
  meta: string | undefined;
  /** Text of the last heading before the fence. */
  heading: string | undefined;
}

export const ARCHITECTURE_FLOW_HEADING = 'Architecture Flow';

export function isMermaidFence(node: Nodes): node is Code {
  return node.type === 'code' && node.lang?.toLowerCase() === 'mermaid';
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child: Nodes) => plainText(child)).join('');
  return '';
}

const fenceOf = (node: Code, heading: string | undefined): MermaidFence => ({
  node,
  source: node.value,
  line: node.position?.start.line ?? 1,
  meta: node.meta ?? undefined,
  heading,
});

/** Every mermaid fence in document order, nested ones (lists, quotes) included. */
export function mermaidFences(root: Root): MermaidFence[] {
  const fences: MermaidFence[] = [];
  let heading: string | undefined;
  const visit = (node: Nodes) => {
    if (node.type === 'heading') heading = plainText(node).trim();
    if (isMermaidFence(node)) fences.push(fenceOf(node, heading));
    if ('children' in node) node.children.forEach((child: Nodes) => visit(child));
  };
  visit(root);
  return fences;
}

const isArchitectureFlowHeading = (node: Nodes): node is Heading =>
  node.type === 'heading' && plainText(node).trim().toLowerCase() === ARCHITECTURE_FLOW_HEADING.toLowerCase();

export type ArchitectureFlow =
  | { ok: true; fence: MermaidFence }
  | { ok: false; line: number; reason: string };

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

export type DocumentFormat = 'markdown' | 'mdx';

export function formatOf(path: string): DocumentFormat {
  return path.toLowerCase().endsWith('.mdx') ? 'mdx' : 'markdown';
}

/** Parses a whole file (front matter included, so lines are file lines). */
export function parseDocument(text: string, format: DocumentFormat): Root {
  const tree = format === 'mdx' ? mdxToMdast(text) : markdownToMdast(text);
  return tree as Root;
}

export const isInside = (file: string, directories: readonly string[]) =>
  directories.some((directory) => file.startsWith(directory.endsWith('/') ? directory : `${directory}/`));

const linesBefore = (text: string, index: number) => text.slice(0, index).split('\n').length - 1;

/**
 * How many lines of `file` are missing before `body`. Astro hands a
 * collection entry's body over without its front matter (MDX keeps the lines,
 * blanked); adding the missing ones back makes error lines file lines.
 */
export function bodyLineOffset(file: string, body: string): number {
  try {
    const text = readFileSync(file, 'utf8');
    const content = body.trimStart();
    const start = text.indexOf(content.slice(0, 200));
    if (start < 0) return 0;
    return Math.max(0, linesBefore(text, start) - linesBefore(body, body.length - content.length));
  } catch {
    return 0;
  }
}
