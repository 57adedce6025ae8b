/**
 * A case study's main path on its own, for its link-preview card: from
 * Mermaid's parse of the Architecture Flow (FlowGraph), the boxes and edges
 * the author marked `mainPath` (mermaid/main-path.ts), in path order, written
 * back as Mermaid sources that the pipeline draws and caches like any diagram.
 *
 * The card is shown about 500 px wide in chat apps and on LinkedIn, where the
 * whole flow's 16 px labels come out near 5 px. The path alone is drawn in
 * one row, or in two read one after the other (the card draws the edge that
 * joins them, src/lib/og/diagram.ts): Mermaid lays a chain out in two rows
 * only by breaking it (a subgraph's own direction is dropped as soon as an
 * edge leaves it), so each row is a diagram of its own.
 */
import { MAIN_PATH_CLASS, markingLine, onMainPath } from '../mermaid/main-path.ts';
import type { DiagramFailure, FlowGraph } from '../types.ts';
import { linkSyntax, nodeSyntax, quoted } from './flowchart-syntax.ts';
import { withConfig } from './sources.ts';

type Node = FlowGraph['nodes'][number];
type Edge = FlowGraph['edges'][number];

/** The most boxes a card draws: two rows of three still read at 500 px wide. */
export const MAIN_PATH_MOST_BOXES = 6;

/** The main path in order: `links[i]` joins `nodes[i]` to `nodes[i + 1]`. */
interface MainPath {
  nodes: Node[];
  links: Edge[];
}

/** What is wrong with a marked main path, and what to change, in plain words. */
interface MainPathProblem {
  what: string;
  fix: string;
}

type MainPathResult = { ok: true; path: MainPath | undefined } | { ok: false; problem: MainPathProblem };

const plain = (label: string) =>
  label
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** How a message names a box: its label, and the id the class statement uses. */
const named = (node: Node | undefined, id: string) => (node && plain(node.label) !== id ? `"${plain(node.label)}" (${id})` : id);

const SPLIT_FIX = 'a card draws one chain, first box to last';

/**
 * The marked boxes as one chain, each marked edge leading from one to the
 * next; `path` is undefined when nothing is marked. A chain of more than
 * MAIN_PATH_MOST_BOXES boxes, a marked edge to an unmarked box, a branch, a
 * gap or a circle is a problem, said in plain words with its fix.
 */
export function mainPathOf(graph: FlowGraph): MainPathResult {
  const nodes = graph.nodes.filter(onMainPath);
  const edges = graph.edges.filter(onMainPath);
  if (nodes.length === 0 && edges.length === 0) return { ok: true, path: undefined };
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const name = (id: string) => named(byId.get(id), id);
  const marked = new Set(nodes.map((node) => node.id));

  for (const edge of edges) {
    const unmarked = [edge.from, edge.to].filter((id) => !marked.has(id));
    if (unmarked.length === 0) continue;
    return {
      ok: false,
      problem: {
        what: `The marked edge ${edge.from} → ${edge.to} leaves the main path: ${unmarked.map(name).join(' and ')} ${unmarked.length === 1 ? 'is' : 'are'} not marked.`,
        fix: `add ${unmarked.join(' and ')} to the class line, or take the edge's id off it.`,
      },
    };
  }
  if (nodes.length > MAIN_PATH_MOST_BOXES) {
    return {
      ok: false,
      problem: {
        what: `The main path marks ${nodes.length} boxes (${nodes.map((node) => node.id).join(', ')}); a link-preview card draws at most ${MAIN_PATH_MOST_BOXES}.`,
        fix: `keep the ${MAIN_PATH_MOST_BOXES} or fewer a reader follows first, and take the others (and the edges to them) off the class line; the page still draws the whole flow.`,
      },
    };
  }

  const out = new Map<string, Edge[]>();
  const into = new Map<string, Edge[]>();
  for (const edge of edges) {
    out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
    into.set(edge.to, [...(into.get(edge.to) ?? []), edge]);
  }
  for (const node of nodes) {
    const leaving = out.get(node.id) ?? [];
    if (leaving.length > 1)
      return {
        ok: false,
        problem: {
          what: `The main path branches at ${name(node.id)}: marked edges go on to ${leaving.map((edge) => edge.to).join(' and ')}.`,
          fix: `${SPLIT_FIX}: take all but one of these edges off the class line, with the boxes only they lead to.`,
        },
      };
    const arriving = into.get(node.id) ?? [];
    if (arriving.length > 1)
      return {
        ok: false,
        problem: {
          what: `The main path joins at ${name(node.id)}: marked edges lead into it from ${arriving.map((edge) => edge.from).join(' and ')}.`,
          fix: `${SPLIT_FIX}: take all but one of these edges off the class line, with the boxes only they come from.`,
        },
      };
  }

  // No branch and no join: the marked boxes are chains and circles. One chain is the path.
  const walk = (start: Node): MainPath => {
    const path: MainPath = { nodes: [start], links: [] };
    for (let link = out.get(start.id)?.[0]; link && path.nodes.length <= nodes.length; link = out.get(link.to)?.[0]) {
      path.links.push(link);
      path.nodes.push(byId.get(link.to)!);
    }
    return path;
  };
  const pieces = nodes.filter((node) => !into.has(node.id)).map(walk);
  const reached = new Set(pieces.flatMap((piece) => piece.nodes.map((node) => node.id)));
  const circling = nodes.find((node) => !reached.has(node.id));
  if (circling) {
    const circle = walk(circling);
    return {
      ok: false,
      problem: {
        what: `The main path goes round in a circle: ${circle.nodes.map((node) => node.id).join(' → ')}.`,
        fix: `${SPLIT_FIX}: take the edge that leads back (${circle.links.at(-1)?.from} → ${circle.links.at(-1)?.to}) off the class line.`,
      },
    };
  }
  if (pieces.length > 1) {
    const [first, second] = pieces as [MainPath, MainPath];
    return {
      ok: false,
      problem: {
        what: `The main path is in ${pieces.length} pieces: ${pieces.map((piece) => piece.nodes.map((node) => node.id).join(' → ')).join('; ')}. No marked edge joins them.`,
        fix: `mark the edge that joins them: give it an id (${first.nodes.at(-1)?.id} e9@--> ${second.nodes[0]?.id}) and add the id to the class line; or take the boxes of all but one piece off it.`,
      },
    };
  }
  return { ok: true, path: pieces[0] };
}

/** One row's Mermaid source: its boxes with their labels and shapes, the marked edges between them, all in the accent. */
function rowSource(path: MainPath, from: number, to: number): string {
  const nodes = path.nodes.slice(from, to);
  const links = path.links.slice(from, to - 1);
  const taken = new Set(nodes.map((node) => node.id));
  const ids = links.map((_, index) => {
    let id = `link${index + 1}`;
    while (taken.has(id)) id = `_${id}`;
    return id;
  });
  const lines = [
    'flowchart LR',
    ...nodes.map((node) => `  ${nodeSyntax(node)}`),
    ...links.map((link, index) => {
      const arrow = link.stroke === 'invisible' ? '-->' : linkSyntax(link);
      return `  ${link.from} ${ids[index]}@${arrow}${link.label ? `|${quoted(link.label)}|` : ''} ${link.to}`;
    }),
    `  class ${[...nodes.map((node) => node.id), ...ids].join(',')} ${MAIN_PATH_CLASS}`,
  ];
  // Dagre draws a chain on one straight line, each box centred on it: the card's junction leaves and enters there.
  return withConfig(lines.join('\n'), { layout: 'dagre', flowchart: { rankSpacing: 64 } });
}

/** The edge the card draws between two rows: how it is written, and its label. */
export type Junction = Pick<Edge, 'label' | 'arrow' | 'stroke'>;

/** A way to draw the path: its rows' sources, top to bottom, and between two rows the edge that joins them. */
interface MainPathLayout {
  rows: string[];
  junction: Junction | undefined;
}

/**
 * The ways a card may draw the path: one row, and (from three boxes) two
 * rows, the first the longer by one box when the count is odd. The card
 * measures both drawn and takes the one whose labels come out larger.
 */
export function mainPathLayouts(path: MainPath): MainPathLayout[] {
  const count = path.nodes.length;
  const layouts: MainPathLayout[] = [{ rows: [rowSource(path, 0, count)], junction: undefined }];
  if (count >= 3) {
    const split = Math.ceil(count / 2);
    const { label, arrow, stroke } = path.links[split - 1]!;
    layouts.push({ rows: [rowSource(path, 0, split), rowSource(path, split, count)], junction: { label, arrow, stroke } });
  }
  return layouts;
}

/** A problem as the failure an author reads: at the line that marks the main path, the line to change. */
function mainPathFailure(source: string, problem: MainPathProblem): DiagramFailure {
  const line = markingLine(source);
  const written = line === undefined ? [] : [`│ ${source.split('\n')[line - 1]!.trim()}`];
  return { problem: 'main-path', reason: [problem.what, ...written, `Fix: ${problem.fix}`].join('\n'), diagramLine: line };
}

type MainPathCard = { ok: true; layouts: MainPathLayout[] } | { ok: false; failure: DiagramFailure };

/**
 * What a case study's card draws of its Architecture Flow, from the flow's
 * source and Mermaid's parse of it: the main path's layouts (none when
 * nothing is marked, or the flow is not a flowchart), or the author's mistake.
 */
export function mainPathCard(source: string, graph: FlowGraph | undefined): MainPathCard {
  if (!graph) return { ok: true, layouts: [] };
  const marked = mainPathOf(graph);
  if (!marked.ok) return { ok: false, failure: mainPathFailure(source, marked.problem) };
  return { ok: true, layouts: marked.path ? mainPathLayouts(marked.path) : [] };
}
