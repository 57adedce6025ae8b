import { describe, expect, it } from 'vitest';
import { diagramKey, mermaidConfig, rootIdFor, scopeIds, styleFingerprint, withInstanceSuffix } from '../../../src/lib/diagrams/testing.ts';

/** A miniature of what Mermaid writes: its own ids, references of every kind, a duplicate, Iconify's random prefix. */
const MERMAID_SVG = [
  '<svg id="mmd-0123456789ab" aria-labelledby="chart-title-mmd-0123456789ab" viewBox="0 0 10 10">',
  '<style>#mmd-0123456789ab .node{fill:red;}#mmd-0123456789ab-gradient stop{stop-color:blue;}.edge{marker-end:url(#mmd-0123456789ab_flowchart-pointEnd);}</style>',
  '<title id="chart-title-mmd-0123456789ab">T</title>',
  '<linearGradient id="mmd-0123456789ab-gradient"></linearGradient>',
  '<marker id="mmd-0123456789ab_flowchart-pointEnd"></marker>',
  '<g id="edge1"><path marker-end="url(#mmd-0123456789ab_flowchart-pointEnd)" fill="url(&quot;#mmd-0123456789ab-gradient&quot;)"></path></g>',
  '<g id="edge1" data-note="a -> b"></g>',
  '<symbol id="IconifyId19a2b3c4d5e6f70"></symbol><use href="#IconifyId19a2b3c4d5e6f70"></use><use xlink:href="#edge1"></use>',
  '</svg>',
].join('');

const ROOT = 'mmd-0123456789ab';

const idsOf = (svg: string) => [...svg.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);

describe('diagram keys', () => {
  const parts = { source: 'flowchart LR\n  A --> B', mermaidVersion: '12.3.0', style: 'style-a', font: 'font-a', pipeline: '1' };

  it('is the same for the same inputs', () => {
    expect(diagramKey(parts)).toBe(diagramKey({ ...parts }));
  });

  it.each(['source', 'mermaidVersion', 'style', 'font', 'pipeline'] as const)('changes when the %s changes', (part) => {
    expect(diagramKey({ ...parts, [part]: `${parts[part]}*` })).not.toBe(diagramKey(parts));
  });

  it('takes its style from the Mermaid config itself: a change to any value, however deep, changes it', () => {
    const config = mermaidConfig();
    const sequence = config['sequence'] as Record<string, number>;
    expect(styleFingerprint(mermaidConfig())).toBe(styleFingerprint(config));
    expect(styleFingerprint({ ...config, sequence: { ...sequence, actorMargin: (sequence['actorMargin'] ?? 0) + 1 } })).not.toBe(
      styleFingerprint(config),
    );
    expect(styleFingerprint({ ...config, gantt: { todayMarker: 'on' } })).not.toBe(styleFingerprint(config));
  });

  it('gives a root id that is a valid, short HTML id', () => {
    expect(rootIdFor(diagramKey(parts))).toMatch(/^mmd-[0-9a-f]{12}$/);
  });
});

describe('scopeIds', () => {
  const scoped = scopeIds(MERMAID_SVG, ROOT);

  it('keeps the root id and renames every other id under it', () => {
    const ids = idsOf(scoped);
    expect(ids[0]).toBe(ROOT);
    for (const id of ids.slice(1)) expect(id).toMatch(/^mmd-0123456789ab-\d+$/);
  });

  it('gives duplicate ids names of their own', () => {
    const ids = idsOf(scoped);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves no random Iconify id behind', () => {
    expect(scoped).not.toContain('IconifyId');
  });

  it('rewrites url(#…), href, xlink:href and aria references to the new ids', () => {
    const ids = new Set(idsOf(scoped));
    const references = [
      ...[...scoped.matchAll(/url\((?:&quot;)?#([^)&]+)(?:&quot;)?\)/g)].map((match) => match[1]),
      ...[...scoped.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]),
      ...(/aria-labelledby="([^"]+)"/.exec(scoped)?.[1]?.split(' ') ?? []),
    ];
    expect(references.length).toBeGreaterThanOrEqual(6);
    for (const reference of references) expect(ids).toContain(reference);
  });

  it('rewrites id selectors in the style sheet', () => {
    const css = /<style>(.*)<\/style>/.exec(scoped)?.[1] ?? '';
    const selectors = [...css.matchAll(/#([-\w]+)/g)].map((match) => match[1]);
    const ids = new Set(idsOf(scoped));
    for (const selector of selectors) expect(ids).toContain(selector);
  });

  it('does not touch attribute values that merely contain ">"', () => {
    expect(scoped).toContain('data-note="a -> b"');
  });

  it('is deterministic: renaming depends on document order, not on the random values', () => {
    const otherRandom = MERMAID_SVG.replaceAll('IconifyId19a2b3c4d5e6f70', 'IconifyId0fedcba98765432');
    expect(scopeIds(otherRandom, ROOT)).toBe(scoped);
  });
});

describe('withInstanceSuffix', () => {
  it('gives a second copy of a diagram ids that none of the first uses', () => {
    const first = scopeIds(MERMAID_SVG, ROOT);
    const second = withInstanceSuffix(first, ROOT, 'card1');
    const firstIds = new Set(idsOf(first));
    expect(idsOf(second).filter((id) => firstIds.has(id))).toEqual([]);
    expect(second).toContain('url(#mmd-0123456789ab-card1-');
  });

  it('leaves the diagram as it is without a suffix', () => {
    expect(withInstanceSuffix(MERMAID_SVG, ROOT, '')).toBe(MERMAID_SVG);
  });
});
