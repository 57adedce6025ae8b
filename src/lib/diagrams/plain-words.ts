/**
 * Mermaid's parse errors, said in plain words with the fix, at the diagram
 * line the author has to change.
 *
 * Mermaid's own message carries its parser's view: a line number of its own
 * (often the end of the diagram, where the parser gave up), a flattened
 * excerpt, and token names (`SQE`, `DOUBLECIRCLEEND`). The common mistakes are
 * recognised here from what the parser expected and from the author's line
 * itself: a label's quote or bracket not closed, an arrow the diagram type does
 * not have, a subgraph without `end`, an unknown diagram type. Anything else is
 * said as "Mermaid cannot read this line", with what it expected spelled as
 * the characters to type where it knows them; a token name is never shown
 * without words around it, and no line number but the author's is shown.
 */
import { nearest } from '../content-error.ts';

export interface PlainError {
  /** What is wrong, in a sentence. */
  what: string;
  /** 1-based line in the diagram to point at. */
  line: number | undefined;
  /** What to write instead. */
  fix: string;
}

/** Mermaid's token names for the characters that close a node's label, and those characters. */
const CLOSERS: Record<string, string> = {
  SQE: ']',
  PE: ')',
  DOUBLECIRCLEEND: ')))',
  CYLINDEREND: ')]',
  STADIUMEND: '])',
  SUBROUTINEEND: ']]',
  DIAMOND_STOP: '}',
  TRAPEND: '/]',
  INVTRAPEND: '\\]',
  TAGEND: ']',
};

/** Other token names an author can act on, as what to type. */
const SPELLED: Record<string, string> = {
  ...CLOSERS,
  SQS: '[',
  PS: '(',
  PIPE: '|',
  COLON: ':',
  NEWLINE: 'a new line',
  EOF: 'the end of the diagram',
  end: 'end',
  TXT: 'a message text after a colon',
};

/** A node's label openings, longest first, with what closes each. */
const SHAPES: readonly (readonly [string, string])[] = [
  ['(((', ')))'],
  ['((', '))'],
  ['([', '])'],
  ['[(', ')]'],
  ['[[', ']]'],
  ['{{', '}}'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['[', ']'],
  ['(', ')'],
  ['{', '}'],
  ['>', ']'],
];

const DIAGRAM_TYPES = [
  'flowchart',
  'graph',
  'sequenceDiagram',
  'classDiagram',
  'stateDiagram-v2',
  'stateDiagram',
  'erDiagram',
  'gantt',
  'pie',
  'gitGraph',
  'mindmap',
  'timeline',
  'journey',
  'quadrantChart',
  'requirementDiagram',
  'C4Context',
  'sankey-beta',
  'xychart-beta',
  'block-beta',
  'packet-beta',
  'architecture-beta',
  'kanban',
  'radar-beta',
  'treemap-beta',
];

const FLOWCHART_ARROWS = /^(?:<?(?:-{2,}|={2,}|-\.+-|~{3,})[->ox]?|[ox]?-{2,}[ox]|-{2,}|-\.+->)$/;
const SEQUENCE_ARROWS = /^(?:<<)?-{1,2}(?:>>|>|x|\))$/;
const ARROW_LIKE = /[<ox]?[-=.~]{1,}[-=.~<>ox)]*/g;

const FLOWCHART_FIX =
  'use --> for an arrow, --- for a line, -.-> for a dotted arrow or ==> for a thick one; a label goes in -- text --> or -->|text|.';
const SEQUENCE_FIX =
  'use ->> for a message, -->> for a reply, -> or --> for no arrowhead, -x for a lost message or -) for an async one, then a colon and the text.';

const quoted = (text: string) => `"${text}"`;

/** The tokens in `Expecting 'A', 'B', got 'C'`. */
function expectation(message: string): { expected: string[]; got: string | undefined } {
  const match = /Expecting (.*?), got '([^']*)'/s.exec(message);
  if (!match) return { expected: [], got: undefined };
  return { expected: [...match[1]!.matchAll(/'([^']+)'/g)].map((token) => token[1]!), got: match[2] };
}

/** The diagram's first word: its type. */
const typeOf = (lines: readonly string[]) =>
  lines
    .find((line) => line.trim() !== '' && !line.trim().startsWith('%%'))
    ?.trim()
    .split(/\s+/)[0] ?? '';

/** The label opening on this line that is never closed, with the characters that would close it. */
function unclosedLabel(line: string): { opening: string; closer: string; label: string } | undefined {
  const outsideQuotes = line.replace(/"[^"]*"/g, (text) => '_'.repeat(text.length));
  // A node id's last character, then its shape's opening (not the `-` of an arrow `-->`).
  for (const node of outsideQuotes.matchAll(/\w(?=[[({>])/g)) {
    const start = node.index + 1;
    const shape = SHAPES.find(([opening]) => outsideQuotes.startsWith(opening, start));
    if (!shape) continue;
    const [opening, closer] = shape;
    const rest = outsideQuotes.slice(start + opening.length);
    const link = rest.search(/\s(?:-|=|~|<)/);
    const scope = link === -1 ? rest : rest.slice(0, link);
    if (!scope.includes(closer)) return { opening, closer, label: line.slice(start, start + opening.length + scope.trimEnd().length) };
  }
  return undefined;
}

/**
 * The text of the label whose quote is not closed: the first quoted label that
 * reaches a closing bracket before its next quote (`a["Client] --> b["B"]`
 * gives Client), else the text after the last quote.
 */
function unclosedQuote(line: string): string {
  for (const open of line.matchAll(/[[({|>]"/g)) {
    const rest = line.slice(open.index + 2);
    const close = rest.search(/[\])}|]/);
    if (close !== -1 && !rest.slice(0, close).includes('"')) return rest.slice(0, close);
  }
  return line.slice(line.lastIndexOf('"') + 1).split(/[\])}]/)[0]!;
}

/** The first arrow-like run on the line that the diagram type does not have. */
function unknownArrow(line: string, type: string): string | undefined {
  const text = line.replace(/"[^"]*"|\|[^|]*\||:.*$/g, (part) =>
    part.startsWith(':') && type === 'sequenceDiagram' ? '' : ' '.repeat(part.length),
  );
  const valid = type === 'sequenceDiagram' ? SEQUENCE_ARROWS : FLOWCHART_ARROWS;
  for (const [run] of text.matchAll(ARROW_LIKE)) {
    const arrow = run.replace(/^[ox](?=[-=])/, (head) => (type === 'sequenceDiagram' ? '' : head));
    if (arrow.length < 2 || !/[->=]/.test(arrow)) continue;
    // A node id may end in o or x, as in box-->b: the run is valid without it.
    if (!valid.test(arrow) && !valid.test(arrow.replace(/^[ox]/, ''))) return arrow;
  }
  return undefined;
}

/** The `subgraph` line with no `end` for it, 1-based. */
function openSubgraph(lines: readonly string[]): { line: number; name: string } | undefined {
  const open: { line: number; name: string }[] = [];
  lines.forEach((text, index) => {
    const subgraph = /^\s*subgraph\b\s*(.*)$/.exec(text);
    if (subgraph) open.push({ line: index + 1, name: subgraph[1]!.trim() });
    else if (/^\s*end\s*$/.test(text)) open.pop();
  });
  return open.at(-1);
}

/** The nearest line at or before `line` with an odd number of quotes, 1-based. */
function oddQuotes(lines: readonly string[], line: number): number | undefined {
  for (let index = line; index >= 1; index--) if ((lines[index - 1]!.match(/"/g)?.length ?? 0) % 2 === 1) return index;
  return undefined;
}

/** The line the parser stopped at, or the last written line before it when it ran past the end. */
function stoppedAt(lines: readonly string[], reported: number | undefined): number | undefined {
  if (reported === undefined) return undefined;
  for (let line = Math.min(reported, lines.length); line >= 1; line--) if (lines[line - 1]!.trim() !== '') return line;
  return undefined;
}

const spelled = (tokens: readonly string[]) => {
  const known = [...new Set(tokens.flatMap((token) => (SPELLED[token] ? [SPELLED[token]] : [])))];
  return known.length > 0 && known.length <= 4
    ? ` It expected ${known.map((text) => (text.includes(' ') ? text : `"${text}"`)).join(' or ')} there.`
    : '';
};

/** Mermaid's message with its own line numbers and excerpt taken out. */
function mermaidsWords(message: string): string {
  const { expected, got } = expectation(message);
  if (expected.length > 0)
    return `Mermaid's parser expected ${expected.slice(0, 6).join(', ')}${expected.length > 6 ? '…' : ''} and found ${got}`;
  const first = message.split('\n')[0]!.trim();
  return first
    .replace(/\s*(?:on )?line \d+(?:,? column \d+)?[.:]?/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '');
}

export function unknownDiagramType(source: string): PlainError {
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('%%'));
  const word = typeOf(lines);
  // Only a near miss is a suggestion: "flowchat", not "notADiagram".
  const closest = nearest(word, DIAGRAM_TYPES, 1).find((type) => type.slice(0, 3).toLowerCase() === word.slice(0, 3).toLowerCase());
  return {
    what: `${quoted(word)} is not a diagram type Mermaid knows${closest ? `: did you mean ${quoted(closest)}?` : '.'}`,
    line: index === -1 ? undefined : index + 1,
    fix: `start the diagram with its type, e.g. ${closest ? `${closest}${word.length < lines[index]!.trim().length ? lines[index]!.trim().slice(word.length) : ''}` : 'flowchart LR'}. The types: ${DIAGRAM_TYPES.join(', ')}.`,
  };
}

/** What went wrong in a diagram Mermaid could not parse, at the author's line. */
export function explainParseError(message: string, reportedLine: number | undefined, source: string): PlainError {
  const lines = source.split('\n');
  const type = typeOf(lines);
  const { expected, got } = expectation(message);
  const line = stoppedAt(lines, reportedLine);
  const text = line === undefined ? '' : lines[line - 1]!;

  const subgraph = expected.includes('end') && (got === 'EOF' || got === '1') ? openSubgraph(lines) : undefined;
  if (subgraph) {
    return {
      what: `the subgraph${subgraph.name ? ` ${quoted(subgraph.name)}` : ''} opened on this line has no \`end\`.`,
      line: subgraph.line,
      fix: 'add a line with just `end` after the last line that belongs inside the subgraph.',
    };
  }
  // A quote left open runs on to the next line's first quote, where the parser stops: look back from there.
  const labelExpected = got === 'STR' || expected.some((token) => token in CLOSERS);
  const quoteLine = line === undefined || !labelExpected ? undefined : oddQuotes(lines, line);
  if (quoteLine !== undefined) {
    return {
      what: "a label's quote is not closed.",
      line: quoteLine,
      fix: `end the label's text with a quote: "${unclosedQuote(lines[quoteLine - 1]!)}".`,
    };
  }
  const label = line === undefined || !expected.some((token) => token in CLOSERS) ? undefined : unclosedLabel(text);
  if (line !== undefined && label) {
    return {
      what: `a label's bracket is not closed: ${quoted(label.label)} opens with "${label.opening}", which needs "${label.closer}".`,
      line,
      fix: `close the label with "${label.closer}" (the shape's brackets come in pairs: [text], (text), ((text)), [(text)], {text}).`,
    };
  }
  const dangling = /(?:^|\s|[\w\])}])(-{2,}>|={2,}>|-\.+->|-{1,2}>>?)\s*$/.exec(text)?.[1];
  if (line !== undefined && dangling && (got === 'EOF' || got === '1' || got === 'NEWLINE')) {
    return {
      what: `the arrow "${dangling}" at the end of this line leads nowhere.`,
      line,
      fix: `write the node it goes to after it, e.g. ${text.trim()} next, or remove the arrow.`,
    };
  }
  const arrow = line === undefined ? undefined : unknownArrow(text, type);
  if (line !== undefined && arrow) {
    const kind = type === 'sequenceDiagram' ? 'a sequence diagram' : type === 'flowchart' || type === 'graph' ? 'a flowchart' : `a ${type}`;
    return { what: `"${arrow}" is not an arrow ${kind} has.`, line, fix: type === 'sequenceDiagram' ? SEQUENCE_FIX : FLOWCHART_FIX };
  }
  return {
    what: `Mermaid cannot read this line.${spelled(expected)}`,
    line,
    fix: `check this line against the syntax of a ${type || 'diagram'} (https://mermaid.js.org/intro/syntax-reference.html). ${mermaidsWords(message)}.`,
  };
}
