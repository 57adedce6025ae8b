/**
 * The code samples the case studies publish, read from the MDX itself with the
 * parser the site uses, so what the tests run is exactly what a reader sees.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  /** The module name the fence gives itself (```` ```ts file="ledger.ts" ````), which other samples import it by. */
  module?: string;
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
        .map((node) => {
          const module = /(?:^|\s)file="([^"]+)"/.exec(node.meta ?? '')?.[1];
          return {
            file: relative(ROOT, path),
            line: (node.position?.start.line ?? 0) + 1,
            code: node.value,
            ...(module ? { module } : {}),
          };
        });
    });
}

/** The sample of `file` whose code starts with `heading` (its first comment line), or an error naming what is missing. */
export function sampleStarting(samples: readonly CodeSample[], file: string, heading: string): CodeSample {
  const sample = samples.find((candidate) => candidate.file === file && candidate.code.startsWith(heading));
  if (!sample) throw new Error(`${file}: no published sample starts with ${JSON.stringify(heading)}.`);
  return sample;
}

/** The file name a TypeScript sample is compiled and run as: its `file="…"`, else its line. */
export const moduleName = (sample: CodeSample) => sample.module ?? `line-${sample.line}.ts`;

/**
 * Runs the TypeScript samples of one case study as published: writes them,
 * verbatim, as modules of one temporary folder (so `./ledger.ts` imports the
 * sample named so) and imports the one named `name`.
 */
export async function importSample<T>(file: string, name: string): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'case-study-samples-'));
  const samples = caseStudySamples(['ts', 'typescript']).filter((sample) => sample.file === file);
  for (const sample of samples) writeFileSync(join(folder, moduleName(sample)), sample.code);
  if (!samples.some((sample) => moduleName(sample) === name)) throw new Error(`${file}: no TypeScript sample named ${name}.`);
  try {
    return (await import(/* @vite-ignore */ join(folder, name))) as T;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
