import { describe, expect, it } from 'vitest';
import {
  compactSource,
  elkSource,
  wideSource,
  withConfig,
  wrapLabel,
  wrapLabels,
  type FlowGraph,
} from '../../../../src/lib/diagrams/testing.ts';

describe('wrapLabel', () => {
  it('breaks a long label between words, never inside one', () => {
    expect(wrapLabel('Region B, and every other region, alike')).toBe('Region B,<br/>and every<br/>other<br/>region,<br/>alike');
    expect(wrapLabel('DELIVERY-ADDRESS')).toBe('DELIVERY-ADDRESS');
    expect(wrapLabel('Anti-corruption layer')).toBe('Anti-corruption<br/>layer');
    // As evenly as that many lines allow: no line of a lone "+".
    expect(wrapLabel('deny: 429 + Retry-After')).toBe('deny: 429 +<br/>Retry-After');
  });

  it('leaves a short label, one hardly longer than a line, or one with line breaks of its own', () => {
    expect(wrapLabel('Limiter')).toBe('Limiter');
    expect(wrapLabel('Processor A')).toBe('Processor A');
    expect(wrapLabel('append debit and credit,<br/>store result')).toBe('append debit and credit,<br/>store result');
  });
});

describe('wrapLabels', () => {
  const graph: FlowGraph = {
    direction: 'TB',
    nodes: [
      { id: 'g', label: 'Ingestion gateway', shape: 'square' },
      { id: 's', label: 'Usage sync service', shape: 'round' },
    ],
    edges: [{ from: 'g', to: 's', label: 'remote counts, TTL', arrow: 'arrow_point', stroke: 'dotted' }],
    groups: [],
  };

  it('wraps labels written in quotes, between brackets and between an edge’s bars', () => {
    const source = 'flowchart LR\n  g["Ingestion gateway"] -.->|remote counts, TTL| s(Usage sync service)';
    expect(wrapLabels(source, graph)).toBe(
      'flowchart LR\n  g["Ingestion<br/>gateway"] -.->|"remote<br/>counts,<br/>TTL"| s("Usage sync<br/>service")',
    );
  });
});

describe('withConfig', () => {
  it('sets Mermaid config for one render in a directive, after any front matter', () => {
    expect(withConfig('flowchart TB\n  a --> b', { layout: 'dagre' })).toBe('%%{init: {"layout":"dagre"}}%%\nflowchart TB\n  a --> b');
    expect(withConfig('---\ntitle: T\n---\nflowchart TB\n  a --> b', { layout: 'dagre' })).toBe(
      '---\ntitle: T\n---\n%%{init: {"layout":"dagre"}}%%\nflowchart TB\n  a --> b',
    );
  });
});

describe('compactSource and wideSource', () => {
  it('give a flowchart dagre’s tight layout, top to bottom or left to right', () => {
    expect(compactSource('flowchart LR\n  a --> b', 'flowchart-v2', undefined)).toMatch(
      /^%%\{init: \{"layout":"dagre".*\}%%\nflowchart TB\n {2}a --> b$/,
    );
    expect(wideSource('flowchart TB\n  a --> b', 'flowchart-v2', undefined)).toMatch(
      /^%%\{init: \{"layout":"dagre".*\}%%\nflowchart LR\n {2}a --> b$/,
    );
  });

  it('give a sequence diagram narrow participants and wrapped messages, and no wide form', () => {
    expect(compactSource('sequenceDiagram\n  A->>B: hi', 'sequence', undefined)).toMatch(
      /^%%\{init: \{"sequence":\{"width":\d+,"actorMargin":\d+,"wrap":true/,
    );
    expect(wideSource('sequenceDiagram\n  A->>B: hi', 'sequence', undefined)).toBeUndefined();
  });

  it('have nothing for the types whose layout they cannot change', () => {
    expect(compactSource('pie\n  "a": 1', 'pie', undefined)).toBeUndefined();
    expect(compactSource('gantt\n  title T', 'gantt', undefined)).toBeUndefined();
  });
});

describe('elkSource', () => {
  const graph: FlowGraph = {
    direction: 'LR',
    nodes: [{ id: 'a', label: 'Anti-corruption layer', shape: 'square' }],
    edges: [],
    groups: [],
  };

  it('lays a flowchart out top to bottom in ELK’s layout, its labels wrapped', () => {
    expect(elkSource('flowchart LR\n  a["Anti-corruption layer"]', 'flowchart-v2', graph)).toBe(
      '%%{init: {"layout":"elk"}}%%\nflowchart TB\n  a["Anti-corruption<br/>layer"]',
    );
  });

  it('has nothing for other types, or a flowchart Mermaid did not parse back', () => {
    expect(elkSource('stateDiagram-v2\n  [*] --> A', 'stateDiagram', undefined)).toBeUndefined();
    expect(elkSource('flowchart LR\n  a', 'flowchart-v2', undefined)).toBeUndefined();
  });
});
