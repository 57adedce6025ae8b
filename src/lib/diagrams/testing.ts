/**
 * The pipeline's inner parts, for the tests and the npm scripts (bench,
 * fidelity) that measure or check them one by one. The site itself imports
 * from index.ts; nothing outside this folder imports any other file in it
 * (biome.json's noRestrictedImports keeps it so).
 *
 * A plain list of re-exports, by layer: add a line here when a test or a
 * script needs another part.
 */
export { overlayReporter } from './astro/dev-overlay.ts';
export { mermaidMarkdownPlugin } from './astro/markdown-plugin.ts';
export { architectureFlow, checkArchitectureFlow } from './document/architecture-flow.ts';
export { formatOf, mermaidFences, parseDocument } from './document/parse.ts';
export { bodyLineOffset } from './document/source-file.ts';
export { initializeRenderPage, withRenderPage } from './render/browser.ts';
export { DiagramCache } from './render/cache.ts';
export { diagramKey, rootIdFor, styleFingerprint } from './render/cache-key.ts';
export { DiagramPipeline, normaliseSource } from './render/pipeline.ts';
export { PAGE_GLOBALS, RENDER_FUNCTION, renderPageAssets, type MermaidOutcome } from './render/render-page.ts';
export { assignWithDepthSpan, cheaperAssignWithDepth, mermaidBundle, unhyphenatedWords, wholeWords } from './mermaid/bundle.ts';
export { mermaidConfig } from './mermaid/config.ts';
export { MAIN_PATH_CLASS, MAIN_PATH_ROLES, withMainPathStyle } from './mermaid/main-path.ts';
export { THEME_VARIABLES } from './mermaid/theme-variables.ts';
export { captionFromMeta, figureHtml, textAlternative, textVersionHtml } from './svg/figure.ts';
export { scopeIds, withInstanceSuffix } from './svg/ids.ts';
export { normaliseSvg } from './svg/normalise.ts';
export { optimiseSvg, shortestFloat32 } from './svg/optimise.ts';
export { pruneUnusedStyles } from './svg/prune-styles.ts';
export { recolourSvg } from './svg/recolour.ts';
export { luminance, parseColour, rgbToHsl } from './colour/arithmetic.ts';
export { mappedColour } from './colour/mapping.ts';
export { ROLES, type Role } from './colour/roles.ts';
export { choiceRuns, choose, CONTAINERS, fitOf, keptForms, SCREENS, type Form, type FormName } from './forms/choose.ts';
export { isHorizontal, withDirection } from './forms/direction.ts';
export { formRules, layoutPin, renderForms, type DiagramForms } from './forms/forms.ts';
export { collapsibleGroups, focusNodes, overviewSource } from './forms/overview.ts';
export { MAIN_PATH_MOST_BOXES, mainPathCard, mainPathLayouts, mainPathOf } from './forms/main-path-card.ts';
export { captionLines, PRINT_FLOOR, printPlan } from './forms/paper.ts';
export { compactSource, elkSource, wideSource, withConfig, wrapLabel, wrapLabels } from './forms/sources.ts';
export { standaloneSvg } from './svg/standalone.ts';
export { classifyMermaidError, combineErrors, DiagramError, DiagramErrors, EMPTY_DIAGRAM, locateFailure } from './errors.ts';
export type { DiagramRenderer, DiagramResult, FlowGraph, RenderedDiagram, TextItem, TextSection } from './types.ts';
