/**
 * What Node and the render page say to each other: the jobs sent in, the
 * outcomes sent back, and the globals the page installs. Types and names
 * only, so both sides import it (page/main.ts is bundled for the browser).
 */
import type { FlowGraph, TextSection } from '../../types.ts';

export type { FlowGraph };

export interface MermaidJob {
  id: string;
  source: string;
  /** Seeds Math.random for this render, so layouts and generated ids repeat exactly. */
  seed: number;
}

export type MermaidOutcome =
  | { ok: true; svg: string; type: string; labelSize: number; text: TextSection[] | undefined; graph: FlowGraph | undefined }
  | { ok: false; message: string; line: number | undefined };

/** What the bench's bare loop answers: how long Mermaid took, the first render alone (its warm-up), and its SVGs. */
export interface BareRenders {
  ms: number;
  firstMs: number;
  svgs: { svg: string; type: string }[];
}

/** The icon packs the page registers with Mermaid, by name: a JSON script element of the page (render-page.ts). */
export const ICON_PACKS_ELEMENT = 'icon-packs';

/** The globals the page installs and Node calls. */
export const PAGE_GLOBALS = {
  /** Renders a batch of jobs: `(jobs: MermaidJob[]) => Promise<MermaidOutcome[]>`. */
  render: '__renderDiagrams',
  /** The `mermaid.initialize()` config, for the renders that change it for one diagram. */
  config: '__mermaidConfig',
  /** Loads the label font's faces and hands Mermaid its config: `(config, labelFamily: string) => Promise<void>`. */
  initialize: '__initializeDiagrams',
  /** Mermaid's own cost, for the bench's floor: a bare render loop, `(sources: string[]) => Promise<BareRenders>`. */
  renderBare: '__renderBare',
  /** Lists the Mermaid internals the page relies on that this Mermaid lacks: `() => Promise<string[]>`. */
  checkInternals: '__checkMermaidInternals',
  /** The function the page calls for an icon pack's JSON (browser.ts reads it from node_modules). */
  iconPack: '__iconPack',
} as const;
