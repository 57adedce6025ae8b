/**
 * The code samples the case studies publish, read from the MDX itself with the
 * parser the site uses, so what the tests run is exactly what a reader sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Code, Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';

export const ROOT = join(import.meta.dirname, '../../..');
const CASE_STUDIES = join(ROOT, 'content/case-studies');

export interface CodeSample {
  /** Repository-relative path of the MDX file. */
  file: string;
  /** 1-based file line of the sample's first line of code (the line after the opening fence). */
  line: number;
  code: string;
}

function codeNodes(node: Nodes): Code[] {
  if (node.type === 'code') return [node];
  return 'children' in node ? node.children.flatMap((child: Nodes) => codeNodes(child)) : [];
}

/** Every fence in the case studies whose language is one of `languages`, in file order. */
export function caseStudySamples(languages: readonly string[]): CodeSample[] {
  return readdirSync(CASE_STUDIES)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .flatMap((name) => {
      const path = join(CASE_STUDIES, name);
      const tree = mdxToMdast(readFileSync(path, 'utf8')) as Root;
      return codeNodes(tree)
        .filter((node) => languages.includes(node.lang?.toLowerCase() ?? ''))
        .map((node) => ({ file: relative(ROOT, path), line: (node.position?.start.line ?? 0) + 1, code: node.value }));
    });
}
