/**
 * The sources of a diagram's other forms (forms.ts): each is the author's
 * source with Mermaid's own config set for it in an init directive, so
 * Mermaid draws it and the cache keys it like any other source.
 *
 * - compact: dagre's layered layout with tight spacing (ELK, Mermaid 12's
 *   default, spaces nodes by a fixed amount of its own), top to bottom, and
 *   long labels wrapped at word boundaries; for a sequence diagram, narrow
 *   participant boxes, small margins and wrapped messages.
 * - elk: ELK's layered layout, top to bottom, labels wrapped the same way:
 *   where groups nest, ELK often stacks what dagre sets side by side.
 * - wide: the compact form laid out left to right, for a wide screen.
 */
import type { FlowGraph } from '../types.ts';
import { withDirection } from './direction.ts';
import { escapeRegExp } from '../../regexp.ts';

/** The diagram types whose layout dagre draws and tight spacing shrinks. */
const LAYERED = /^(flowchart|graph|state|class|er$|requirement)/;
const SEQUENCE = /^sequence/;

// At this rank spacing a group's title has no room of its own above its first row, and the
// boxes cover it ("Kafka topic, keyed by device" under Partition A and B): give it a margin.
const LAYERED_CONFIG = {
  layout: 'dagre',
  nodeSpacing: 10,
  rankSpacing: 20,
  flowchart: { nodeSpacing: 10, rankSpacing: 20, subGraphTitleMargin: { top: 4, bottom: 8 } },
};
const ELK_CONFIG = { layout: 'elk' };
const SEQUENCE_CONFIG = { sequence: { width: 60, actorMargin: 8, wrap: true, messageMargin: 20, boxMargin: 4, noteMargin: 4 } };

/** Labels longer than this many characters are wrapped (between words only). */
const WRAP_AT = 10;

/** The source with `config` set for this render: a directive after any front matter, which Mermaid merges over both. */
export function withConfig(source: string, config: object): string {
  const lines = source.split('\n');
  const frontMatterEnd = lines[0]?.trim() === '---' ? lines.findIndex((line, index) => index > 0 && line.trim() === '---') + 1 : 0;
  return [...lines.slice(0, frontMatterEnd), `%%{init: ${JSON.stringify(config)}}%%`, ...lines.slice(frontMatterEnd)].join('\n');
}

/** Words into lines of at most `width` characters, each line filled before the next starts. */
function greedyLines(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A label broken into lines of at most `width` characters (or its longest
 * word's), only where it has a space, and as evenly as that many lines allow:
 * "deny: 429 +" / "Retry-After", never a lone "+". One with line breaks of its own stays.
 */
export function wrapLabel(label: string, width = WRAP_AT): string {
  // A label hardly longer than a line stays whole: "Processor" over "A" reads worse than one line.
  if (label.length <= width + 2 || /<br\s*\/?>|\n/i.test(label)) return label;
  const words = label.split(/\s+/);
  const widest = Math.max(width, ...words.map((word) => word.length));
  const count = greedyLines(words, widest).length;
  let even = widest;
  while (even > 1 && greedyLines(words, even - 1).length === count) even -= 1;
  return greedyLines(words, even).join('<br/>');
}

/**
 * The source with every long node and edge label wrapped, where it is written
 * between quotes or between a shape's brackets or an edge's bars. A group's
 * title stays on one line: it sits in the group's top band, which grows with
 * it in width, not in height, so a wrapped title runs under the first row of nodes.
 */
export function wrapLabels(source: string, graph: FlowGraph): string {
  const labels = new Set([...graph.nodes.map((node) => node.label), ...graph.edges.map((edge) => edge.label)]);
  let wrapped = source;
  for (const label of labels) {
    const lines = wrapLabel(label);
    if (lines === label) continue;
    const written = escapeRegExp(label.replace(/"/g, '#quot;'));
    wrapped = wrapped
      .replace(new RegExp(`"${written}"`, 'g'), `"${lines}"`)
      .replace(new RegExp(`([[({|])${written}([\\])}|])`, 'g'), (_, open: string, close: string) => `${open}"${lines}"${close}`);
  }
  return wrapped;
}

/** The compact form's source, or undefined for a type that has none. */
export function compactSource(source: string, type: string, graph: FlowGraph | undefined): string | undefined {
  if (SEQUENCE.test(type)) return withConfig(source, SEQUENCE_CONFIG);
  if (!LAYERED.test(type)) return undefined;
  const wrapped = graph ? wrapLabels(source, graph) : source;
  return withConfig(withDirection(wrapped, 'TB') ?? wrapped, LAYERED_CONFIG);
}

/** The ELK form's source: a flowchart top to bottom in ELK's layout, its labels wrapped; undefined for other types. */
export function elkSource(source: string, type: string, graph: FlowGraph | undefined): string | undefined {
  if (!/^(flowchart|graph)/.test(type) || !graph) return undefined;
  const wrapped = wrapLabels(source, graph);
  return withConfig(withDirection(wrapped, 'TB') ?? wrapped, ELK_CONFIG);
}

/** The wide form's source: compact, left to right; undefined for a type with no direction to give. */
export function wideSource(source: string, type: string, graph: FlowGraph | undefined): string | undefined {
  if (!LAYERED.test(type)) return undefined;
  const wrapped = graph ? wrapLabels(source, graph) : source;
  const across = withDirection(wrapped, 'LR');
  return across === undefined ? undefined : withConfig(across, LAYERED_CONFIG);
}
