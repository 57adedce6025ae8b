/**
 * Integration: a main path marked with Mermaid's `class … mainPath`, through
 * the real pipeline in Chromium — its boxes and edges in the accent colour,
 * the rest as they were, and a mistake still reported at the author's line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagramPipeline, MAIN_PATH_CLASS } from '../../src/lib/diagrams/testing.ts';

const pipeline = new DiagramPipeline({ root: process.cwd(), cacheDir: mkdtempSync(join(tmpdir(), 'diagrams-main-path-')) });
afterAll(() => pipeline.close());

const ACCENT = 'stroke:var(--color-accent)';
const SLOW = { timeout: 120_000 };

/** Each node's and edge's element, by the label or the end points, with whether it is drawn in the accent. */
function accented(svg: string): { nodes: boolean[]; edges: boolean[] } {
  const nodes = [...svg.matchAll(/<g class="node(?: [^"]*)?"[^>]*>(<[^>]+>)/g)].map((match) => match[1]!.includes(ACCENT));
  const edges = [...svg.matchAll(/<path\b[^>]*\bflowchart-link\b[^>]*>/g)].map((match) => match[0].includes(ACCENT));
  return { nodes, edges };
}

describe('the main path', SLOW, () => {
  it('draws the marked boxes and edges in the accent, unfilled edges, and nothing else', async () => {
    const result = await pipeline.render(
      ['flowchart LR', '  a["Client"] e1@--> b["Gateway"]', '  b --> c["Other"]', `  class a,b,e1 ${MAIN_PATH_CLASS}`].join('\n'),
    );
    if (!result.ok) throw new Error(result.failure.reason);
    const { nodes, edges } = accented(result.diagram.svg);
    expect(nodes).toEqual([true, true, false]);
    expect(edges).toEqual([true, false]);
    for (const edge of result.diagram.svg.match(/<path\b[^>]*\bflowchart-link\b[^>]*>/g) ?? []) expect(edge).not.toMatch(/[;"]fill:/);
    expect(result.diagram.graph?.nodes.map((node) => node.classes)).toEqual([[MAIN_PATH_CLASS], [MAIN_PATH_CLASS], []]);
  });

  it('accents nothing where nothing is marked', async () => {
    const result = await pipeline.render('flowchart LR\n  a["Client"] --> b["Gateway"]');
    if (!result.ok) throw new Error(result.failure.reason);
    expect(result.diagram.svg).not.toContain(ACCENT);
  });

  it('reports a broken diagram at the author’s line, not at the line the site adds', async () => {
    const result = await pipeline.render(
      ['flowchart LR', '  subgraph g["Group"]', '    a --> b', `  class a ${MAIN_PATH_CLASS}`].join('\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.diagramLine ?? 0).toBeLessThanOrEqual(4);
  });
});
