/** Patterns the SVG passes share. */

/** An opening tag; attribute values may hold `>` (HTML serialisation does not escape it). */
export const START_TAG = /<[a-zA-Z](?:[^<>"']|"[^"]*"|'[^']*')*>/g;

/** A `<style>` element's opening tag. */
export const STYLE_START_TAG = /<style[^>]*>/;

/** A `<style>` element: its opening tag, its style sheet, its closing tag. */
export const STYLE_ELEMENT = /(<style[^>]*>)([\s\S]*?)(<\/style>)/g;

/** Rewrites the style sheet of every `<style>` element in `svg`. */
export function rewriteStyleSheets(svg: string, rewrite: (css: string) => string): string {
  return svg.replace(STYLE_ELEMENT, (_, open: string, css: string, close: string) => `${open}${rewrite(css)}${close}`);
}
