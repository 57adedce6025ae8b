/**
 * Which way a diagram runs, and the same diagram made to run another way.
 *
 * Only the line that states the direction changes, so every other line (and
 * an error's line number) stays where the author wrote it. Flowcharts and
 * gitGraphs state it in their header; state, class, ER and requirement
 * diagrams in a top-level `direction` statement.
 */
const HORIZONTAL = /^(LR|RL)$/i;

/** The lines Mermaid reads before the diagram's header: front matter, directives, comments, blank lines. */
function headerIndex(lines: readonly string[]): number {
  let index = 0;
  if (lines[0]?.trim() === '---') {
    index = lines.findIndex((line, position) => position > 0 && line.trim() === '---') + 1;
  }
  while (index < lines.length && /^\s*(%%.*)?$/.test(lines[index] ?? '')) index += 1;
  return index;
}

export type Direction = 'TB' | 'LR';

/** Where a diagram's source says which way it runs, and how to make it run another way. */
interface DirectionSite {
  horizontal: boolean;
  /** The source laid out `direction`; only that line changes, so every other line (and an error's line number) stays. */
  redraw(direction: Direction): string;
}

/** The first `direction X` statement outside any block (`state X { … }`, `namespace …`). */
function topLevelDirection(lines: readonly string[], from: number): DirectionSite | undefined {
  let depth = 0;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const statement = /^(\s*)direction\s+(\w+)\s*$/.exec(line);
    if (depth === 0 && statement) {
      return {
        horizontal: HORIZONTAL.test(statement[2] ?? ''),
        redraw: (direction) => lines.with(index, `${statement[1]}direction ${direction}`).join('\n'),
      };
    }
    depth += (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);
  }
  return undefined;
}

/**
 * Which way a diagram runs, for the types that have a direction (flowchart,
 * gitGraph, and state, class, ER and requirement diagrams that state one).
 */
function directionSite(source: string): DirectionSite | undefined {
  const lines = source.split('\n');
  const start = headerIndex(lines);
  const header = lines[start] ?? '';
  const flowchart = /^(\s*(?:flowchart-elk|flowchart|graph)\s+)(\w+)(.*)$/i.exec(header);
  if (flowchart) {
    return {
      horizontal: HORIZONTAL.test(flowchart[2] ?? ''),
      redraw: (direction) => lines.with(start, `${flowchart[1]}${direction}${flowchart[3]}`).join('\n'),
    };
  }
  // gitGraph runs left to right unless it says otherwise.
  const gitGraph = /^(\s*gitGraph)(?:\s+(\w+))?\s*:?\s*$/.exec(header);
  if (gitGraph) {
    return {
      horizontal: !gitGraph[2] || HORIZONTAL.test(gitGraph[2]),
      redraw: (direction) => lines.with(start, `${gitGraph[1]} ${direction}:`).join('\n'),
    };
  }
  if (/^\s*(stateDiagram(-v2)?|classDiagram(-v2)?|erDiagram|requirementDiagram)\b/.test(header)) {
    return topLevelDirection(lines, start + 1);
  }
  return undefined;
}

/** The same diagram laid out `direction`, or `undefined` when its type has no direction it can be given. */
export function withDirection(source: string, direction: Direction): string | undefined {
  return directionSite(source)?.redraw(direction);
}

/** Whether the diagram runs left to right (or right to left) as written. */
export const isHorizontal = (source: string): boolean => directionSite(source)?.horizontal ?? false;
