/**
 * The overview form of a flowchart: its level of detail turned down. Each
 * subgraph is collapsed to one node titled with the subgraph's title, and the
 * edges between collapsed groups are merged, their labels joined. Derived
 * from Mermaid's parse of the source (FlowGraph), not from the drawing.
 *
 * A group that holds the diagram's focus (the component its title names, such
 * as the limiter of a rate limiter) is not collapsed: the overview must still
 * show what the diagram is about.
 */
import { MAIN_PATH_CLASS, onMainPath } from '../mermaid/main-path.ts';
import type { FlowGraph } from '../types.ts';
import { linkSyntax, nodeSyntax, quoted } from './flowchart-syntax.ts';
import { wrapLabel } from './sources.ts';

type Edge = FlowGraph['edges'][number];

const plainWords = (text: string) =>
  text
    .replace(/<br\s*\/?>/gi, ' ')
    .toLowerCase()
    .match(/[a-z][a-z-]{3,}/g) ?? [];

/** Words too common in a diagram's title to single out a component. */
const TITLE_WORDS = new Set(['architecture', 'flow', 'diagram', 'system', 'overview', 'path', 'pipeline']);

/** The nodes a title names: those whose label shares a distinctive word with it ("rate limiter" → "Limiter"). */
export function focusNodes(graph: FlowGraph, title: string | undefined): Set<string> {
  const words = new Set(plainWords(title ?? '').filter((word) => !TITLE_WORDS.has(word)));
  return new Set(graph.nodes.filter((node) => plainWords(node.label).some((word) => words.has(word))).map((node) => node.id));
}

/** Every node and group inside a group, at any depth. */
function descendants(graph: FlowGraph, groupId: string, seen = new Set<string>()): Set<string> {
  for (const member of graph.groups.find((group) => group.id === groupId)?.members ?? []) {
    if (seen.has(member)) continue;
    seen.add(member);
    descendants(graph, member, seen);
  }
  return seen;
}

/** The groups to collapse: the outermost ones that hold no focus node. */
export function collapsibleGroups(graph: FlowGraph, focus: ReadonlySet<string>): string[] {
  const nested = new Set(graph.groups.flatMap((group) => group.members));
  const outermost = graph.groups.filter((group) => !nested.has(group.id));
  const candidates = (groups: FlowGraph['groups']): string[] =>
    groups.flatMap((group) => {
      const inside = descendants(graph, group.id);
      if (![...focus].some((id) => inside.has(id))) return [group.id];
      // The focus is inside: collapse its sibling groups instead.
      return candidates(graph.groups.filter((inner) => group.members.includes(inner.id)));
    });
  return candidates(outermost);
}

/** Edges between the same two endpoints become one: a solid line if any was, their labels joined. */
function mergeEdges(edges: Edge[]): Edge[] {
  const merged = new Map<string, Edge & { labels: string[] }>();
  for (const edge of edges) {
    const key = `${edge.from}\u0000${edge.to}`;
    const known = merged.get(key);
    if (!known) merged.set(key, { ...edge, labels: edge.label ? [edge.label] : [] });
    else {
      if (edge.label && !known.labels.includes(edge.label)) known.labels.push(edge.label);
      if (edge.stroke === 'normal') known.stroke = 'normal';
      known.classes = [...new Set([...(known.classes ?? []), ...(edge.classes ?? [])])];
    }
  }
  return [...merged.values()].map(({ labels, ...edge }) => ({ ...edge, label: labels.join(', ') }));
}

/**
 * The overview's Mermaid source, top to bottom, or undefined when collapsing
 * would change nothing (no group, or only groups that hold the focus).
 */
export function overviewSource(graph: FlowGraph, title: string | undefined): string | undefined {
  const collapsed = collapsibleGroups(graph, focusNodes(graph, title));
  if (collapsed.length === 0) return undefined;
  const representative = new Map<string, string>();
  for (const groupId of collapsed) for (const member of descendants(graph, groupId)) representative.set(member, groupId);
  const shown = (id: string) => representative.get(id) ?? id;
  const lines = ['flowchart TB'];
  for (const group of graph.groups.filter((candidate) => collapsed.includes(candidate.id)))
    lines.push(`  ${group.id}[[${quoted(group.title, wrapLabel)}]]`);
  for (const node of graph.nodes.filter((candidate) => !representative.has(candidate.id))) lines.push(`  ${nodeSyntax(node, wrapLabel)}`);
  // Groups that stay open keep their members, so the focus keeps its frame.
  for (const group of graph.groups.filter((candidate) => !collapsed.includes(candidate.id) && !representative.has(candidate.id))) {
    lines.push(
      `  subgraph ${group.id}[${quoted(group.title, wrapLabel)}]`,
      ...group.members.filter((member) => !representative.has(member)).map((member) => `    ${shown(member)}`),
      '  end',
    );
  }
  const edges = mergeEdges(
    graph.edges.map((edge) => ({ ...edge, from: shown(edge.from), to: shown(edge.to) })).filter((edge) => edge.from !== edge.to),
  );
  // The main path stays marked: on a group that holds part of it, and on an edge merged from one of its edges.
  const marked = new Set<string>();
  for (const node of graph.nodes) if (onMainPath(node)) marked.add(shown(node.id));
  edges.forEach((edge, index) => {
    const link = linkSyntax(edge);
    const id = onMainPath(edge) ? `overview${index}` : undefined;
    if (id) marked.add(id);
    lines.push(`  ${edge.from} ${id ? `${id}@` : ''}${link}${edge.label ? `|${quoted(edge.label, wrapLabel)}|` : ''} ${edge.to}`);
  });
  if (marked.size > 0) lines.push(`  class ${[...marked].join(',')} ${MAIN_PATH_CLASS}`);
  return lines.join('\n');
}
