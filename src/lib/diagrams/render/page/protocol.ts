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

/** The globals the page installs and Node calls. */
export const PAGE_GLOBALS = {
  /** Renders a batch of jobs: `(jobs: MermaidJob[]) => Promise<MermaidOutcome[]>`. */
  render: '__renderDiagrams',
  /** The `mermaid.initialize()` config, for the renders that change it for one diagram. */
  config: '__mermaidConfig',
  /** Lists the Mermaid internals the page relies on that this Mermaid lacks: `() => Promise<string[]>`. */
  checkInternals: '__checkMermaidInternals',
  /** The function the page calls for an icon pack's JSON (browser.ts reads it from node_modules). */
  iconPack: '__iconPack',
} as const;
