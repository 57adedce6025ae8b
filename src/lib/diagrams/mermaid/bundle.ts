/**
 * The Mermaid bundle the render page loads: Mermaid's own, with two changes,
 * each found by the name esbuild keeps for it and checked by
 * tests/unit/diagrams/mermaid-bundle.test.ts, which fails naming the function
 * when a Mermaid release rewrites it (the page then loads Mermaid as published).
 *
 * 1. `assignWithDepth` (mermaid/src/assignWithDepth.ts) made cheaper, with
 *    nothing it draws changed:
 *
 * Mermaid copies its whole config (about a thousand keys) on every
 * `getConfig()`, dozens of times a drawing, with `assignWithDepth`. That copy
 * adds each key with `Object.defineProperty` (so that a `__proto__` key stays
 * a key), which V8 cannot inline: in CPU profiles of the render page it is a
 * fifth to a third of a drawing's time. The page's copy of the function defines a
 * key that way only when the object already answers to that name through its
 * prototype (`__proto__`, `constructor`, a setter) and assigns it otherwise —
 * for the objects Mermaid copies into, the same own property, key order and
 * result (tests/unit/diagrams/mermaid-bundle.test.ts holds the two functions
 * to the same results), at about half the cost.
 *
 * 2. Words kept whole where a label wraps. SVG-text labels (htmlLabels: false)
 *    wrap at the diagram's wrapping width, and a single word wider than that is
 *    cut between two letters ("DELIVERY-ADDR" over "ESS" in an ER diagram),
 *    where Mermaid's own HTML labels keep it on a line of its own; here it gets
 *    that line: `splitWordToFitWidth` (mermaid/src/rendering-util/splitText.ts)
 *    answers with the whole word, and `wrapLabel` (mermaid/src/utils.ts, the
 *    sequence diagram's wrapping of participants and messages) puts a word
 *    wider than its line on a line of its own instead of hyphenating it with
 *    `breakString` ("Comm-" over "and").
 */

/** Where the function ends in the bundle: esbuild keeps its name as a string. */
const FUNCTION_NAME = ',"assignWithDepth")';
/** Where it starts: `name=keepName((dst,src,{depth:d=2}={})=>{`, the minified names aside. */
const FUNCTION_START = /[\w$]+=[\w$]+\(\([\w$]+,[\w$]+,\{depth:[\w$]+=2\}=\{\}\)=>\{/g;
/** How far before its name the function's start is looked for (it is about 1,100 characters long). */
const SEARCH_BACK = 4000;
/** Its `Object.defineProperty(dst, key, {value, writable, enumerable, configurable})`, each value a name or `void 0`. */
const DEFINE_KEY = /Object\.defineProperty\(([\w$]+),([\w$]+),\{value:([\w$]+|void 0),writable:!0,enumerable:!0,configurable:!0\}\)/g;

export interface MermaidBundle {
  /** The bundle's code as the page loads it. */
  code: string;
  /** Whether `assignWithDepth` was found and made cheaper; false leaves the code as published. */
  patched: boolean;
}

/** `assignWithDepth` as it appears in the bundle (its whole `name=keepName(…,"assignWithDepth")`), or undefined. */
export function assignWithDepthSpan(bundle: string): { start: number; end: number } | undefined {
  const nameAt = bundle.indexOf(FUNCTION_NAME);
  if (nameAt < 0 || bundle.indexOf(FUNCTION_NAME, nameAt + 1) >= 0) return undefined;
  const from = Math.max(0, nameAt - SEARCH_BACK);
  let start: number | undefined;
  // The last definition that starts before the name is the function's own.
  for (const match of bundle.slice(from, nameAt).matchAll(FUNCTION_START)) start = from + match.index;
  return start === undefined ? undefined : { start, end: nameAt + FUNCTION_NAME.length };
}

/** The function's source with each key defined the cheap way where that is the same thing. */
export function cheaperAssignWithDepth(source: string): string {
  return source.replace(
    DEFINE_KEY,
    (definition, target: string, key: string, value: string) => `(${key} in ${target}?${definition}:${target}[${key}]=${value})`,
  );
}

function cheaperConfigCopy(published: string): MermaidBundle {
  const span = assignWithDepthSpan(published);
  if (!span) return { code: published, patched: false };
  const original = published.slice(span.start, span.end);
  // Its two definitions (a nested object's placeholder, a plain value) or neither: half a change is another function.
  if ((original.match(DEFINE_KEY) ?? []).length !== 2) return { code: published, patched: false };
  return { code: published.slice(0, span.start) + cheaperAssignWithDepth(original) + published.slice(span.end), patched: true };
}

/** `splitWordToFitWidth(checkFit, word)` as minified: `function NAME(a,b){let c=…(b.content);return …(a,[],c,b.type)}`. */
const splitWord = (name: string) =>
  new RegExp(
    String.raw`function ${name.replaceAll('$', String.raw`\$`)}\(([\w$]+),([\w$]+)\)\{let [\w$]+=[\w$]+\(\2\.content\);return [\w$]+\(\1,\[\],[\w$]+,\2\.type\)\}`,
    'g',
  );

/** `splitWordToFitWidth` answering with the whole word and nothing left over, or undefined where it is not as expected. */
export function wholeWords(bundle: string): string | undefined {
  const names = [...bundle.matchAll(/\b[\w$]+\(([\w$]+),"splitWordToFitWidth"\)/g)].map((match) => match[1] ?? '');
  const [name] = names;
  if (names.length !== 1 || !name) return undefined;
  if ((bundle.match(splitWord(name)) ?? []).length !== 1) return undefined;
  return bundle.replace(
    splitWord(name),
    (_, checkFit: string, word: string) => `function ${name}(${checkFit},${word}){return[${word},{content:"",type:${word}.type}]}`,
  );
}

/**
 * `wrapLabel`'s call of `breakString` for a word wider than a line, as minified:
 * `let{hyphenatedStrings:A,remainingWord:B}=breakString(word,maxWidth,"-",config);`.
 */
const BREAK_STRING_CALL = /let\{hyphenatedStrings:([\w$]+),remainingWord:([\w$]+)\}=[\w$]+\(([\w$]+),[\w$]+,"-",[\w$]+\);/g;

/** `wrapLabel` with a word wider than a line given a line of its own, whole; undefined where the call is not as expected. */
export function unhyphenatedWords(bundle: string): string | undefined {
  if ((bundle.match(BREAK_STRING_CALL) ?? []).length !== 1) return undefined;
  return bundle.replace(
    BREAK_STRING_CALL,
    (_, lines: string, rest: string, word: string) =>
      `let{hyphenatedStrings:${lines},remainingWord:${rest}}={hyphenatedStrings:[],remainingWord:${word}};`,
  );
}

export function mermaidBundle(published: string): MermaidBundle {
  const cheaper = cheaperConfigCopy(published);
  const whole = wholeWords(cheaper.code) ?? cheaper.code;
  const unhyphenated = unhyphenatedWords(whole) ?? whole;
  return { code: unhyphenated, patched: unhyphenated !== published };
}
