import { describe, expect, it } from 'vitest';
import {
  MAIN_PATH_CLASS,
  MAIN_PATH_MOST_BOXES,
  mainPathCard,
  mainPathLayouts,
  mainPathOf,
  type FlowGraph,
} from '../../../../src/lib/diagrams/testing.ts';

type Node = FlowGraph['nodes'][number];
type Edge = FlowGraph['edges'][number];

const marked = [MAIN_PATH_CLASS];
const node = (id: string, label: string, shape = 'square', classes = marked): Node => ({ id, label, shape, classes });
const edge = (from: string, to: string, label = '', classes = marked, stroke = 'normal', arrow = 'arrow_point'): Edge => ({
  from,
  to,
  label,
  arrow,
  stroke,
  classes,
});
const graph = (nodes: Node[], edges: Edge[]): FlowGraph => ({ direction: 'TB', nodes, edges, groups: [] });

/** The rate limiter's flow as Mermaid parses it: its path written out of order, a group, and edges off the path. */
const rateLimiter = graph(
  [
    node('clients', 'Clients'),
    node('geo', 'Geo routing'),
    node('gwa', 'API gateway'),
    node('lima', 'Limiter'),
    node('apia', 'Core APIs', 'square', []),
    node('rda', 'Redis cluster', 'cylinder'),
    node('sync', 'Usage sync', 'square', []),
  ],
  [
    edge('lima', 'rda', 'Lua script'),
    edge('clients', 'geo'),
    edge('gwa', 'apia', 'allow', []),
    edge('geo', 'gwa', 'nearest region'),
    edge('gwa', 'lima', 'check'),
    edge('gwa', 'clients', 'deny: 429 + Retry-After', [], 'dotted'),
    edge('lima', 'sync', 'log summaries', [], 'dotted'),
  ],
);

const problemOf = (flow: FlowGraph) => {
  const result = mainPathOf(flow);
  if (result.ok) throw new Error('expected a problem');
  return `${result.problem.what} Fix: ${result.problem.fix}`;
};

describe('mainPathOf', () => {
  it('orders the marked boxes along the marked edges, whatever order the author wrote them in', () => {
    const result = mainPathOf(rateLimiter);
    if (!result.ok) throw new Error(result.problem.what);
    expect(result.path?.nodes.map((step) => step.id)).toEqual(['clients', 'geo', 'gwa', 'lima', 'rda']);
    expect(result.path?.links.map((link) => `${link.from}→${link.to} ${link.label}`)).toEqual([
      'clients→geo ',
      'geo→gwa nearest region',
      'gwa→lima check',
      'lima→rda Lua script',
    ]);
  });

  it('keeps each box’s label and shape', () => {
    const result = mainPathOf(rateLimiter);
    if (!result.ok) throw new Error(result.problem.what);
    expect(result.path?.nodes.at(-1)).toMatchObject({ label: 'Redis cluster', shape: 'cylinder' });
  });

  it('finds no path where nothing is marked', () => {
    expect(mainPathOf(graph([node('a', 'A', 'square', [])], []))).toEqual({ ok: true, path: undefined });
  });

  it('takes a single marked box as a path of one', () => {
    const result = mainPathOf(graph([node('a', 'A')], []));
    expect(result.ok && result.path?.nodes.map((step) => step.id)).toEqual(['a']);
  });

  it(`takes ${MAIN_PATH_MOST_BOXES} boxes, and refuses one more, naming them`, () => {
    const chain = (count: number) => {
      const ids = Array.from({ length: count }, (_, index) => `n${index}`);
      return graph(
        ids.map((id) => node(id, id.toUpperCase())),
        ids.slice(1).map((id, index) => edge(ids[index]!, id)),
      );
    };
    expect(mainPathOf(chain(MAIN_PATH_MOST_BOXES)).ok).toBe(true);
    expect(problemOf(chain(MAIN_PATH_MOST_BOXES + 1))).toMatch(
      /^The main path marks 7 boxes \(n0, n1, n2, n3, n4, n5, n6\); a link-preview card draws at most 6\. Fix: keep the 6 or fewer/,
    );
  });

  it('refuses a marked edge to a box that is not marked', () => {
    const flow = graph([node('a', 'Client'), node('b', 'Gateway', 'square', [])], [edge('a', 'b')]);
    expect(problemOf(flow)).toBe(
      'The marked edge a → b leaves the main path: "Gateway" (b) is not marked. Fix: add b to the class line, or take the edge\'s id off it.',
    );
  });

  it('refuses a branch and a join', () => {
    const branch = graph([node('a', 'Gateway'), node('b', 'B'), node('c', 'C')], [edge('a', 'b'), edge('a', 'c')]);
    expect(problemOf(branch)).toMatch(
      /^The main path branches at "Gateway" \(a\): marked edges go on to b and c\. Fix: a card draws one chain/,
    );
    const join = graph([node('a', 'A'), node('b', 'B'), node('c', 'Store')], [edge('a', 'c'), edge('b', 'c')]);
    expect(problemOf(join)).toMatch(/^The main path joins at "Store" \(c\): marked edges lead into it from a and b\./);
  });

  it('refuses a path in pieces, saying how to join them', () => {
    const pieces = graph([node('a', 'A'), node('b', 'B'), node('c', 'C'), node('d', 'D')], [edge('a', 'b'), edge('c', 'd')]);
    expect(problemOf(pieces)).toBe(
      'The main path is in 2 pieces: a → b; c → d. No marked edge joins them. Fix: mark the edge that joins them: give it an id (b e9@--> c) and add the id to the class line; or take the boxes of all but one piece off it.',
    );
    // Boxes marked, edges not: every box is a piece of its own.
    expect(problemOf(graph([node('a', 'A'), node('b', 'B')], [edge('a', 'b', '', [])]))).toMatch(/in 2 pieces: a; b\./);
  });

  it('refuses a circle', () => {
    const circle = graph([node('a', 'A'), node('b', 'B'), node('c', 'C')], [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')]);
    expect(problemOf(circle)).toMatch(/^The main path goes round in a circle: a → b → c → a\. Fix: .*\(c → a\)/);
  });
});

describe('mainPathLayouts', () => {
  const path = (() => {
    const result = mainPathOf(rateLimiter);
    if (!result.ok || !result.path) throw new Error('no path');
    return result.path;
  })();
  const [oneRow, twoRows] = mainPathLayouts(path);
  /** A source's lines after its init directive. */
  const body = (source: string) => source.split('\n').filter((line) => !line.startsWith('%%{'));

  it('writes one row: a left-to-right flowchart of the path alone, every box and edge in the main path', () => {
    expect(oneRow?.junction).toBeUndefined();
    expect(body(oneRow!.rows[0]!)).toEqual([
      'flowchart LR',
      '  clients["Clients"]',
      '  geo["Geo routing"]',
      '  gwa["API gateway"]',
      '  lima["Limiter"]',
      '  rda[("Redis cluster")]',
      '  clients link1@--> geo',
      '  geo link2@-->|"nearest region"| gwa',
      '  gwa link3@-->|"check"| lima',
      '  lima link4@-->|"Lua script"| rda',
      `  class clients,geo,gwa,lima,rda,link1,link2,link3,link4 ${MAIN_PATH_CLASS}`,
    ]);
    // Laid out by dagre: a chain on one line, which the card's junction relies on.
    expect(oneRow!.rows[0]).toMatch(/^%%\{init: \{"layout":"dagre"/);
  });

  it('writes two rows, the first the longer, and hands over the edge between them', () => {
    expect(twoRows?.rows.map((source) => body(source).filter((line) => /^\s+\w+\[/.test(line)).length)).toEqual([3, 2]);
    expect(body(twoRows!.rows[1]!)).toEqual([
      'flowchart LR',
      '  lima["Limiter"]',
      '  rda[("Redis cluster")]',
      '  lima link1@-->|"Lua script"| rda',
      `  class lima,rda,link1 ${MAIN_PATH_CLASS}`,
    ]);
    expect(twoRows?.junction).toEqual({ label: 'check', arrow: 'arrow_point', stroke: 'normal' });
  });

  it('keeps an edge as written, and labels with quotes and line breaks', () => {
    const [layout] = mainPathLayouts({
      nodes: [node('a', 'Say "hi"<br/>twice', 'stadium'), node('b', 'B', 'hexagon')],
      links: [edge('a', 'b', 'maybe', marked, 'dotted')],
    });
    expect(body(layout!.rows[0]!)).toEqual([
      'flowchart LR',
      '  a(["Say #quot;hi#quot;<br/>twice"])',
      '  b{{"B"}}',
      '  a link1@-.->|"maybe"| b',
      `  class a,b,link1 ${MAIN_PATH_CLASS}`,
    ]);
  });

  it('gives its edges ids no box has', () => {
    const [layout] = mainPathLayouts({ nodes: [node('link1', 'One'), node('b', 'Two')], links: [edge('link1', 'b')] });
    expect(layout!.rows[0]).toContain('link1 _link1@--> b');
  });

  it('draws a path of one or two boxes in one row only', () => {
    expect(mainPathLayouts({ nodes: [node('a', 'A'), node('b', 'B')], links: [edge('a', 'b')] })).toHaveLength(1);
  });
});

describe('mainPathCard', () => {
  const source = [
    'flowchart LR',
    '  a["Client"] e1@--> b["Gateway"]',
    '  b e2@--> c["Limiter"]',
    '  b e3@--> d["Core APIs"]',
    `  class a,b,c,d,e1,e2,e3 ${MAIN_PATH_CLASS}`,
  ].join('\n');
  const flow = graph(
    [node('a', 'Client'), node('b', 'Gateway'), node('c', 'Limiter'), node('d', 'Core APIs')],
    [edge('a', 'b'), edge('b', 'c'), edge('b', 'd')],
  );

  it('reports a problem at the line that marks the path, quoting it', () => {
    const card = mainPathCard(source, flow);
    if (card.ok) throw new Error('expected a failure');
    expect(card.failure.problem).toBe('main-path');
    expect(card.failure.diagramLine).toBe(5);
    expect(card.failure.reason.split('\n')).toEqual([
      'The main path branches at "Gateway" (b): marked edges go on to c and d.',
      `│ class a,b,c,d,e1,e2,e3 ${MAIN_PATH_CLASS}`,
      'Fix: a card draws one chain, first box to last: take all but one of these edges off the class line, with the boxes only they lead to.',
    ]);
  });

  it('has nothing to draw for a flow that marks no path, or a diagram that is not a flowchart', () => {
    expect(mainPathCard('flowchart LR\n  a --> b', graph([node('a', 'A', 'square', [])], []))).toEqual({ ok: true, layouts: [] });
    expect(mainPathCard('sequenceDiagram\n  A->>B: hi', undefined)).toEqual({ ok: true, layouts: [] });
  });
});
