/**
 * Mermaid's flowchart syntax, written back from its parse (FlowGraph): the
 * forms that rebuild a flowchart from it (the overview, the main path's card
 * rows) write its nodes and edges the way the author could have.
 */
import type { FlowGraph } from '../types.ts';

type Node = FlowGraph['nodes'][number];
type Edge = FlowGraph['edges'][number];

/** Mermaid's flowchart shape syntax, by the shape name its parser gives a vertex. */
const SHAPES: Record<string, [string, string]> = {
  square: ['[', ']'],
  rect: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  subroutine: ['[[', ']]'],
  cylinder: ['[(', ')]'],
  circle: ['((', '))'],
  doublecircle: ['(((', ')))'],
  diamond: ['{', '}'],
  hexagon: ['{{', '}}'],
  odd: ['>', ']'],
  lean_right: ['[/', '/]'],
  lean_left: ['[\\', '\\]'],
  trapezoid: ['[/', '\\]'],
  inv_trapezoid: ['[\\', '/]'],
};

/** Mermaid's edge syntax, by stroke and arrow as its parser names them. */
const LINKS: Record<string, Record<string, string>> = {
  normal: {
    arrow_point: '-->',
    arrow_open: '---',
    arrow_circle: '--o',
    arrow_cross: '--x',
    double_arrow_point: '<-->',
    double_arrow_circle: 'o--o',
    double_arrow_cross: 'x--x',
  },
  dotted: {
    arrow_point: '-.->',
    arrow_open: '-.-',
    arrow_circle: '-.-o',
    arrow_cross: '-.-x',
    double_arrow_point: '<-.->',
    double_arrow_circle: 'o-.-o',
    double_arrow_cross: 'x-.-x',
  },
  thick: {
    arrow_point: '==>',
    arrow_open: '===',
    arrow_circle: '==o',
    arrow_cross: '==x',
    double_arrow_point: '<==>',
    double_arrow_circle: 'o==o',
    double_arrow_cross: 'x==x',
  },
};

/** A label as a quoted Mermaid string; `wrap` may break it into lines first. */
export const quoted = (label: string, wrap: (text: string) => string = (text) => text) => `"${wrap(label.replace(/"/g, '#quot;'))}"`;

/** A node written with its shape and label: `id["label"]`, `id[("label")]`… (a shape Mermaid names otherwise is drawn square). */
export function nodeSyntax(node: Pick<Node, 'id' | 'label' | 'shape'>, wrap?: (text: string) => string): string {
  const [open, close] = SHAPES[node.shape] ?? SHAPES['square']!;
  return `${node.id}${open}${quoted(node.label, wrap)}${close}`;
}

/** An edge's arrow as written: `-->`, `-.->`, `<==>`…; an invisible edge `~~~`, anything else `-->`. */
export const linkSyntax = (edge: Pick<Edge, 'stroke' | 'arrow'>): string =>
  LINKS[edge.stroke]?.[edge.arrow] ?? (edge.stroke === 'invisible' ? '~~~' : '-->');
