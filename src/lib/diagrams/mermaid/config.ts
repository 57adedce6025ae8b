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
 * Tighter than Mermaid's defaults where that keeps the drawing's proportions
 * (a sequence diagram's margins): every pixel of spacing is a pixel less of
 * label size when the figure scales down to fit. Flowcharts keep Mermaid's
 * spacing — tightening it changed their shape (a swimlane 1.7× wider).
 */
const LAYOUT = {
  sequence: { actorMargin: 32, width: 120, boxMargin: 8, noteMargin: 8, messageMargin: 28, diagramMarginX: 8, diagramMarginY: 8 },
};

export function mermaidConfig(): Record<string, MermaidValue> {
  const diagramColours = Object.fromEntries(Object.entries(DIAGRAM_COLOURS).map(([diagram, keys]) => [diagram, toSentinels(keys)]));
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    // Mermaid's own default look: its shapes (a hexagon's ends, a lane's padding) are
    // proportioned for it, and the diagram must keep the proportions Mermaid draws.
    look: 'neo',
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
