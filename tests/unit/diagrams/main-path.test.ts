import { describe, expect, it } from 'vitest';
import { MAIN_PATH_CLASS, overviewSource, withMainPathStyle, type FlowGraph } from '../../../src/lib/diagrams/testing.ts';

const marked = ['flowchart LR', '  a["Client"] e1@--> b["Gateway"]', '  b --> c["Store"]', `  class a,b,e1 ${MAIN_PATH_CLASS}`].join('\n');

describe('the main path', () => {
  it('gets the site’s style after the author’s lines, so no line the author sees moves', () => {
    const drawn = withMainPathStyle(marked);
    expect(drawn.startsWith(`${marked}\n`)).toBe(true);
    expect(drawn.split('\n').at(-1)).toMatch(
      new RegExp(`^\\s*classDef ${MAIN_PATH_CLASS} fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},stroke-width:2px$`),
    );
  });

  it('is marked with ::: as well as with a class statement', () => {
    expect(withMainPathStyle(`flowchart TB\n  a:::${MAIN_PATH_CLASS} --> b`)).toContain(`classDef ${MAIN_PATH_CLASS}`);
  });

  it('leaves a diagram that marks nothing, or is not a flowchart, as written', () => {
    const unmarked = 'flowchart LR\n  a --> b';
    expect(withMainPathStyle(unmarked)).toBe(unmarked);
    const sequence = `sequenceDiagram\n  A->>B: class x ${MAIN_PATH_CLASS}`;
    expect(withMainPathStyle(sequence)).toBe(sequence);
  });

  it('stays marked in the overview: on a collapsed group that holds part of it, and on the edges it takes', () => {
    const graph: FlowGraph = {
      direction: 'TB',
      nodes: [
        { id: 'dev', label: 'Devices', shape: 'square', classes: [MAIN_PATH_CLASS] },
        { id: 'pa', label: 'Partition A', shape: 'square', classes: [MAIN_PATH_CLASS] },
        { id: 'pb', label: 'Partition B', shape: 'square' },
        { id: 'raw', label: 'Raw readings', shape: 'cylinder', classes: [MAIN_PATH_CLASS] },
        { id: 'api', label: 'Query API', shape: 'square' },
      ],
      edges: [
        { from: 'dev', to: 'pa', label: '', arrow: 'arrow_point', stroke: 'normal', classes: [MAIN_PATH_CLASS] },
        { from: 'dev', to: 'pb', label: '', arrow: 'arrow_point', stroke: 'normal' },
        { from: 'pa', to: 'raw', label: '', arrow: 'arrow_point', stroke: 'normal', classes: [MAIN_PATH_CLASS] },
        { from: 'raw', to: 'api', label: '', arrow: 'arrow_point', stroke: 'normal' },
      ],
      groups: [{ id: 'kafka', title: 'Kafka', members: ['pa', 'pb'] }],
    };
    const overview = overviewSource(graph, 'Query API overview') ?? '';
    const idOf = (pattern: RegExp) => pattern.exec(overview)?.[1];
    const [toGroup, fromGroup] = [idOf(/dev (\w+)@--> kafka/), idOf(/kafka (\w+)@--> raw/)];
    expect(toGroup).toBeDefined();
    expect(fromGroup).toBeDefined();
    expect(overview).toMatch(/raw --> api/);
    const classLine = overview.split('\n').find((line) => line.trim().startsWith('class ')) ?? '';
    expect(classLine.trim().split(/\s+/)[1]?.split(',').sort()).toEqual(['dev', 'kafka', 'raw', toGroup, fromGroup].sort());
  });
});
