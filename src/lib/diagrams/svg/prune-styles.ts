/**
 * Drops the rules of a diagram's style sheet that cannot match anything in
 * it. Mermaid writes every rule its diagram type might need (error icons,
 * the "neo" look, tooltips, KaTeX…) into every SVG — often half its bytes.
 *
 * A rule goes only when one of its selectors' requirements is certainly
 * missing: a class no element carries, an element type the SVG does not
 * contain, an attribute value it does not have. Anything the check does not
 * understand is kept. The SVG has no scripts, so nothing can add a class later.
 */
import { rewriteStyleSheets, STYLE_ELEMENT } from './patterns.ts';

interface Vocabulary {
  classes: Set<string>;
  tags: Set<string>;
  markup: string;
}

function vocabularyOf(svg: string): Vocabulary {
  const classes = new Set<string>();
  for (const [, value = ''] of svg.matchAll(/\sclass="([^"]*)"/g)) for (const name of value.split(/\s+/)) if (name) classes.add(name);
  const tags = new Set([...svg.matchAll(/<([a-zA-Z][\w:-]*)/g)].map(([, tag = '']) => tag.toLowerCase()));
  return { classes, tags, markup: svg };
}

/** Inside :not(), :is(), :where()… a missing class does not rule a selector out: set those parts aside. */
const withoutFunctionalPseudoClasses = (selector: string) => selector.replace(/:[-\w]+\((?:[^()]|\([^()]*\))*\)/g, '');

function canMatch(selector: string, vocabulary: Vocabulary): boolean {
  const plain = withoutFunctionalPseudoClasses(selector).replace(/::?[-\w]+/g, '');
  for (const [, name = ''] of plain.matchAll(/\.(-?[_a-zA-Z][-\w]*)/g)) if (!vocabulary.classes.has(name)) return false;
  for (const [, tag = ''] of plain.matchAll(/(?:^|[\s>+~(])([a-zA-Z][\w-]*)/g)) if (!vocabulary.tags.has(tag.toLowerCase())) return false;
  for (const [, name = '', value] of plain.matchAll(/\[([-\w:]+)(?:="([^"]*)")?\]/g)) {
    const wanted = value === undefined ? ` ${name}="` : ` ${name}="${value}"`;
    if (!vocabulary.markup.includes(wanted)) return false;
  }
  return true;
}

/** Splits a selector list at its top-level commas. */
function selectorsOf(list: string): string[] {
  const selectors: string[] = [];
  let depth = 0;
  let start = 0;
  [...list].forEach((character, index) => {
    if (character === '(' || character === '[') depth += 1;
    else if (character === ')' || character === ']') depth -= 1;
    else if (character === ',' && depth === 0) {
      selectors.push(list.slice(start, index));
      start = index + 1;
    }
  });
  selectors.push(list.slice(start));
  return selectors.map((selector) => selector.trim()).filter(Boolean);
}

interface Block {
  prelude: string;
  body: string;
}

/** The top-level blocks of a style sheet (`prelude{body}`); nested braces stay inside their body. */
function blocksOf(css: string): Block[] | undefined {
  const blocks: Block[] = [];
  let depth = 0;
  let preludeStart = 0;
  let bodyStart = 0;
  for (let index = 0; index < css.length; index += 1) {
    const character = css[index];
    if (character === '{') {
      if (depth === 0) bodyStart = index + 1;
      depth += 1;
    } else if (character === '}') {
      depth -= 1;
      if (depth < 0) return undefined;
      if (depth === 0) {
        blocks.push({ prelude: css.slice(preludeStart, bodyStart - 1), body: css.slice(bodyStart, index) });
        preludeStart = index + 1;
      }
    }
  }
  return depth === 0 && css.slice(preludeStart).trim() === '' ? blocks : undefined;
}

function pruneStyleSheet(css: string, vocabulary: Vocabulary): string {
  const blocks = blocksOf(css);
  if (!blocks) return css;
  const kept = blocks.flatMap(({ prelude, body }) => {
    if (prelude.trim().startsWith('@')) return [{ prelude, body }];
    const selectors = selectorsOf(prelude).filter((selector) => canMatch(selector, vocabulary));
    return selectors.length === 0 ? [] : [{ prelude: selectors.join(','), body }];
  });
  const rules = kept.filter(({ prelude }) => !prelude.trim().startsWith('@keyframes'));
  const declarations = rules.map(({ body }) => body).join(';');
  return kept
    .filter(({ prelude }) => {
      const keyframes = /^\s*@keyframes\s+([-\w]+)/.exec(prelude)?.[1];
      return keyframes === undefined || new RegExp(`(^|[\\s:,])${keyframes}([\\s;,]|$)`).test(declarations);
    })
    .map(({ prelude, body }) => `${prelude.trim()}{${body}}`)
    .join('');
}

export function pruneUnusedStyles(svg: string): string {
  const vocabulary = vocabularyOf(svg.replace(STYLE_ELEMENT, ''));
  return rewriteStyleSheets(svg, (css) => pruneStyleSheet(css, vocabulary));
}
