import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  assignWithDepthSpan,
  cheaperAssignWithDepth,
  mermaidBundle,
  mermaidConfig,
  unhyphenatedWords,
  wholeWords,
} from '../../../src/lib/diagrams/testing.ts';

const published = readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');

type AssignWithDepth = (dst: unknown, src: unknown, options?: { depth?: number }) => unknown;

/** The bundle's `name=keepName((dst,src,…)=>{…},"assignWithDepth")` as a function of this realm, strict as in the bundle. */
function compile(source: string): AssignWithDepth {
  const [, name, keepName] = /^([\w$]+)=([\w$]+)\(/.exec(source) ?? [];
  if (!name || !keepName) throw new Error(`Not a named definition: ${source.slice(0, 80)}`);
  return new Function(`'use strict'; const ${keepName} = (fn) => fn; let ${name}; ${source}; return ${name};`)() as AssignWithDepth;
}

/**
 * Everything about a value that a caller could tell apart: each object's
 * prototype, own keys in order with their descriptors, and whether it is one
 * of the inputs' objects (shared, not copied).
 */
function portrait(value: unknown, inputs: Map<object, string>, seen = new Set<object>()): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? 'function' : { primitive: value };
  if (seen.has(value)) return { cycle: true };
  seen.add(value);
  const prototype = Object.getPrototypeOf(value);
  return {
    input: inputs.get(value) ?? null,
    prototype: prototype === Object.prototype ? 'Object' : prototype === Array.prototype ? 'Array' : prototype === null ? 'null' : 'other',
    keys: Reflect.ownKeys(value).map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
      return [
        String(key),
        descriptor.get || descriptor.set
          ? { accessor: true, enumerable: descriptor.enumerable, configurable: descriptor.configurable }
          : {
              writable: descriptor.writable,
              enumerable: descriptor.enumerable,
              configurable: descriptor.configurable,
              value: portrait(descriptor.value, inputs, seen),
            },
      ];
    }),
  };
}

function inputsOf(...values: unknown[]): Map<object, string> {
  const found = new Map<object, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null || found.has(value)) return;
    found.set(value, path);
    for (const key of Reflect.ownKeys(value)) walk((value as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`);
  };
  values.forEach((value, index) => {
    walk(value, `input${index}`);
  });
  return found;
}

class Labelled {
  seen: unknown;
  set label(value: unknown) {
    this.seen = value;
  }
}

/** Each case builds fresh inputs, so both functions get their own. */
const CASES: Record<string, () => { dst: unknown; src: unknown; depth?: number }> = {
  'the site config into an empty object (getConfig)': () => ({ dst: {}, src: mermaidConfig() }),
  'the site config one level deeper': () => ({ dst: {}, src: mermaidConfig(), depth: 3 }),
  'a directive over a config': () => ({
    dst: mermaidConfig(),
    src: { flowchart: { curve: 'basis', padding: 4 }, themeVariables: { primaryColor: '#fff' }, secure: ['theme'] },
  }),
  'a "__proto__" key, as JSON gives it': () => ({ dst: {}, src: JSON.parse('{"__proto__":{"polluted":true},"a":{"__proto__":1}}') }),
  'keys the prototype already answers to': () => ({
    dst: {},
    src: { constructor: { name: 'x' }, toString: 'text', hasOwnProperty: 1, valueOf: null },
  }),
  'a setter on the object’s prototype': () => ({ dst: new Labelled(), src: { label: 'drawn', seen: { nested: true } } }),
  'nulls, undefined and primitives over objects': () => ({
    dst: { a: { keep: 1 }, b: 'text', c: [1] },
    src: { a: null, b: { now: 'object' }, c: undefined, d: undefined, e: 0 },
  }),
  'arrays merge without repeats': () => ({
    dst: { list: [1, 2], nested: { list: ['a'] } },
    src: { list: [2, 3, 3], nested: { list: ['a', 'b'] }, fresh: [{ x: 1 }] },
  }),
  'an array of sources': () => ({ dst: {}, src: [{ a: 1 }, { b: { c: 2 } }, { a: 3 }] }),
  'objects below the depth are assigned, not copied': () => ({
    dst: { a: { b: { c: { keep: true } } } },
    src: { a: { b: { c: { d: 1 } } } },
    depth: 2,
  }),
  'depth 0 and 1': () => ({ dst: { a: { x: 1 } }, src: { a: { y: { z: 1 } } }, depth: 1 }),
  'a frozen object': () => ({ dst: Object.freeze({}), src: { a: 1 } }),
};

describe('the pipeline’s Mermaid bundle', () => {
  const span = assignWithDepthSpan(published);
  const source = span ? published.slice(span.start, span.end) : undefined;

  it('finds assignWithDepth in the installed Mermaid and makes its copy cheaper', () => {
    // Failing here means a Mermaid release rewrote the function: the page then loads Mermaid as
    // published (still correct, slower). Look at the new assignWithDepth in mermaid.min.js and at
    // src/lib/diagrams/mermaid/bundle.ts; drop the speed-up if Mermaid fixed its cost itself.
    const bundle = mermaidBundle(published);
    expect(bundle.patched).toBe(true);
    expect(bundle.code.length - published.length).toBeLessThan(200);
  });

  it('changes nothing in the bundle but its two functions', () => {
    if (!span) throw new Error('assignWithDepth not found');
    const { code } = mermaidBundle(published);
    expect(code.startsWith(published.slice(0, span.start))).toBe(true);
    const split = published.search(/function [\w$]+\([\w$]+,[\w$]+\)\{let [\w$]+=[\w$]+\([\w$]+\.content\);return/);
    expect(split).toBeGreaterThan(span.end);
    const after = published.indexOf('}', split) + 1;
    expect(code.endsWith(published.slice(after))).toBe(true);
  });

  it('finds wrapLabel’s call of breakString (mermaid/src/utils.ts) and gives a too-wide word a line of its own, whole', () => {
    // Failing here means a Mermaid release rewrote wrapLabel: sequence diagrams' wrapped participants and
    // messages may then hyphenate a word between two letters again ("Comm-" over "and"). Look at the new
    // wrapLabel in mermaid.min.js and at src/lib/diagrams/mermaid/bundle.ts (unhyphenatedWords).
    const code = unhyphenatedWords(published);
    expect(code).toBeDefined();
    expect(code).toMatch(/let\{hyphenatedStrings:([\w$]+),remainingWord:([\w$]+)\}=\{hyphenatedStrings:\[\],remainingWord:[\w$]+\};/);
    // The page's bundle carries it, beside the other two changes.
    expect(mermaidBundle(published).code).toContain('{hyphenatedStrings:[],remainingWord:');
  });

  it('finds splitWordToFitWidth (mermaid/src/rendering-util/splitText.ts) and makes it keep a word whole', () => {
    // Failing here means a Mermaid release rewrote the function: SVG-text labels may then cut a long
    // word between two letters again. Look at the new splitWordToFitWidth in mermaid.min.js and at
    // src/lib/diagrams/mermaid/bundle.ts (wholeWords).
    const code = wholeWords(published);
    expect(code).toBeDefined();
    const keep = /function ([\w$]+)\(([\w$]+),([\w$]+)\)\{return\[\3,\{content:"",type:\3\.type\}\]\}/.exec(code ?? '');
    expect(keep).not.toBeNull();
    expect(code).toContain(`(${keep?.[1]},"splitWordToFitWidth")`);
    // The whole word, and nothing left to wrap onto the next line.
    const splitWordToFitWidth = new Function(`return ${keep?.[0]}`)() as (
      fits: unknown,
      word: { content: string; type: string },
    ) => unknown;
    expect(splitWordToFitWidth(() => false, { content: 'DELIVERY-ADDRESS', type: 'normal' })).toEqual([
      { content: 'DELIVERY-ADDRESS', type: 'normal' },
      { content: '', type: 'normal' },
    ]);
  });

  const original = source === undefined ? undefined : compile(source);
  const cheaper = source === undefined ? undefined : compile(cheaperAssignWithDepth(source));

  it.each(Object.keys(CASES))('gives the same result as Mermaid’s own: %s', (name) => {
    const outcome = (assign: AssignWithDepth | undefined) => {
      const { dst, src, depth } = (CASES[name] as () => { dst: unknown; src: unknown; depth?: number })();
      const inputs = inputsOf(dst, src);
      try {
        const result = assign?.(dst, src, depth === undefined ? undefined : { depth });
        return { result: portrait(result, inputs), dst: portrait(dst, inputs) };
      } catch (error) {
        return { threw: (error as Error).constructor.name };
      }
    };
    expect(outcome(cheaper)).toEqual(outcome(original));
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
