/**
 * An error in a content file that an author can act on: the message starts
 * with `file:line:column`, `loc` and `hint` are what Astro's terminal report
 * and the dev overlay read, and there is no stack trace, which would only
 * point into the build.
 */
import { relative } from 'node:path';

export interface ContentLocation {
  /** Absolute path of the content file. */
  file: string;
  /** 1-based line and column in that file, as the author's editor counts them. */
  line: number;
  column: number;
}

export class ContentError extends Error {
  override name = 'ContentError';
  readonly loc: ContentLocation;
  /** Read by @astrojs/mdx when the error is thrown while an MDX file compiles. */
  readonly line: number;
  readonly column: number;
  readonly hint: string;

  constructor(location: ContentLocation, message: string, hint: string, root = process.cwd()) {
    super(`${displayPath(location.file, root)}:${location.line}:${location.column}: ${message}`);
    this.loc = location;
    this.line = location.line;
    this.column = location.column;
    this.hint = hint;
    this.stack = '';
  }
}

/** Several content errors reported as one, so a build lists them all. */
export class ContentErrors extends Error {
  override name = 'ContentErrors';
  readonly loc: ContentLocation | undefined;
  readonly hint: string;

  constructor(errors: readonly ContentError[], summary: ErrorSummary) {
    super(
      `${errors.length} ${summary.what}:\n\n${errors.map((error) => `${error.message}\n  ${error.hint.replaceAll('\n', '\n  ')}`).join('\n\n')}`,
    );
    this.loc = errors[0]?.loc;
    this.hint = summary.hint;
    this.stack = '';
  }
}

/** What several errors of one kind are, and where their fixes are. */
export interface ErrorSummary {
  what: string;
  hint: string;
}

export function combineContentErrors(errors: readonly ContentError[], summary: ErrorSummary): ContentError | ContentErrors | undefined {
  const [first] = errors;
  if (!first) return undefined;
  return errors.length === 1 ? first : new ContentErrors(errors, summary);
}

export function displayPath(file: string, root: string): string {
  const path = relative(root, file);
  return path.startsWith('..') ? file : path;
}

/** The candidates closest to `wanted` by edit distance, best first. */
export function nearest(wanted: string, candidates: Iterable<string>, count = 3): string[] {
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
