/**
 * Errors an author can act on: the content file and ONE line number, the
 * file's line of the offending diagram line; what is wrong in plain words, the
 * author's line as written, and the fix (plain-words.ts reads Mermaid's parse
 * errors) — without a stack trace, which would only point into this pipeline.
 */
import { relative } from 'node:path';
import { explainParseError, unknownDiagramType, type PlainError } from './plain-words.ts';
import type { DiagramFailure, DiagramProblem } from './types.ts';

export interface DiagramLocation {
  /** Absolute path of the content file. */
  file: string;
  /** 1-based line of the opening ``` in that file. */
  fenceLine: number;
}

export class DiagramError extends Error {
  override readonly name = 'DiagramError';
  readonly problem: DiagramProblem;
  readonly file: string;
  /** 1-based line in the file that the error points at (Astro and Vite read `line`/`column`/`loc`). */
  readonly line: number;
  readonly column = 1;
  readonly loc: { file: string; line: number; column: number };
  readonly fenceLine: number | undefined;
  readonly diagramLine: number | undefined;
  readonly reason: string;
  readonly hint: string;

  constructor(options: {
    problem: DiagramProblem;
    file: string;
    line: number;
    fenceLine: number | undefined;
    diagramLine: number | undefined;
    reason: string;
    hint: string;
    root?: string | undefined;
  }) {
    const where = displayPath(options.file, options.root);
    super(formatMessage({ ...options, where }));
    this.problem = options.problem;
    this.file = options.file;
    this.line = options.line;
    this.loc = { file: options.file, line: options.line, column: 1 };
    this.fenceLine = options.fenceLine;
    this.diagramLine = options.diagramLine;
    this.reason = options.reason;
    this.hint = options.hint;
    // A trace would only point into the pipeline; the message already says where to look.
    this.stack = '';
  }
}

function displayPath(file: string, root: string | undefined): string {
  const base = root ?? process.cwd();
  const relativePath = relative(base, file);
  return relativePath.startsWith('..') ? file : relativePath;
}

function formatMessage(options: {
  problem: DiagramProblem;
  where: string;
  line: number;
  fenceLine: number | undefined;
  diagramLine: number | undefined;
  reason: string;
}): string {
  const { where, line, reason } = options;
  if (options.problem === 'missing-architecture-flow') return `${where}:${line}: ${reason}`;
  // One line number: the file's. The lines after the first are the author's line and the fix.
  const [first = '', ...rest] = reason.trim().split('\n');
  return [`${where}:${line}: mermaid diagram: ${first}`, ...rest.map((text) => `  ${text}`)].join('\n');
}

/** The plain words, the author's line as written, and the fix, as a failure's reason. */
function plainReason(plain: PlainError, source: string): string {
  const written = plain.line === undefined ? undefined : source.split('\n')[plain.line - 1];
  return [plain.what, ...(written === undefined ? [] : [`│ ${written.trim()}`]), `Fix: ${plain.fix}`].join('\n');
}

const HINTS: Record<DiagramFailure['problem'], string> = {
  syntax: 'Fix the diagram source; https://mermaid.js.org/intro/syntax-reference.html has the syntax of each diagram type.',
  empty: 'Write a diagram in the fence, or remove the empty fence.',
  'unknown-type':
    'The first line must name a diagram type: flowchart, sequenceDiagram, classDiagram, stateDiagram-v2, erDiagram, gantt, pie, gitGraph, mindmap, timeline, architecture-beta…',
  'unknown-icon':
    'Use an icon the pack has (search its name on https://icon-sets.iconify.design), or add the pack: docs/diagrams.md, "Icons".',
  'too-large': 'Split the diagram into smaller ones (one per section of the write-up), or shorten its labels.',
  'error-picture': 'Write the diagram itself: Mermaid\'s "error" type only draws its error picture.',
  'main-path':
    'A case study\'s link-preview card draws its main path alone: one chain of at most six boxes, each marked edge leading to the next (docs/diagrams.md, "Mark the main path").',
};

/** Turns a failure inside a diagram into an error that names the file and lines. */
export function locateFailure(failure: DiagramFailure, location: DiagramLocation, root?: string): DiagramError {
  const line = location.fenceLine + (failure.diagramLine ?? 0);
  return new DiagramError({
    problem: failure.problem,
    file: location.file,
    line,
    fenceLine: location.fenceLine,
    diagramLine: failure.diagramLine,
    reason: failure.reason,
    hint: HINTS[failure.problem],
    root,
  });
}

/**
 * Reads Mermaid's error: which kind of problem, said in plain words with the
 * fix, at the diagram line to change — found from the line the parser reported
 * (Jison parsers as a number, Langium ones in the text) and the source itself.
 */
export function classifyMermaidError(message: string, reportedLine: number | undefined, source: string): DiagramFailure {
  if (/No diagram type detected/i.test(message)) {
    const plain = unknownDiagramType(source);
    return { problem: 'unknown-type', reason: plainReason(plain, source), diagramLine: plain.line };
  }
  const fromText = /\bline (\d+)/i.exec(message)?.[1];
  const plain = explainParseError(message, reportedLine ?? (fromText === undefined ? undefined : Number(fromText)), source);
  return { problem: 'syntax', reason: plainReason(plain, source), diagramLine: plain.line };
}

export const EMPTY_DIAGRAM: DiagramFailure = { problem: 'empty', reason: 'The ```mermaid fence is empty.', diagramLine: undefined };

/**
 * Several broken diagrams are reported together, so one build lists them all.
 * (Not an `errors` array: Astro would print only the first of those.)
 */
export class DiagramErrors extends Error {
  override readonly name = 'DiagramErrors';
  readonly diagramErrors: readonly DiagramError[];
  readonly hint: string;
  /** Where the first one is: what an editor or the dev overlay jumps to. */
  readonly line: number | undefined;
  readonly column = 1;
  readonly loc: DiagramError['loc'] | undefined;

  constructor(errors: readonly DiagramError[]) {
    super(`${errors.length} diagrams cannot be rendered:\n\n${errors.map((error) => error.message).join('\n\n')}`);
    this.diagramErrors = errors;
    this.hint = [...new Set(errors.map((error) => error.hint))].join('\n');
    this.line = errors[0]?.line;
    this.loc = errors[0]?.loc;
    this.stack = '';
  }
}

/** One error as itself, several as one report. */
export function combineErrors(errors: readonly DiagramError[]): DiagramError | DiagramErrors | undefined {
  const [first] = errors;
  if (!first) return undefined;
  return errors.length === 1 ? first : new DiagramErrors(errors);
}
