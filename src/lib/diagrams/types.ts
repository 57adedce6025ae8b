/**
 * The types the pipeline's layers hand to each other. Each lives here, not in
 * the module that makes it, so no layer imports another's internals to name
 * what it receives.
 */

/** A diagram as the cache keeps it: themed SVG plus what the figure needs. */
export interface RenderedDiagram {
  key: string;
  rootId: string;
  /** Themed SVG with scoped ids; its accessible name is added by the figure (svg/figure.ts). */
  svg: string;
  /** Mermaid's diagram type, e.g. "flowchart-v2". */
  type: string;
  width: number;
  height: number;
  /** The smallest label, in px at natural size: the page scales no further down than the floor allows. */
  labelSize: number;
  /** Its text version (flowchart, sequence and state diagrams), from Mermaid's parse of the source. */
  text?: TextSection[] | undefined;
  /** A flowchart's graph, from the same parse: the overview form is derived from it (forms/overview.ts). */
  graph?: FlowGraph | undefined;
  accTitle?: string | undefined;
  accDescr?: string | undefined;
}

export type DiagramProblem =
  | 'syntax'
  | 'empty'
  | 'unknown-type'
  | 'unknown-icon'
  | 'too-large'
  | 'error-picture'
  | 'main-path'
  | 'missing-architecture-flow';

/** What went wrong inside a diagram, before we know which file it came from. */
export interface DiagramFailure {
  problem: Exclude<DiagramProblem, 'missing-architecture-flow'>;
  /** Mermaid's message, or ours for an empty fence. */
  reason: string;
  /** 1-based line inside the diagram, when Mermaid says. */
  diagramLine: number | undefined;
}

/** What the pipeline answers for one diagram source. */
export type DiagramResult = { ok: true; diagram: RenderedDiagram } | { ok: false; failure: DiagramFailure };

/** What the Markdown hook, the content scan and the card need from the pipeline (tests give them a stand-in). */
export interface DiagramRenderer {
  render(source: string): Promise<DiagramResult>;
}

/** Where a diagram is shown, which decides its text alternative and its ids. */
export interface FigureContext {
  /** An explicit caption (the fence's `caption="…"`). */
  caption?: string | undefined;
  /** The text of the nearest heading above the diagram. */
  heading?: string | undefined;
  /** Suffix that keeps ids unique when one diagram appears twice on a page (svg/ids.ts). */
  instance?: string | undefined;
  /** Extra class on the <figure> (the Architecture Flow card uses one). */
  className?: string | undefined;
  /** Where full-size pages live ("/diagrams/"): the caption links to this diagram's. None on the full-size page itself. */
  fullSizeBase?: string | undefined;
}

/** A flowchart as Mermaid parsed it: labels as written (with their `<br/>`s), groups with their direct members. */
export interface FlowGraph {
  direction: string;
  /** `classes`: the author's `class` statements (the main path's is mermaid/main-path.ts). */
  nodes: { id: string; label: string; shape: string; classes?: string[] }[];
  edges: { from: string; to: string; label: string; arrow: string; stroke: string; classes?: string[] }[];
  groups: { id: string; title: string; members: string[] }[];
}

/** A diagram's text version, read from Mermaid's parse: titled lists of steps and connections. */
export interface TextSection {
  title: string;
  items: TextItem[];
}

export interface TextItem {
  text: string;
  /** What a block holds: a sequence's alt branch, a composite state's transitions. */
  items?: TextItem[];
}

/** A Mermaid config value: what `mermaid.initialize()` takes. */
export type MermaidValue = string | number | boolean | readonly string[] | { readonly [key: string]: MermaidValue };
