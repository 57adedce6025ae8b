/**
 * What a Markdown/MDX document holds for the diagram pipeline: its ```mermaid
 * fences, with the heading each sits under (for its text alternative).
 *
 * It reads Sätteri's mdast, so the fences found here are exactly the ones the
 * Markdown pipeline renders.
 */
import type { Code, Nodes, Root } from 'mdast';
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

export function isMermaidFence(node: Nodes): node is Code {
  return node.type === 'code' && node.lang?.toLowerCase() === 'mermaid';
}

export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child: Nodes) => plainText(child)).join('');
  return '';
}

export const fenceOf = (node: Code, heading: string | undefined): MermaidFence => ({
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
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
  return fences;
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
