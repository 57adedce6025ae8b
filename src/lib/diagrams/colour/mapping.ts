/**
 * From a colour Mermaid wrote to the CSS the page gets. Colours Mermaid
 * derives from a sentinel (lightened, faded) keep the sentinel's hue and
 * saturation, which is how they are traced back to their role; colours
 * Mermaid hard-codes are mapped onto the neutral tokens by lightness, so
 * nothing stays white on a dark page.
 */
import { hueDistance, luminance, parseColour, rgbToHsl, toHex, type Rgba } from './arithmetic.ts';
import { ROLES, SENTINEL, sentinel, type Role } from './roles.ts';

/**
 * Every threshold the mapping decides by, in one object: the render cache's
 * key hashes it (render/cache-key.ts), so changing one re-renders every diagram.
 */
export const MAPPING = {
  /** How close (degrees of hue, points of saturation) a colour must be to a sentinel to be its role. */
  sentinelMatch: { hue: 1, saturation: 4, minSaturationShare: 1 / 4 },
  /** Luminance at or above which a hard-coded neutral becomes each role; below the last, `text`. */
  neutrals: [
    { from: 0.88, role: 'surface' },
    { from: 0.7, role: 'subtle' },
    { from: 0.45, role: 'border' },
    { from: 0.1, role: 'muted' },
  ] as readonly { from: number; role: Role }[],
  /** A hue counts as one (not a neutral) from this saturation, between these lightnesses. */
  chromatic: { minSaturation: 20, minLightness: 8, maxLightness: 97 },
  /** Pale hues are blended with the surface, dark ones with the text, by these shares. */
  pale: { fromLightness: 78, share: 35 },
  dark: { toLightness: 32, share: 55 },
  /** Alpha at or above which a colour is treated as opaque. */
  opaque: 0.995,
};

const SENTINEL_HSL = (Object.keys(ROLES) as Role[]).map((role) => ({
  role,
  hsl: rgbToHsl(parseColour(sentinel(role)) ?? { r: 0, g: 0, b: 0 }),
}));

/** The role a rendered colour came from: a sentinel itself, or one Mermaid lightened, darkened or faded. */
function roleOf(colour: Rgba): Role | undefined {
  const hsl = rgbToHsl(colour);
  const { hue, saturation, minSaturationShare } = MAPPING.sentinelMatch;
  if (hsl.s < SENTINEL.saturation * minSaturationShare) return undefined;
  const match = SENTINEL_HSL.find(
    ({ hsl: candidate }) => hueDistance(candidate.h, hsl.h) < hue && Math.abs(candidate.s - hsl.s) < saturation,
  );
  return match?.role;
}

const withAlpha = (css: string, alpha: number) =>
  alpha >= MAPPING.opaque ? css : `color-mix(in srgb, ${css} ${Math.round(alpha * 100)}%, transparent)`;

/** Hard-coded neutrals follow the page: near-white becomes the surface, near-black the text. */
function neutralRole(colour: Rgba): Role {
  const light = luminance(colour);
  return MAPPING.neutrals.find(({ from }) => light >= from)?.role ?? 'text';
}

/**
 * The CSS a colour literal in Mermaid's output becomes, or `undefined` to
 * leave it as it is (mid-tone hues read on both backgrounds).
 */
export function mappedColour(literal: string): string | undefined {
  const colour = parseColour(literal);
  if (!colour || colour.a === 0) return undefined;
  const role = roleOf(colour);
  if (role) return withAlpha(ROLES[role], colour.a);
  const { s, l } = rgbToHsl(colour);
  const { minSaturation, minLightness, maxLightness } = MAPPING.chromatic;
  const chromatic = s >= minSaturation && l > minLightness && l < maxLightness;
  if (!chromatic) return withAlpha(ROLES[neutralRole(colour)], colour.a);
  const hex = toHex(colour);
  if (l >= MAPPING.pale.fromLightness) return withAlpha(`color-mix(in srgb, ${hex} ${MAPPING.pale.share}%, ${ROLES.surface})`, colour.a);
  if (l <= MAPPING.dark.toLightness) return withAlpha(`color-mix(in srgb, ${hex} ${MAPPING.dark.share}%, ${ROLES.text})`, colour.a);
  return undefined;
}
