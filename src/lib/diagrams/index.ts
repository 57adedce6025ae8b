/**
 * Build-time Mermaid diagrams: the one entry point. Everything outside this
 * folder imports from here; tests and scripts that need an inner part take it
 * from testing.ts beside it (biome.jsonc's noRestrictedImports holds both).
 *
 * - `diagrams()` (default export) is the Astro integration (astro/integration.ts):
 *   ```mermaid fences in Markdown and MDX become themed, accessible inline SVG.
 * - `architectureFlowFigure()` renders a case study's Architecture Flow for a
 *   card (astro/card.ts), from the same source and through the same cache;
 *   `mainPathDiagrams()` draws its main path alone, for the link-preview card
 *   (src/lib/og/).
 *
 * The layers, outside in (each imports only the ones below it):
 *   astro/     Astro's hooks: the integration, the Markdown hook, the content scan, the card, the dev overlay
 *   document/  reading Markdown/MDX: mermaid fences, the Architecture Flow rule, file lines
 *   render/    source → diagram: the pipeline, its disk cache and key, headless Chromium and its page
 *   mermaid/   the config Mermaid renders with: theme variables, locked keys, layout
 *   svg/       string passes over Mermaid's SVG: ids, colours, unused CSS, the figure around it
 *   colour/    colour arithmetic, the colour roles and their sentinels, the colour mapping
 * types.ts and errors.ts are shared by all of them. The two process-wide
 * globals (the shared pipeline, the reader compiled MDX calls) are in astro/process-globals.ts.
 *
 * docs/diagrams.md describes how authors use it and why it is built this way.
 */
export { diagrams as default } from './astro/integration.ts';
export { architectureFlowFigure, mainPathDiagrams, type MainPathDrawings } from './astro/card.ts';
export { fullSizeDiagrams, type FullSizeDiagram } from './astro/full-size.ts';
export { standaloneSvg } from './svg/standalone.ts';
