import { describe, expect, it } from 'vitest';
import { fitsPhone, FLOOR, layoutPin, layoutRules, PHONE_COLUMN, renderLayouts, topToBottom, turned, type DiagramRenderer, type RenderedDiagram } from '../../../src/lib/diagrams/testing.ts';

describe('turned', () => {
  it('turns a diagram the other way round: left-right to top-bottom and back, changing only the direction', () => {
    expect(turned('flowchart LR\n  a --> b')).toBe('flowchart TB\n  a --> b');
    expect(turned('graph TD\n  a --> b')).toBe('graph LR\n  a --> b');
    expect(turned('flowchart BT\n  a --> b')).toBe('flowchart LR\n  a --> b');
    expect(turned('gitGraph\n  commit')).toBe('gitGraph TB:\n  commit');
    expect(turned('gitGraph TB:\n  commit')).toBe('gitGraph LR:\n  commit');
    expect(turned('classDiagram\n  direction TB\n  A <|-- B')).toBe('classDiagram\n  direction LR\n  A <|-- B');
  });

  it('leaves alone a diagram without a direction, or one that does not state its own', () => {
    expect(turned('sequenceDiagram\n  A->>B: hi')).toBeUndefined();
    expect(turned('stateDiagram-v2\n  [*] --> A')).toBeUndefined();
  });
});

describe('topToBottom', () => {
  it('turns a left-to-right flowchart (or graph) top to bottom, changing only the direction', () => {
    expect(topToBottom('flowchart LR\n  a --> b')).toBe('flowchart TB\n  a --> b');
    expect(topToBottom('graph RL;\n  a --> b')).toBe('graph TB;\n  a --> b');
    expect(topToBottom('---\ntitle: Flow\n---\n%% a comment\n\nflowchart-elk LR\n  a --> b')).toBe('---\ntitle: Flow\n---\n%% a comment\n\nflowchart-elk TB\n  a --> b');
  });

  it('turns the top-level direction of state, class, ER and requirement diagrams, not a nested one', () => {
    expect(topToBottom('stateDiagram-v2\n  direction LR\n  [*] --> A')).toBe('stateDiagram-v2\n  direction TB\n  [*] --> A');
    expect(topToBottom('stateDiagram-v2\n  state A {\n    direction LR\n    x --> y\n  }\n  [*] --> A')).toBeUndefined();
    expect(topToBottom('classDiagram\n  direction RL\n  A <|-- B')).toBe('classDiagram\n  direction TB\n  A <|-- B');
    expect(topToBottom('erDiagram\n  direction LR\n  A ||--o{ B : has')).toBe('erDiagram\n  direction TB\n  A ||--o{ B : has');
    expect(topToBottom('requirementDiagram\n  direction LR\n  requirement r {\n  id: 1\n  }')).toBe('requirementDiagram\n  direction TB\n  requirement r {\n  id: 1\n  }');
  });

  it('turns a gitGraph, which runs left to right unless it says otherwise', () => {
    expect(topToBottom('gitGraph\n  commit')).toBe('gitGraph TB:\n  commit');
    expect(topToBottom('gitGraph LR:\n  commit')).toBe('gitGraph TB:\n  commit');
    expect(topToBottom('gitGraph BT:\n  commit')).toBeUndefined();
  });

  it('leaves diagrams that already run top to bottom, or have no direction', () => {
    expect(topToBottom('flowchart TD\n  a --> b')).toBeUndefined();
    expect(topToBottom('flowchart\n  a --> b')).toBeUndefined();
    expect(topToBottom('stateDiagram-v2\n  [*] --> A')).toBeUndefined();
    expect(topToBottom('sequenceDiagram\n  A->>B: hi')).toBeUndefined();
    expect(topToBottom('pie\n  "a": 1')).toBeUndefined();
  });
});

describe('layoutPin', () => {
  it('reads layout="wide" and layout="narrow" from the info string, next to a caption', () => {
    expect(layoutPin('caption="Check path" layout="wide"')).toEqual({ ok: true, pin: 'wide' });
    expect(layoutPin("layout='narrow'")).toEqual({ ok: true, pin: 'narrow' });
    expect(layoutPin('layout=narrow')).toEqual({ ok: true, pin: 'narrow' });
    expect(layoutPin(undefined)).toEqual({ ok: true, pin: undefined });
    expect(layoutPin('caption="no layout here"')).toEqual({ ok: true, pin: undefined });
  });

  it('refuses any other value, saying what to write', () => {
    const result = layoutPin('layout="diagonal"');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.reason).toMatch(/layout="diagonal" is not a layout\. Write layout="wide" .* or layout="narrow"/);
  });
});

/** A stand-in renderer: a diagram's width is read from a `%% width N` line, its layout from its header. */
function fakeRenderer() {
  const rendered: string[] = [];
  const renderer: DiagramRenderer = {
    async render(source: string) {
      rendered.push(source);
      if (source.includes('broken')) return { ok: false, failure: { problem: 'syntax', reason: 'Parse error', diagramLine: 2 } };
      const widths = [...source.matchAll(/%% (\w+) width (\d+)/g)];
      const direction = /(?:flowchart|graph) (\w+)/.exec(source)?.[1] ?? 'TB';
      const width = Number(widths.find(([, layout]) => layout === direction)?.[2] ?? 200);
      const diagram: RenderedDiagram = { key: `${direction}:${source}`, rootId: `mmd-${direction}`, svg: '<svg></svg>', type: 'flowchart-v2', width, height: 100, labelSize: 16 };
      return { ok: true, diagram };
    },
  };
  return { renderer, rendered };
}

/** The width, at 16 px labels, at which a diagram just fits a phone's column at the floor. */
const PHONE_FIT = (PHONE_COLUMN * 16) / FLOOR.phone;

const flow = (lr: number, tb: number) => `flowchart LR\n  %% LR width ${lr}\n  %% TB width ${tb}\n  a --> b`;

describe('renderLayouts: which diagrams get a narrow layout', () => {
  it('gives a left-to-right flow that is too wide for a phone at the floor a top-to-bottom one', async () => {
    const { renderer } = fakeRenderer();
    const result = await renderLayouts(renderer, flow(1400, 300), undefined);
    expect(result.ok && result.layouts.primary.rootId).toBe('mmd-LR');
    expect(result.ok && result.layouts.narrow?.rootId).toBe('mmd-TB');
  });

  it('keeps the author’s layout alone where it fits a phone at the floor', async () => {
    const { renderer, rendered } = fakeRenderer();
    const result = await renderLayouts(renderer, flow(Math.floor(PHONE_FIT), 100), undefined);
    expect(fitsPhone({ width: Math.floor(PHONE_FIT), labelSize: 16 })).toBe(true);
    expect(result.ok && result.layouts.narrow).toBeUndefined();
    expect(rendered).toHaveLength(1);
  });

  it('drops a top-to-bottom layout that is no narrower', async () => {
    const { renderer } = fakeRenderer();
    const result = await renderLayouts(renderer, flow(900, 950), undefined);
    expect(result.ok && result.layouts.narrow).toBeUndefined();
  });

  it('renders nothing extra for a type without a direction', async () => {
    const { renderer, rendered } = fakeRenderer();
    await renderLayouts(renderer, 'sequenceDiagram\n  %% TB width 2000\n  A->>B: hi', undefined);
    expect(rendered).toHaveLength(1);
  });

  it('layout="wide" keeps the author’s direction only; layout="narrow" shows top to bottom everywhere', async () => {
    const wide = await renderLayouts(fakeRenderer().renderer, flow(1400, 300), 'layout="wide"');
    expect(wide.ok && [wide.layouts.primary.rootId, wide.layouts.narrow]).toEqual(['mmd-LR', undefined]);
    const narrow = await renderLayouts(fakeRenderer().renderer, flow(200, 150), 'layout="narrow"');
    expect(narrow.ok && [narrow.layouts.primary.rootId, narrow.layouts.narrow]).toEqual(['mmd-TB', undefined]);
  });

  it('passes a broken diagram’s failure and a bad pin on', async () => {
    const broken = await renderLayouts(fakeRenderer().renderer, 'flowchart LR\n  broken -->', undefined);
    expect(broken.ok ? undefined : broken.failure.reason).toBe('Parse error');
    const badPin = await renderLayouts(fakeRenderer().renderer, flow(1400, 300), 'layout="tall"');
    expect(badPin.ok ? undefined : badPin.failure.reason).toMatch(/layout="tall" is not a layout/);
  });
});

describe('layoutRules', () => {
  const diagram = (rootId: string, width: number): RenderedDiagram => ({ key: rootId, rootId, svg: '', type: 'flowchart-v2', width, height: 10, labelSize: 16 });

  it('swaps to the narrow layout below the width where the author’s fits at the floor, per floor', () => {
    const rules = layoutRules('f', { primary: diagram('a', 1600), narrow: diagram('b', 320) });
    // 1600 × 12/16 = 1200 (+26 frame) on a desktop; 1600 × 11/16 = 1100 (+26) on a phone.
    expect(rules).toContain('@media (width >= 640px){@container diagram (width < 1226px){#f .diagram__layout--primary{display:none}#f .diagram__layout--narrow{display:block}}');
    expect(rules).toContain('@media (width < 640px){@container diagram (width < 1126px){#f .diagram__layout--primary{display:none}');
    // The cue follows the narrow layout: 320 × 11/16 = 220 (+26).
    expect(rules).toContain('@container diagram (width < 246px){#f .diagram__scroll-cue{display:flex}}');
  });

  it('shows the cue of a diagram without a narrow layout where it does not fit', () => {
    const rules = layoutRules('f', { primary: diagram('a', 800) });
    expect(rules).not.toContain('diagram__layout--narrow');
    expect(rules).toContain('@container diagram (width < 626px){#f .diagram__scroll-cue{display:flex}}');
  });
});
