/**
 * Colour roles: every colour a diagram uses is one of the site's design
 * tokens, written as `var(--color-…)` so a diagram follows the light/dark
 * switch with CSS alone.
 *
 * Mermaid needs real colours to render, so each role is rendered once as a
 * unique "sentinel" colour and swapped for its CSS expression afterwards
 * (colour/mapping.ts): one render serves both colour schemes.
 */
import { colourProperty, type PaletteToken } from '../../../design-tokens.ts';
import { hslToRgb, toHex, type Hsl } from './arithmetic.ts';

const tokenVariable = (token: PaletteToken) => `var(${colourProperty(token)})`;
const tint = (token: PaletteToken, percent: number, base: PaletteToken = 'surface') =>
  `color-mix(in srgb, ${tokenVariable(token)} ${percent}%, ${tokenVariable(base)})`;

/** Colour roles → the CSS each one becomes in the page. */
export const ROLES = {
  surface: tokenVariable('surface'),
  subtle: tokenVariable('subtle'),
  border: tokenVariable('border'),
  text: tokenVariable('text'),
  muted: tokenVariable('muted'),
  accent: tokenVariable('accent'),
  accent2: tokenVariable('accent2'),
  onAccent: tokenVariable('onAccent'),
  accentTint: tint('accent', 12),
  accentSoft: tint('accent', 28),
  accentLine: tint('accent', 65),
  accent2Tint: tint('accent2', 12),
  accent2Soft: tint('accent2', 28),
  accent2Line: tint('accent2', 65),
  mutedTint: tint('muted', 14),
  mutedLine: tint('muted', 65),
  // A box's outline: ≥ 3:1 against the surface inside it and the group around it, in both schemes.
  outline: tint('muted', 80),
  // A categorical scale (pie slices, mindmap branches, timeline sections…):
  // tints light enough for body text to stay legible on them in both colour schemes.
  category0: tint('accent', 40),
  category1: tint('accent2', 40),
  category2: tint('muted', 32),
  category3: tint('accent', 22),
  category4: tint('accent2', 22),
  category5: tint('muted', 18),
  category6: tint('accent', 55),
  category7: tint('accent2', 55),
  category8: tint('muted', 48),
  category9: tint('accent', 10),
  category10: tint('accent2', 10),
  category11: tokenVariable('subtle'),
} as const;

export type Role = keyof typeof ROLES;

export const CATEGORY_ROLES: readonly Role[] = [
  'category0',
  'category1',
  'category2',
  'category3',
  'category4',
  'category5',
  'category6',
  'category7',
  'category8',
  'category9',
  'category10',
  'category11',
];

/** Strong colours for lines that must read on the page (git branches, chart series), each with the colour of a label on it. */
export const LINE_ROLES: readonly { line: Role; label: Role }[] = [
  { line: 'accent', label: 'onAccent' },
  { line: 'accent2', label: 'onAccent' },
  { line: 'muted', label: 'onAccent' },
  { line: 'accentLine', label: 'onAccent' },
  { line: 'accent2Line', label: 'onAccent' },
  { line: 'mutedLine', label: 'onAccent' },
  { line: 'category6', label: 'text' },
  { line: 'category7', label: 'text' },
];

const ROLE_NAMES = Object.keys(ROLES) as Role[];

/**
 * One sentinel per role: evenly spread hues at a mid saturation and lightness,
 * so a colour Mermaid derives by lightening or fading keeps a hue and
 * saturation that identify its role.
 */
export const SENTINEL = { saturation: 70, lightness: 45 } as const;
const sentinelHsl = (index: number): Hsl => ({
  h: 3 + (index * 354) / ROLE_NAMES.length,
  s: SENTINEL.saturation,
  l: SENTINEL.lightness,
});
const SENTINELS = new Map<Role, string>(ROLE_NAMES.map((role, index) => [role, toHex(hslToRgb(sentinelHsl(index)))]));

export const sentinel = (role: Role): string => SENTINELS.get(role) ?? '';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLES, value);
}
