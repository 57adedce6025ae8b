/**
 * The main path: where a request goes first, marked by the author with
 * Mermaid's own syntax and drawn in the accent colour.
 *
 *     class clients,facade,cmd mainPath        (nodes)
 *     clients e1@--> facade                     (an edge gets an id…)
 *     class e1 mainPath                          (…and the class)
 *
 * The class is the site's: its classDef is added to every flowchart that
 * uses it, in colour roles (so it follows the theme), after the author's
 * lines, so no line number the author sees moves.
 */
import { sentinel, type Role } from '../colour/roles.ts';

export const MAIN_PATH_CLASS = 'mainPath';

const FLOWCHART = /^\s*(?:%%.*\n\s*)*(?:---[\s\S]*?---\s*)?(?:%%.*\n\s*)*(?:flowchart|graph)\b/;
const MARKS_MAIN_PATH = new RegExp(`^\\s*class\\s+\\S+\\s+${MAIN_PATH_CLASS}\\s*;?\\s*$|:::${MAIN_PATH_CLASS}\\b`);

/** Whether Mermaid's parse puts a node or an edge (FlowGraph) on the main path. */
export const onMainPath = (item: { classes?: string[] | undefined }): boolean => item.classes?.includes(MAIN_PATH_CLASS) ?? false;

/** The line of a source (1-based) that marks its main path — its first `class … mainPath`, or `:::mainPath` — if one does. */
export function markingLine(source: string): number | undefined {
  const index = source.split('\n').findIndex((line) => MARKS_MAIN_PATH.test(line));
  return index < 0 ? undefined : index + 1;
}

/** The main path's colours: a box's fill, and the outline boxes and edges share. */
export const MAIN_PATH_ROLES = { fill: 'accentTint', stroke: 'accent' } as const satisfies Record<string, Role>;

/** Node and edge alike take the accent outline; the edge's fill is dropped again by the SVG pass (svg/site-style.ts). */
const MAIN_PATH_STYLE = `fill:${sentinel(MAIN_PATH_ROLES.fill)},stroke:${sentinel(MAIN_PATH_ROLES.stroke)},stroke-width:2px`;

const usesMainPath = (source: string): boolean => FLOWCHART.test(source) && markingLine(source) !== undefined;

/** The source Mermaid draws: the author's, with the main path's classDef where it is used. */
export function withMainPathStyle(source: string): string {
  return usesMainPath(source) ? `${source}\n  classDef ${MAIN_PATH_CLASS} ${MAIN_PATH_STYLE}` : source;
}
