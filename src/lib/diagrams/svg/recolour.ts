/**
 * Swaps every colour in a rendered SVG for the site's CSS variables
 * (colour/mapping.ts decides what each colour becomes).
 */
import { COLOUR_LITERAL } from '../colour/arithmetic.ts';
import { mappedColour } from '../colour/mapping.ts';
import { rewriteStyleSheets, START_TAG, STYLE_START_TAG } from './patterns.ts';

const replaceColours = (value: string) =>
  value
    .replace(/url\([^)]*\)|var\([^)]*\)/g, (protectedPart) => `\u0000${encodeURIComponent(protectedPart)}\u0000`)
    .replace(COLOUR_LITERAL, (literal) => mappedColour(literal) ?? literal)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL brackets the protected parts above; CSS never holds one.
    .replace(/\u0000([^\u0000]*)\u0000/g, (_, encoded: string) => decodeURIComponent(encoded));

/** Rewrites the colours in a run of CSS declarations (`fill:#fff;stroke:…`). */
function themeDeclarations(declarations: string): string {
  return declarations.replace(
    /([-\w]+)(\s*:\s*)([^;{}]*)/g,
    (_, property: string, colon: string, value: string) => `${property}${colon}${replaceColours(value)}`,
  );
}

/** Rewrites the colours in a style sheet, leaving its selectors alone. */
function themeStyleSheet(css: string): string {
  return css.replace(/\{([^{}]*)\}/g, (_, body: string) => `{${themeDeclarations(body)}}`);
}

const PRESENTATION_ATTRIBUTES = /\s(fill|stroke|stop-color|flood-color|lighting-color|color)="([^"]*)"/g;

/**
 * Presentation attributes (`fill="…"`) cannot portably hold `var()`, so each
 * becomes a `data-c` marker and a rule of zero specificity: Mermaid's own
 * rules still win over it, exactly as they did over the attribute.
 */
export function recolourSvg(svg: string, rootId: string): string {
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
  themed = rewriteStyleSheets(themed, themeStyleSheet);
  if (rules.size === 0) return themed;
  const markRules = [...rules].map(([declaration, name]) => `:where(#${rootId} [data-c~="${name}"]){${declaration}}`).join('');
  return STYLE_START_TAG.test(themed)
    ? themed.replace(STYLE_START_TAG, (open) => `${open}${markRules}`)
    : themed.replace(/(<svg[^>]*>)/, `$1<style>${markRules}</style>`);
}
