/**
 * The diagrams' colours, in both colour schemes, against what they are drawn
 * on: every label at 4.5:1 or more (WCAG AA for text), every line and box
 * outline at 3:1 (WCAG's non-text contrast) — on the figure's surface, inside
 * a group, and on the main path's tint.
 */
import { describe, expect, it } from 'vitest';
import { palette, type Palette } from '../../../src/design-tokens.ts';
import { inPalette } from '../../../src/lib/og/diagram.ts';
import { luminance, MAIN_PATH_ROLES, parseColour, ROLES, type Role, THEME_VARIABLES } from '../../../src/lib/diagrams/testing.ts';

const role = (variable: string): Role => {
  const value = THEME_VARIABLES[variable];
  if (typeof value !== 'string' || !Object.hasOwn(ROLES, value)) throw new Error(`theme variable ${variable} is not a colour role`);
  return value as Role;
};

function contrast(first: string, second: string): number {
  const [a, b] = [first, second].map((colour) => luminance(parseColour(colour)!));
  return (Math.max(a!, b!) + 0.05) / (Math.min(a!, b!) + 0.05);
}

/** What a diagram draws on: the figure's surface, a group's fill, an edge label's box, the main path's tint. */
const GROUNDS: Role[] = ['surface', role('clusterBkg'), role('edgeLabelBackground'), MAIN_PATH_ROLES.fill];

/** [text, what it sits on], by the theme variables Mermaid draws them with. */
const LABELS: [string, Role, Role][] = [
  ['a box label', role('nodeTextColor'), role('mainBkg')],
  ['a main-path box label', role('nodeTextColor'), MAIN_PATH_ROLES.fill],
  ['a group title', role('titleColor'), role('clusterBkg')],
  ['an edge label', role('textColor'), role('edgeLabelBackground')],
  ['a participant', role('actorTextColor'), role('actorBkg')],
  ['a message', role('signalTextColor'), 'surface'],
  ['a note', role('noteTextColor'), role('noteBkgColor')],
  ['a block label (loop, alt)', role('labelTextColor'), role('labelBoxBkgColor')],
  ['a state', role('stateLabelColor'), role('stateBkg')],
];

/** Lines and outlines, each against every ground it can meet. */
const LINES: [string, Role, Role[]][] = [
  ['an edge', role('lineColor'), GROUNDS],
  ['a box outline', role('nodeBorder'), [...GROUNDS, role('mainBkg')]],
  ['a group outline', role('clusterBorder'), ['surface', role('clusterBkg')]],
  ['the main path', MAIN_PATH_ROLES.stroke, GROUNDS],
  ['a participant outline', role('actorBorder'), ['surface', role('actorBkg')]],
  ['a message arrow', role('signalColor'), ['surface']],
];

for (const scheme of ['light', 'dark'] as const) {
  const colours: Palette = palette[scheme];
  const resolved = (name: Role) => inPalette(ROLES[name], colours);
  describe(`diagram colours, ${scheme}`, () => {
    it.each(LABELS)('%s is at 4.5:1 or more on its fill', (_, text, ground) => {
      expect(contrast(resolved(text), resolved(ground))).toBeGreaterThanOrEqual(4.5);
    });
    it.each(LINES)('%s is at 3:1 or more on everything it crosses', (_, line, grounds) => {
      for (const ground of grounds) expect(contrast(resolved(line), resolved(ground)), `${line} on ${ground}`).toBeGreaterThanOrEqual(3);
    });
  });
}
