/**
 * The diagram theme: every colour a diagram uses is one of the site's design
 * tokens (tailwind.config.ts), written as `var(--color-…)` so a diagram
 * follows the light/dark switch with CSS alone.
 *
 * Mermaid needs real colours to render, so each colour role is rendered once
 * as a unique "sentinel" colour and swapped for its CSS expression afterwards:
 * one render serves both themes. Colours Mermaid derives from a sentinel
 * (lightened, faded) keep the sentinel's hue and saturation, which is how they
 * are traced back to their role; colours Mermaid hard-codes are mapped onto
 * the neutral tokens by lightness, so nothing stays white on a dark page.
 */
import { createHash } from 'node:crypto';
import { colourProperty, fonts, palette, type Palette } from '../../../tailwind.config.ts';
import { COLOUR_LITERAL, hslToRgb, hueDistance, luminance, parseColour, rgbToHsl, toHex, type Hsl, type Rgba } from './colour.ts';
import { START_TAG } from './markup.ts';

type Token = keyof Palette;

const tokenVariable = (token: Token) => `var(${colourProperty(token)})`;
const tint = (token: Token, percent: number, base: Token = 'surface') =>
  `color-mix(in srgb, ${tokenVariable(token)} ${percent}%, ${tokenVariable(base)})`;

/** Colour roles → the CSS each one becomes in the page. */
const ROLES = {
  surface: tokenVariable('surface'),
  subtle: tokenVariable('subtle'),
  border: tokenVariable('border'),
  text: tokenVariable('text'),
  muted: tokenVariable('muted'),
  accent: tokenVariable('accent'),
  accent2: tokenVariable('accent2'),
  onAccent: tokenVariable('onAccent'),
  accentTint: tint('accent', 12),
  accentSoft: tint('accent', 28),
  accentLine: tint('accent', 65),
  accent2Tint: tint('accent2', 12),
  accent2Soft: tint('accent2', 28),
  accent2Line: tint('accent2', 65),
  mutedTint: tint('muted', 14),
  mutedLine: tint('muted', 65),
  // A categorical scale (pie slices, mindmap branches, timeline sections…):
  // tints light enough for body text to stay legible on them in both themes.
  category0: tint('accent', 40),
  category1: tint('accent2', 40),
  category2: tint('muted', 32),
  category3: tint('accent', 22),
  category4: tint('accent2', 22),
  category5: tint('muted', 18),
  category6: tint('accent', 55),
  category7: tint('accent2', 55),
  category8: tint('muted', 48),
  category9: tint('accent', 10),
  category10: tint('accent2', 10),
  category11: tokenVariable('subtle'),
} as const;

type Role = keyof typeof ROLES;

const CATEGORY_ROLES: readonly Role[] = [
  'category0',
  'category1',
  'category2',
  'category3',
  'category4',
  'category5',
  'category6',
  'category7',
  'category8',
  'category9',
  'category10',
  'category11',
];
/** Strong colours for lines that must read on the page (git branches, chart series). */
const LINE_ROLES: readonly Role[] = ['accent', 'accent2', 'muted', 'accentLine', 'accent2Line', 'mutedLine', 'category6', 'category7'];
const LINE_LABEL_ROLES: readonly Role[] = ['onAccent', 'onAccent', 'onAccent', 'onAccent', 'onAccent', 'onAccent', 'text', 'text'];

const ROLE_NAMES = Object.keys(ROLES) as Role[];

/**
 * One sentinel per role: evenly spread hues at a mid saturation and lightness,
 * so a colour Mermaid derives by lightening or fading keeps a hue and
 * saturation that identify its role.
 */
const SENTINEL_SATURATION = 70;
const SENTINEL_LIGHTNESS = 45;
const sentinelHsl = (index: number): Hsl => ({
  h: 3 + (index * 354) / ROLE_NAMES.length,
  s: SENTINEL_SATURATION,
  l: SENTINEL_LIGHTNESS,
});
const SENTINELS = new Map<Role, string>(ROLE_NAMES.map((role, index) => [role, toHex(hslToRgb(sentinelHsl(index)))]));

const sentinel = (role: Role): string => SENTINELS.get(role) ?? '';

/** Roles where Mermaid wants a colour; plain strings, numbers and booleans pass through. */
type ThemeValue = Role | readonly Role[] | string | number | boolean | { readonly [key: string]: ThemeValue };

const indexed = <T>(prefix: string, values: readonly T[]): Record<string, T> =>
  Object.fromEntries(values.map((value, index) => [`${prefix}${index}`, value]));
const indexedFromOne = <T>(prefix: string, values: readonly T[]): Record<string, T> =>
  Object.fromEntries(values.map((value, index) => [`${prefix}${index + 1}`, value]));

/**
 * Mermaid theme variables ('base' theme), as roles. Every colour variable is
 * set, so Mermaid derives (almost) nothing on its own.
 */
const THEME_VARIABLES: Record<string, ThemeValue> = {
  darkMode: false,
  background: 'surface',
  fontFamily: fonts.sans.join(', '),
  fontSize: '16px',
  useGradient: false,
  dropShadow: 'none',
  primaryColor: 'accentTint',
  primaryBorderColor: 'accentLine',
  primaryTextColor: 'text',
  secondaryColor: 'accent2Tint',
  secondaryBorderColor: 'accent2Line',
  secondaryTextColor: 'text',
  tertiaryColor: 'subtle',
  tertiaryBorderColor: 'border',
  tertiaryTextColor: 'text',
  noteBkgColor: 'accent2Tint',
  noteBorderColor: 'accent2Line',
  noteTextColor: 'text',
  lineColor: 'muted',
  arrowheadColor: 'muted',
  textColor: 'text',
  border1: 'accentLine',
  border2: 'border',
  nodeBkg: 'accentTint',
  mainBkg: 'accentTint',
  nodeBorder: 'accentLine',
  nodeTextColor: 'text',
  clusterBkg: 'subtle',
  clusterBorder: 'border',
  defaultLinkColor: 'muted',
  titleColor: 'text',
  edgeLabelBackground: 'surface',
  flowContainerStroke: 'border',
  actorBorder: 'accentLine',
  actorBkg: 'accentTint',
  actorTextColor: 'text',
  actorLineColor: 'border',
  labelBoxBkgColor: 'accentTint',
  labelBoxBorderColor: 'accentLine',
  labelTextColor: 'text',
  loopTextColor: 'text',
  signalColor: 'muted',
  signalTextColor: 'text',
  activationBorderColor: 'accent2Line',
  activationBkgColor: 'accent2Tint',
  sequenceNumberColor: 'onAccent',
  rectBkgColor: 'subtle',
  sectionBkgColor: 'subtle',
  altSectionBkgColor: 'surface',
  sectionBkgColor2: 'accentTint',
  excludeBkgColor: 'subtle',
  taskBorderColor: 'accentLine',
  taskBkgColor: 'accentSoft',
  activeTaskBorderColor: 'accent',
  activeTaskBkgColor: 'accentTint',
  gridColor: 'border',
  doneTaskBkgColor: 'mutedTint',
  doneTaskBorderColor: 'muted',
  critBorderColor: 'accent2',
  critBkgColor: 'accent2Soft',
  todayLineColor: 'accent2',
  vertLineColor: 'accent',
  taskTextColor: 'text',
  taskTextOutsideColor: 'text',
  taskTextLightColor: 'text',
  taskTextDarkColor: 'text',
  taskTextClickableColor: 'accent',
  personBorder: 'accentLine',
  personBkg: 'accentTint',
  rowOdd: 'surface',
  rowEven: 'subtle',
  transitionColor: 'muted',
  transitionLabelColor: 'text',
  stateLabelColor: 'text',
  stateBkg: 'accentTint',
  labelBackgroundColor: 'surface',
  compositeBackground: 'surface',
  altBackground: 'subtle',
  compositeTitleBackground: 'subtle',
  compositeBorder: 'border',
  innerEndBackground: 'accentLine',
  specialStateColor: 'muted',
  errorBkgColor: 'accent2Tint',
  errorTextColor: 'text',
  classText: 'text',
  relationColor: 'muted',
  relationLabelBackground: 'surface',
  relationLabelColor: 'text',
  requirementBackground: 'accentTint',
  requirementBorderColor: 'accentLine',
  requirementTextColor: 'text',
  attributeBackgroundColorOdd: 'surface',
  attributeBackgroundColorEven: 'subtle',
  archEdgeColor: 'muted',
  archEdgeArrowColor: 'muted',
  archGroupBorderColor: 'border',
  tagLabelColor: 'text',
  tagLabelBackground: 'accentTint',
  tagLabelBorder: 'accentLine',
  commitLabelColor: 'text',
  commitLabelBackground: 'subtle',
  branchLabelColor: 'onAccent',
  scaleLabelColor: 'text',
  pieTitleTextColor: 'text',
  pieSectionTextColor: 'text',
  pieLegendTextColor: 'text',
  pieStrokeColor: 'surface',
  pieOuterStrokeColor: 'border',
  pieOpacity: '1',
  vennTitleTextColor: 'text',
  vennSetTextColor: 'text',
  quadrant1Fill: 'accentTint',
  quadrant2Fill: 'accent2Tint',
  quadrant3Fill: 'subtle',
  quadrant4Fill: 'mutedTint',
  quadrant1TextFill: 'text',
  quadrant2TextFill: 'text',
  quadrant3TextFill: 'text',
  quadrant4TextFill: 'text',
  quadrantPointFill: 'accent',
  quadrantPointTextFill: 'text',
  quadrantXAxisTextFill: 'text',
  quadrantYAxisTextFill: 'text',
  quadrantInternalBorderStrokeFill: 'border',
  quadrantExternalBorderStrokeFill: 'border',
  quadrantTitleFill: 'text',
  emUiFill: 'surface',
  emUiStroke: 'border',
  emProcessorFill: 'mutedTint',
  emProcessorStroke: 'mutedLine',
  emReadModelFill: 'category3',
  emReadModelStroke: 'accentLine',
  emCommandFill: 'accentTint',
  emCommandStroke: 'accentLine',
  emEventFill: 'accent2Tint',
  emEventStroke: 'accent2Line',
  emSwimlaneBackgroundOdd: 'subtle',
  emSwimlaneBackgroundStroke: 'border',
  emArrowhead: 'muted',
  emRelationStroke: 'muted',
  gradientStart: 'accentLine',
  gradientStop: 'accent2Line',
  ...indexed('cScale', CATEGORY_ROLES),
  ...indexed('cScalePeer', CATEGORY_ROLES.map(() => 'border' as const)),
  ...indexed('cScaleInv', CATEGORY_ROLES.map(() => 'text' as const)),
  ...indexed('cScaleLabel', CATEGORY_ROLES.map(() => 'text' as const)),
  ...indexed('surface', ['subtle', 'subtle', 'border', 'border', 'mutedTint'] as const),
  ...indexed('surfacePeer', ['border', 'border', 'border', 'mutedLine', 'mutedLine'] as const),
  ...indexed('fillType', CATEGORY_ROLES.slice(0, 8)),
  ...indexedFromOne('pie', CATEGORY_ROLES),
  ...indexedFromOne('venn', CATEGORY_ROLES.slice(0, 8)),
  ...indexed('git', LINE_ROLES),
  ...indexed('gitInv', LINE_LABEL_ROLES),
  ...indexed('gitBranchLabel', LINE_LABEL_ROLES),
  cynefin: {
    boundaryColor: 'muted',
    cliffColor: 'accent2',
    arrowColor: 'muted',
    complexBg: 'accentTint',
    complicatedBg: 'category3',
    chaoticBg: 'accent2Tint',
    clearBg: 'subtle',
    confusionBg: 'mutedTint',
    textColor: 'text',
    labelColor: 'text',
  },
  radar: { axisColor: 'muted', graticuleColor: 'border' },
  wardley: {
    backgroundColor: 'surface',
    axisColor: 'muted',
    axisTextColor: 'text',
    gridColor: 'border',
    componentFill: 'surface',
    componentStroke: 'text',
    componentLabelColor: 'text',
    linkStroke: 'muted',
    evolutionStroke: 'accent2',
    annotationStroke: 'muted',
    annotationTextColor: 'text',
    annotationFill: 'surface',
  },
  wardleyEvolutionColor: 'accent2',
  xyChart: {
    backgroundColor: 'surface',
    titleColor: 'text',
    dataLabelColor: 'text',
    legendTextColor: 'text',
    xAxisTitleColor: 'text',
    xAxisLabelColor: 'text',
    xAxisTickColor: 'muted',
    xAxisLineColor: 'muted',
    yAxisTitleColor: 'text',
    yAxisLabelColor: 'text',
    yAxisTickColor: 'muted',
    yAxisLineColor: 'muted',
    plotColorPalette: LINE_ROLES.map(sentinel).join(','),
  },
  treeView: { labelColor: 'text', lineColor: 'muted' },
};

const C4_ELEMENTS = ['person', 'system', 'system_db', 'system_queue', 'container', 'container_db', 'container_queue', 'component', 'component_db', 'component_queue'];

/** Diagram configs that take colours outside the theme variables. */
const DIAGRAM_COLOURS: Record<string, Record<string, ThemeValue>> = {
  c4: Object.fromEntries(
    C4_ELEMENTS.flatMap((element) => [
      [`${element}_bg_color`, 'accent'],
      [`${element}_border_color`, 'accentLine'],
      [`external_${element}_bg_color`, 'muted'],
      [`external_${element}_border_color`, 'mutedLine'],
    ]),
  ),
  journey: { sectionFills: CATEGORY_ROLES.slice(0, 6), titleColor: 'text' },
  timeline: { sectionFills: CATEGORY_ROLES.slice(0, 6) },
  railroad: {
    terminalFill: 'accentTint',
    terminalTextColor: 'text',
    nonTerminalFill: 'subtle',
    nonTerminalTextColor: 'text',
    lineColor: 'muted',
    markerFill: 'muted',
    commentFill: 'surface',
    commentTextColor: 'muted',
    specialFill: 'accent2Tint',
    ruleNameColor: 'text',
  },
};

type MermaidValue = string | number | boolean | readonly string[] | { readonly [key: string]: MermaidValue };

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLES, value);
}

function isRoleList(value: ThemeValue): value is readonly Role[] {
  return Array.isArray(value);
}

function toSentinels(value: ThemeValue): MermaidValue {
  if (isRole(value)) return sentinel(value);
  if (isRoleList(value)) return value.map(sentinel);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toSentinels(inner)]));
  }
  return value;
}

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

/** The `mermaid.initialize()` config the render page uses. */
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
    fontFamily: fonts.sans.join(', '),
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

/**
 * Tighter than Mermaid's defaults: an architecture flow is read in a card or
 * beside prose, and every pixel of spacing is a pixel less of label size when
 * the figure scales down to fit.
 */
const LAYOUT = {
  flowchart: { nodeSpacing: 24, rankSpacing: 32, padding: 10, diagramPadding: 4, wrappingWidth: 150 },
  sequence: { actorMargin: 32, width: 120, boxMargin: 8, noteMargin: 8, messageMargin: 28, diagramMarginX: 8, diagramMarginY: 8 },
};

/** Changes whenever the theme would change a diagram's bytes. */
export const THEME_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify({ ROLES, THEME_VARIABLES, DIAGRAM_COLOURS, SECURE_KEYS, LAYOUT, palette, fonts, SENTINEL_SATURATION, SENTINEL_LIGHTNESS }))
  .digest('hex')
  .slice(0, 16);

const SENTINEL_HSL = ROLE_NAMES.map((role, index) => ({ role, hsl: rgbToHsl(parseColour(sentinel(role)) ?? { r: 0, g: 0, b: 0 }), index }));

/** The role a rendered colour came from: a sentinel itself, or one Mermaid lightened, darkened or faded. */
function roleOf(colour: Rgba): Role | undefined {
  const hsl = rgbToHsl(colour);
  if (hsl.s < SENTINEL_SATURATION / 4) return undefined;
  const match = SENTINEL_HSL.find(({ hsl: candidate }) => hueDistance(candidate.h, hsl.h) < 1 && Math.abs(candidate.s - hsl.s) < 4);
  return match?.role;
}

const withAlpha = (css: string, alpha: number) =>
  alpha >= 0.995 ? css : `color-mix(in srgb, ${css} ${Math.round(alpha * 100)}%, transparent)`;

/** Hard-coded neutrals follow the page: near-white becomes the surface, near-black the text. */
function neutralRole(colour: Rgba): Role {
  const light = luminance(colour);
  if (light >= 0.88) return 'surface';
  if (light >= 0.7) return 'subtle';
  if (light >= 0.45) return 'border';
  if (light >= 0.1) return 'muted';
  return 'text';
}

/**
 * The CSS a colour literal in Mermaid's output becomes, or `undefined` to
 * leave it as it is (mid-tone hues read on both backgrounds).
 */
export function themedColour(literal: string): string | undefined {
  const colour = parseColour(literal);
  if (!colour || colour.a === 0) return undefined;
  const role = roleOf(colour);
  if (role) return withAlpha(ROLES[role], colour.a);
  const { s, l } = rgbToHsl(colour);
  const chromatic = s >= 20 && l > 8 && l < 97;
  if (!chromatic) return withAlpha(ROLES[neutralRole(colour)], colour.a);
  const hex = toHex(colour);
  if (l >= 78) return withAlpha(`color-mix(in srgb, ${hex} 35%, ${ROLES.surface})`, colour.a);
  if (l <= 32) return withAlpha(`color-mix(in srgb, ${hex} 55%, ${ROLES.text})`, colour.a);
  return undefined;
}

const replaceColours = (value: string) =>
  value.replace(/url\([^)]*\)|var\([^)]*\)/g, (protectedPart) => `\u0000${encodeURIComponent(protectedPart)}\u0000`)
    .replace(COLOUR_LITERAL, (literal) => themedColour(literal) ?? literal)
    .replace(/\u0000([^\u0000]*)\u0000/g, (_, encoded: string) => decodeURIComponent(encoded));

/** Rewrites the colours in a run of CSS declarations (`fill:#fff;stroke:…`). */
function themeDeclarations(declarations: string): string {
  return declarations.replace(/([-\w]+)(\s*:\s*)([^;{}]*)/g, (_, property: string, colon: string, value: string) => `${property}${colon}${replaceColours(value)}`);
}

/** Rewrites the colours in a style sheet, leaving its selectors alone. */
function themeStyleSheet(css: string): string {
  return css.replace(/\{([^{}]*)\}/g, (_, body: string) => `{${themeDeclarations(body)}}`);
}

const PRESENTATION_ATTRIBUTES = /\s(fill|stroke|stop-color|flood-color|lighting-color|color)="([^"]*)"/g;

/**
 * Swaps every colour in a rendered SVG for the site's CSS variables.
 *
 * Presentation attributes (`fill="…"`) cannot portably hold `var()`, so each
 * becomes a `data-c` marker and a rule of zero specificity: Mermaid's own
 * rules still win over it, exactly as they did over the attribute.
 */
export function themeSvg(svg: string, rootId: string): string {
  const rules = new Map<string, string>();
  const markName = (declaration: string) => {
    let name = rules.get(declaration);
    if (!name) {
      name = `c${rules.size}`;
      rules.set(declaration, name);
    }
    return name;
  };
  // Multiply blending (Sankey links) only works on a light page; on a dark one it turns the links black.
  let themed = svg.replace(/mix-blend-mode:\s*multiply;?/g, '').replace(START_TAG, (tag) => {
    const marks: string[] = [];
    let rewritten = tag.replace(PRESENTATION_ATTRIBUTES, (attribute, name: string, value: string) => {
      const css = replaceColours(value);
      if (css === value) return attribute;
      marks.push(markName(`${name}:${css}`));
      return '';
    });
    rewritten = rewritten.replace(/\sstyle="([^"]*)"/, (_, declarations: string) => ` style="${themeDeclarations(declarations)}"`);
    return marks.length === 0 ? rewritten : rewritten.replace(/\s*(\/?)>$/, ` data-c="${marks.join(' ')}"$1>`);
  });
  themed = themed.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open: string, css: string, close: string) => `${open}${themeStyleSheet(css)}${close}`);
  if (rules.size === 0) return themed;
  const markRules = [...rules].map(([declaration, name]) => `:where(#${rootId} [data-c~="${name}"]){${declaration}}`).join('');
  return /<style[^>]*>/.test(themed)
    ? themed.replace(/<style[^>]*>/, (open) => `${open}${markRules}`)
    : themed.replace(/(<svg[^>]*>)/, `$1<style>${markRules}</style>`);
}
