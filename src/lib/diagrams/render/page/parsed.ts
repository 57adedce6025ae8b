/**
 * What the page reads back from Mermaid's own parse of a source, in the
 * author's order: the text version (a screen reader's and a copier's view of
 * the diagram) and, for a flowchart, its graph (the overview is derived from it).
 */
import type { TextItem, TextSection } from '../../types.ts';
import { isFlowDb, isSequenceDb, isStateDb, type FlowDb, type SequenceDb, type StateDb, type StateStatement } from './mermaid-internals.ts';
import type { FlowGraph } from './protocol.ts';

const plain = (text: unknown): string =>
  String(text ?? '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/#quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

function flowNames(db: FlowDb): (id: string) => string {
  const vertices = db.getVertices();
  const groups = db.getSubGraphs();
  return (id) => plain(vertices.get(id)?.text) || plain(groups.find((group) => group.id === id)?.title) || id;
}

function flowchartText(db: FlowDb): TextSection[] {
  const nameOf = flowNames(db);
  const groups = db.getSubGraphs();
  const arrow = (type: string | undefined) => (type === 'double_arrow_point' ? '↔' : type === 'arrow_open' ? '—' : '→');
  const sections: TextSection[] = [
    { title: 'Steps', items: [...db.getVertices().values()].map((vertex) => ({ text: nameOf(vertex.id) })) },
    {
      title: 'Connections',
      items: db.getEdges().map((edge) => ({
        text: `${nameOf(edge.start)} ${arrow(edge.type)} ${nameOf(edge.end)}${plain(edge.text) ? `, ${plain(edge.text)}` : ''}`,
      })),
    },
  ];
  if (groups.length > 0)
    sections.push({
      title: 'Groups',
      items: groups.map((group) => ({ text: `${plain(group.title) || group.id}: ${group.nodes.map(nameOf).join(', ')}` })),
    });
  return sections;
}

/** The graph as written: labels keep their `<br/>`s (the overview draws them), only entities are read. */
function flowGraph(db: FlowDb): FlowGraph {
  const label = (text: unknown) => String(text ?? '').replace(/#quot;/g, '"');
  return {
    direction: db.getDirection() ?? 'TB',
    nodes: [...db.getVertices().values()].map((vertex) => ({
      id: vertex.id,
      label: label(vertex.text) || vertex.id,
      shape: vertex.type ?? 'square',
      classes: [...(vertex.classes ?? [])].filter((name) => name !== 'default'),
    })),
    edges: db.getEdges().map((edge) => ({
      from: edge.start,
      to: edge.end,
      label: label(edge.text),
      arrow: edge.type ?? 'arrow_point',
      stroke: edge.stroke ?? 'normal',
      classes: [...(edge.classes ?? [])],
    })),
    groups: db.getSubGraphs().map((group) => ({ id: group.id, title: label(group.title) || group.id, members: [...group.nodes] })),
  };
}

function sequenceText(db: SequenceDb): TextSection[] {
  const { LINETYPE: type, PLACEMENT: placement } = db;
  const blockStart: Record<number, string> = {
    [type['LOOP_START']!]: 'Loop',
    [type['ALT_START']!]: 'If',
    [type['OPT_START']!]: 'Optionally',
    [type['PAR_START']!]: 'In parallel',
    [type['RECT_START']!]: 'Highlighted',
    [type['CRITICAL_START']!]: 'Critical',
    [type['BREAK_START']!]: 'Break',
    [type['PAR_OVER_START']!]: 'In parallel',
  };
  const blockNext: Record<number, string> = {
    [type['ALT_ELSE']!]: 'Else',
    [type['PAR_AND']!]: 'And',
    [type['CRITICAL_OPTION']!]: 'Option',
  };
  const blockEnd = new Set(
    ['LOOP_END', 'ALT_END', 'OPT_END', 'PAR_END', 'RECT_END', 'CRITICAL_END', 'BREAK_END'].map((name) => type[name]),
  );
  const where: Record<number, string> = {
    [placement['LEFTOF']!]: 'left of',
    [placement['RIGHTOF']!]: 'right of',
    [placement['OVER']!]: 'over',
  };
  const actors = db.getActors();
  const nameOf = (id: string | undefined) => plain(actors.get(id ?? '')?.description) || (id ?? '');
  const root: TextItem[] = [];
  const stack = [root];
  const current = () => stack[stack.length - 1] ?? root;
  for (const message of db.getMessages()) {
    const label = plain(typeof message.message === 'string' ? message.message : '');
    const kind = message.type ?? -1;
    const opens = blockStart[kind] ?? blockNext[kind];
    if (opens) {
      if (kind in blockNext && stack.length > 1) stack.pop();
      const item = { text: `${opens}${label ? ` ${label}` : ''}:`, items: [] as TextItem[] };
      current().push(item);
      stack.push(item.items);
    } else if (blockEnd.has(kind)) {
      if (stack.length > 1) stack.pop();
    } else if (kind === type['NOTE']) {
      const over = message.from === message.to ? nameOf(message.from) : `${nameOf(message.from)}, ${nameOf(message.to)}`;
      current().push({ text: `Note ${where[message.placement ?? -1] ?? 'over'} ${over}: ${label}` });
    } else if (message.from !== undefined && message.to !== undefined) {
      current().push({ text: `${nameOf(message.from)} → ${nameOf(message.to)}${label ? `: ${label}` : ''}` });
    }
  }
  return [
    { title: 'Participants', items: [...actors.keys()].map((id) => ({ text: nameOf(id) })) },
    { title: 'Messages', items: root },
  ];
}

function stateText(db: StateDb): TextSection[] {
  const nameOf = (state: StateStatement | undefined, end: boolean) => {
    const id = state?.id ?? '';
    if (id === '[*]' || /_start$/.test(id) || /_end$/.test(id)) return end ? 'End' : 'Start';
    const description = Array.isArray(state?.description) ? state.description.join(' ') : state?.description;
    return plain(description) || id;
  };
  const transitions = (doc: StateStatement[] | undefined): TextItem[] =>
    (doc ?? []).flatMap((statement): TextItem[] => {
      if (statement.stmt === 'relation') {
        const label = plain(statement.description);
        return [{ text: `${nameOf(statement.state1, false)} → ${nameOf(statement.state2, true)}${label ? `: ${label}` : ''}` }];
      }
      if (statement.stmt === 'state' && Array.isArray(statement.doc) && statement.doc.length > 0) {
        return [{ text: `Inside ${nameOf(statement, false)}:`, items: transitions(statement.doc) }];
      }
      return [];
    });
  return [{ title: 'Transitions', items: transitions(db.getRootDocV2().doc) }];
}

export interface ParsedViews {
  text: TextSection[] | undefined;
  graph: FlowGraph | undefined;
}

/** The text version and graph of a diagram Mermaid has just drawn; none for the types without one. */
export async function parsedViews(
  getDiagramFromText: (source: string) => Promise<{ db: Record<string, unknown> }>,
  source: string,
  type: string,
): Promise<ParsedViews> {
  if (!/^(flowchart|graph|sequence|state)/.test(type)) return { text: undefined, graph: undefined };
  try {
    const { db } = await getDiagramFromText(source);
    if (isFlowDb(db)) return { text: flowchartText(db), graph: flowGraph(db) };
    if (isSequenceDb(db)) return { text: sequenceText(db), graph: undefined };
    if (isStateDb(db)) return { text: stateText(db), graph: undefined };
  } catch {
    // The drawing succeeded; a diagram whose parse cannot be read back simply has no text version.
  }
  return { text: undefined, graph: undefined };
}
