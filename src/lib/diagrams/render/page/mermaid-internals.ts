/**
 * The parts of Mermaid the render page relies on beyond its documented API
 * (`mermaid.initialize`, `render`, `registerIconPacks`): each named here with
 * the Mermaid source file it mirrors. `missingInternals()` probes every one
 * against the Mermaid the page loaded, so an upgrade that renames or reshapes
 * one fails tests/integration/mermaid-internals.test.ts with its name, rather
 * than quietly dropping a text version or an overview.
 */

/** A diagram's parsed model, as `mermaidAPI.getDiagramFromText` hands it back (mermaid/src/mermaidAPI.ts, Diagram.ts). */
interface ParsedDiagram {
  db: Record<string, unknown>;
}

export interface MermaidApi {
  initialize(config: unknown): void;
  render(id: string, source: string): Promise<{ svg: string; diagramType: string }>;
  registerIconPacks(packs: { name: string; loader: () => Promise<unknown> }[]): void;
  mermaidAPI: { getDiagramFromText(source: string): Promise<ParsedDiagram> };
}

/** mermaid/src/diagrams/flowchart/flowDb.ts (FlowDB) and types.ts (FlowVertex, FlowEdge, FlowSubGraph). */
export interface FlowDb {
  getDirection(): string | undefined;
  getVertices(): Map<string, { id: string; text?: string; type?: string; classes?: string[] }>;
  getEdges(): { start: string; end: string; text?: string; type?: string; stroke?: string; classes?: string[] }[];
  getSubGraphs(): { id: string; title?: string; nodes: string[] }[];
}

/** mermaid/src/diagrams/sequence/sequenceDb.ts (SequenceDB, with its LINETYPE and PLACEMENT enums). */
export interface SequenceDb {
  getActors(): Map<string, { description?: string }>;
  getMessages(): { from?: string; to?: string; message?: unknown; type?: number; placement?: number }[];
  LINETYPE: Record<string, number>;
  PLACEMENT: Record<string, number>;
}

/** mermaid/src/diagrams/state/stateDb.ts (StateDB.getRootDocV2) and stateCommon.ts (the `stmt` values). */
export interface StateStatement {
  stmt?: string;
  id?: string;
  description?: string | string[];
  state1?: StateStatement;
  state2?: StateStatement;
  doc?: StateStatement[];
}
export interface StateDb {
  getRootDocV2(): { doc?: StateStatement[] };
}

/** The sequence LINETYPE names the text version reads (blocks, their branches, notes). */
const SEQUENCE_LINETYPES = [
  'NOTE',
  'LOOP_START',
  'LOOP_END',
  'ALT_START',
  'ALT_ELSE',
  'ALT_END',
  'OPT_START',
  'OPT_END',
  'PAR_START',
  'PAR_AND',
  'PAR_END',
  'PAR_OVER_START',
  'RECT_START',
  'RECT_END',
  'CRITICAL_START',
  'CRITICAL_OPTION',
  'CRITICAL_END',
  'BREAK_START',
  'BREAK_END',
] as const;
const SEQUENCE_PLACEMENTS = ['LEFTOF', 'RIGHTOF', 'OVER'] as const;

export const isFlowDb = (db: Record<string, unknown>): db is Record<string, unknown> & FlowDb =>
  typeof db['getVertices'] === 'function' && typeof db['getEdges'] === 'function' && typeof db['getSubGraphs'] === 'function';
export const isSequenceDb = (db: Record<string, unknown>): db is Record<string, unknown> & SequenceDb =>
  typeof db['getMessages'] === 'function' && typeof db['getActors'] === 'function';
export const isStateDb = (db: Record<string, unknown>): db is Record<string, unknown> & StateDb => typeof db['getRootDocV2'] === 'function';

/**
 * The line a jison parse error names: `hash.loc.first_line` (1-based), else
 * `hash.line` (0-based). Mermaid's jison grammars (mermaid/src/diagrams/ ∗ /parser/ ∗ .jison) raise these.
 */
export function parseErrorLine(error: unknown): number | undefined {
  const hash = (error as { hash?: { loc?: { first_line?: unknown }; line?: unknown } } | null)?.hash;
  if (Number.isInteger(hash?.loc?.first_line)) return hash?.loc?.first_line as number;
  if (Number.isInteger(hash?.line)) return (hash?.line as number) + 1;
  return undefined;
}

/** Gantt's "today" line: mermaid/src/diagrams/gantt/ganttRenderer.js draws it as `g.today`. */
export const GANTT_TODAY = 'g.today';

interface Probe {
  internal: string;
  source: string;
  holds(parsed: ParsedDiagram | undefined, error: unknown): boolean;
}

const PROBES: Probe[] = [
  {
    internal:
      'FlowDB getDirection/getVertices/getEdges/getSubGraphs, and the classes of vertices and edges (mermaid/src/diagrams/flowchart/flowDb.ts)',
    source: 'flowchart LR\n  subgraph g["G"]\n    a["A"]\n  end\n  a e1@-->|"x"| b\n  class a,e1 k',
    holds: (parsed) => {
      const db = parsed?.db;
      if (!db || !isFlowDb(db)) return false;
      const edge = db.getEdges()[0];
      const group = db.getSubGraphs()[0];
      return (
        db.getDirection() === 'LR' &&
        db.getVertices().get('a')?.text === 'A' &&
        edge?.start === 'a' &&
        edge.end === 'b' &&
        edge.text === 'x' &&
        typeof edge.type === 'string' &&
        typeof edge.stroke === 'string' &&
        group?.title === 'G' &&
        group.nodes.includes('a') &&
        db.getVertices().get('a')?.classes?.includes('k') === true &&
        edge.classes?.includes('k') === true
      );
    },
  },
  {
    internal: 'SequenceDB getActors/getMessages/LINETYPE/PLACEMENT (mermaid/src/diagrams/sequence/sequenceDb.ts)',
    source: 'sequenceDiagram\n  participant A as Alpha\n  loop every minute\n    A->>B: hi\n  end\n  Note over A: n',
    holds: (parsed) => {
      const db = parsed?.db;
      if (!db || !isSequenceDb(db)) return false;
      const types = db.getMessages().map((message) => message.type);
      return (
        db.getActors().get('A')?.description === 'Alpha' &&
        SEQUENCE_LINETYPES.every((name) => Number.isInteger(db.LINETYPE[name])) &&
        SEQUENCE_PLACEMENTS.every((name) => Number.isInteger(db.PLACEMENT[name])) &&
        types[0] === db.LINETYPE['LOOP_START'] &&
        types.includes(db.LINETYPE['NOTE']) &&
        types.includes(db.LINETYPE['LOOP_END'])
      );
    },
  },
  {
    internal: 'StateDB getRootDocV2 (mermaid/src/diagrams/state/stateDb.ts)',
    source: 'stateDiagram-v2\n  [*] --> Idle: boot',
    holds: (parsed) => {
      const db = parsed?.db;
      const statement = db && isStateDb(db) ? db.getRootDocV2().doc?.[0] : undefined;
      return statement?.stmt === 'relation' && statement.state2?.id === 'Idle' && statement.description === 'boot';
    },
  },
  {
    internal: "a parse error's hash.loc.first_line (jison, mermaid/src/diagrams/flowchart/parser/flow.jison)",
    source: 'flowchart LR\n  a --> b\n  c[ --> d',
    holds: (_parsed, error) => parseErrorLine(error) === 3,
  },
];

/** The internals this Mermaid lacks or has reshaped, by name; empty when all hold. */
export async function missingInternals(mermaid: MermaidApi): Promise<string[]> {
  const missing: string[] = [];
  if (typeof mermaid.mermaidAPI?.getDiagramFromText !== 'function') return ['mermaidAPI.getDiagramFromText (mermaid/src/mermaidAPI.ts)'];
  for (const probe of PROBES) {
    let parsed: ParsedDiagram | undefined;
    let error: unknown;
    try {
      parsed = await mermaid.mermaidAPI.getDiagramFromText(probe.source);
    } catch (caught) {
      error = caught;
    }
    if (!probe.holds(parsed, error)) missing.push(probe.internal);
  }
  return missing;
}
