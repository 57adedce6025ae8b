/**
 * The `mermaid.initialize()` config the render page uses: the theme
 * (theme-variables.ts), the keys an author may not override, and the layout
 * and behaviour settings that make a render repeatable.
 */
import { fontStack } from '../../../design-tokens.ts';
import type { MermaidValue } from '../types.ts';
import { DIAGRAM_COLOURS, THEME_VARIABLES, toSentinels } from './theme-variables.ts';

/** Config keys an author's front matter may not override: the site decides the theme. */
const SECURE_KEYS = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'suppressErrorRendering',
  'maxEdges',
  'theme',
  'themeVariables',
  'themeCSS',
  'darkMode',
  'fontFamily',
  'htmlLabels',
  'deterministicIds',
];

/**
 * Tighter than Mermaid's defaults: an architecture flow is read in a card or
 * beside prose, and every pixel of spacing is a pixel less of label size when
 * the figure scales down to fit.
 */
const LAYOUT = {
  flowchart: { nodeSpacing: 24, rankSpacing: 32, padding: 10, diagramPadding: 4, wrappingWidth: 150 },
  sequence: { actorMargin: 32, width: 120, boxMargin: 8, noteMargin: 8, messageMargin: 28, diagramMarginX: 8, diagramMarginY: 8 },
};

export function mermaidConfig(): Record<string, MermaidValue> {
  const diagramColours = Object.fromEntries(Object.entries(DIAGRAM_COLOURS).map(([diagram, keys]) => [diagram, toSentinels(keys)]));
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    look: 'classic',
    darkMode: false,
    // SVG <text> labels: measured here and drawn there with the same font, and
    // not at the mercy of the page's CSS the way HTML labels in foreignObject are.
    htmlLabels: false,
    fontFamily: fontStack('sans'),
    themeVariables: toSentinels(THEME_VARIABLES),
    deterministicIds: true,
    handDrawnSeed: 1,
    suppressErrorRendering: true,
    secure: SECURE_KEYS,
    ...diagramColours,
    // A "today" line would make the output depend on the day of the build.
    gantt: { todayMarker: 'off' },
    ...LAYOUT,
  };
}
