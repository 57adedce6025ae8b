/**
 * The last pass before a diagram is cached: svgo, with only the changes that
 * cannot alter a pixel or anything the page relies on.
 *
 * Kept: every id and class (the theme's CSS, the figure's ids, the tests),
 * every <style> rule as written (color-mix(), var(), :where()), <title>,
 * <desc>, aria-* and role, every drawn element (CSS selectors such as
 * `.node rect` depend on the tree), and every data-* attribute a style sheet
 * selects on (the colour roles' `data-c`).
 * Changed: every number of the geometry becomes the shortest decimal that
 * Chromium reads as the very same float, so it draws the very same pixels;
 * path data loses redundant separators; empty attributes, the spaces in style
 * attributes, and arrowheads or icons nothing points at go; so do Mermaid's
 * bookkeeping attributes that no style sheet reads (the base64 edge points in
 * data-points, data-id, data-look…).
 * tests/integration/diagram-optimiser-pixels.test.ts holds it to that, screenshot
 * against screenshot, for every diagram type.
 *
 * Runs once per diagram, at cache time: the cache key's pipeline version
 * covers it, and a cached build never loads svgo.
 */
import type { Config, CustomPlugin, XastElement } from 'svgo';
import { STYLE_ELEMENT } from './patterns.ts';

/** data-* attributes the diagram's style sheets select on. */
function dataAttributesInStyles(svg: string): Set<string> {
  const sheets = [...svg.matchAll(STYLE_ELEMENT)].map(([, , css = '']) => css).join('\n');
  return new Set([...sheets.matchAll(/\[\s*(data-[-\w]+)/g)].map(([, name = '']) => name));
}

/** Mermaid's data-* attributes that nothing selects on: bookkeeping, not drawing. */
function dropUnstyledDataAttributes(kept: ReadonlySet<string>): CustomPlugin {
  return {
    name: 'dropUnstyledDataAttributes',
    fn: () => ({
      element: {
        enter: (node: XastElement) => {
          for (const name of Object.keys(node.attributes)) if (name.startsWith('data-') && !kept.has(name)) delete node.attributes[name];
        },
      },
    }),
  };
}

/** Every `#id` the SVG points at: url(#…), href, and id selectors in its style sheets. */
function referencedIds(svg: string): Set<string> {
  const references = svg.matchAll(/url\((?:['"]|&quot;)?#([^'")&]+)|href="#([^"]+)"|#(-?[_a-zA-Z][-\w]*)/g);
  return new Set([...references].map(([, url, href, selector]) => url ?? href ?? selector ?? ''));
}

/** Elements drawn only where something points at them: an arrowhead, an icon, a gradient, a filter… */
const DRAWN_BY_REFERENCE = new Set(['marker', 'symbol', 'clipPath', 'mask', 'pattern', 'filter', 'linearGradient', 'radialGradient']);

/** Mermaid writes every arrowhead and icon its diagram type might use; one nothing points at draws nothing. */
function dropUnreferencedDefinitions(referenced: ReadonlySet<string>): CustomPlugin {
  return {
    name: 'dropUnreferencedDefinitions',
    fn: () => ({
      element: {
        enter: (node: XastElement, parent) => {
          const id = node.attributes['id'];
          if (!DRAWN_BY_REFERENCE.has(node.name) || (id !== undefined && referenced.has(id))) return;
          parent.children = parent.children.filter((child) => child !== node);
        },
      },
    }),
  };
}

/** `stroke-width: 1; stroke-dasharray: 1, 0;` → `stroke-width:1;stroke-dasharray:1,0`; quoted text is left as it is. */
const tightStyleAttributes: CustomPlugin = {
  name: 'tightStyleAttributes',
  fn: () => ({
    element: {
      enter: (node: XastElement) => {
        const style = node.attributes['style'];
        if (style === undefined || style.includes('\\')) return;
        const tight = style
          .split(/("[^"]*"|'[^']*')/)
          .map((part, index) => (index % 2 === 1 ? part : part.replace(/\s*([:;,])\s*/g, '$1')))
          .join('')
          .replace(/;+$/, '')
          .trim();
        if (tight === '') delete node.attributes['style'];
        else node.attributes['style'] = tight;
      },
    },
  }),
};

/** A number as SVG writes it: sign, digits, point, exponent. */
const NUMBER_PATTERN = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const NUMBER = new RegExp(NUMBER_PATTERN, 'g');
/** Path data: command letters and numbers. */
const PATH_TOKEN = new RegExp(`[a-zA-Z]|${NUMBER_PATTERN}`, 'g');
/** A length attribute's number, before an optional unit. */
const LEADING_NUMBER = new RegExp(`^${NUMBER_PATTERN}(?=[a-z%]*$)`);

/**
 * A number as Chromium's SVG parser reads it (Blink's GenericParseNumber for
 * floats): digits summed in 32-bit floats, not correctly rounded, so two
 * decimals of one float can still read differently. Mirrored step by step.
 */
function chromiumFloat(text: string): number | undefined {
  const match = /^([-+]?)(\d*)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign = '', integerDigits = '', decimalDigits = '', exponent] = match;
  const f = Math.fround;
  let integer = 0;
  let multiplier = 1;
  for (let index = integerDigits.length - 1; index >= 0; index -= 1) {
    integer = f(integer + f(multiplier * Number(integerDigits[index])));
    multiplier = f(multiplier * 10);
  }
  let decimal = 0;
  let fraction = 1;
  for (const digit of decimalDigits) {
    fraction = f(fraction * f(0.1));
    decimal = f(decimal + f(Number(digit) * fraction));
  }
  let number = f(integer + decimal);
  if (sign === '-') number = -number;
  if (exponent !== undefined && Number(exponent) !== 0) number = f(number * f(10 ** Number(exponent)));
  return number;
}

/**
 * The shortest decimal Chromium reads as the very same number, by its SVG
 * parser and by a correctly rounded one alike. Chromium keeps SVG geometry in
 * 32-bit floats, so Mermaid's `1366.1394958496094` draws exactly as `1366.1395`.
 */
export function shortestFloat32(text: string): string {
  const value = Number(text);
  const asChromium = chromiumFloat(text);
  if (!Number.isFinite(value) || asChromium === undefined) return text;
  for (let digits = 0; digits <= 9; digits += 1) {
    const candidate = String(Number(value.toFixed(digits))).replace(/^(-?)0\./, '$1.');
    if (candidate.length >= text.length) return text;
    if (chromiumFloat(candidate) === asChromium && Math.fround(Number(candidate)) === Math.fround(value)) return candidate;
  }
  return text;
}

/**
 * A list of numbers (and, in path data, command letters) written with the
 * fewest separators that parse to the same list: a space between numbers, none
 * before a minus sign or around a letter. Anything else in the value (a unit,
 * a stray character) leaves it as it was.
 */
function compactNumberList(value: string, { letters }: { letters: boolean }): string {
  const tokens = value.match(letters ? PATH_TOKEN : NUMBER) ?? [];
  if (tokens.join('').length !== value.replace(/[\s,]+/g, '').length) return value;
  let written = '';
  let previousIsNumber = false;
  for (const token of tokens) {
    const isNumber = !/^[a-zA-Z]$/.test(token);
    const number = isNumber ? shortestFloat32(token) : token;
    if (isNumber && previousIsNumber && !number.startsWith('-')) written += ' ';
    written += number;
    previousIsNumber = isNumber;
  }
  return written;
}

/** Attributes that hold one length or number (with an optional unit). */
const LENGTH_ATTRIBUTES = new Set([
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'width',
  'height',
  'dx',
  'dy',
  'refX',
  'refY',
  'markerWidth',
  'markerHeight',
]);

/** Geometry with float-exact shorter numbers; the root <svg>'s own size is the figure's and stays. */
const shortestGeometry: CustomPlugin = {
  name: 'shortestGeometry',
  fn: () => ({
    element: {
      enter: (node: XastElement, parent) => {
        const isRoot = node.name === 'svg' && parent.type === 'root';
        for (const [name, value] of Object.entries(node.attributes)) {
          if (name === 'd') node.attributes[name] = compactNumberList(value, { letters: true });
          else if (name === 'points' || name === 'viewBox') node.attributes[name] = compactNumberList(value, { letters: false });
          else if (name === 'transform')
            node.attributes[name] = value.replace(/\(([^()]*)\)/g, (_, list: string) => `(${compactNumberList(list, { letters: false })})`);
          else if (LENGTH_ATTRIBUTES.has(name) && !isRoot) node.attributes[name] = value.replace(LEADING_NUMBER, shortestFloat32);
        }
      },
    },
  }),
};

function svgoConfig(svg: string): Config {
  return {
    multipass: false,
    // Empty HTML elements inside a <foreignObject> must keep their end tags: `<div/>` is not self-closing in HTML.
    // Quotes in text (the style sheet's `[data-c~="c0"]`) need no escaping.
    js2svg: { pretty: false, useShortTags: !svg.includes('<foreignObject'), regEntities: /[&<>]/g },
    plugins: [
      'removeComments',
      'cleanupAttrs',
      'removeEmptyAttrs',
      tightStyleAttributes,
      dropUnstyledDataAttributes(dataAttributesInStyles(svg)),
      dropUnreferencedDefinitions(referencedIds(svg)),
      shortestGeometry,
    ],
  };
}

/** The optimised SVG. svgo is loaded on first use: a build whose diagrams are all cached never pays for it. */
export async function optimiseSvg(svg: string): Promise<string> {
  // Icons inlined as SVGs of their own (Font Awesome labels) are drawn by their own viewBox: left as they are.
  if (/<svg\b/.test(svg.slice(1))) return svg;
  const { optimize } = await import('svgo');
  try {
    const optimised = optimize(svg, svgoConfig(svg)).data;
    // The drawing's frame is never the optimiser's to change (kanban's viewBox came out wider).
    return sameFrame(optimised, svg) ? optimised : svg;
  } catch {
    // svgo reads XML; Mermaid's markup inside a <foreignObject> is HTML and may not be. Such a diagram is right as it is, only larger.
    return svg;
  }
}

// Numbers as Chromium reads them (32-bit floats): the optimiser writes each in its shortest form.
const rootViewBox = (svg: string) =>
  (/^<svg\b[^>]*\sviewBox="([^"]*)"/.exec(svg)?.[1] ?? '')
    // svgo may drop the separator before a minus sign ("-8-8 683 851").
    .match(NUMBER)
    ?.map((number) => Math.fround(Number(number))) ?? [];

const sameFrame = (a: string, b: string) => {
  const [first, second] = [rootViewBox(a), rootViewBox(b)];
  // Without a viewBox the drawing is framed by its contents, which the optimiser may move.
  return first.length === 4 && second.length === 4 && first.every((number, index) => number === second[index]);
};
