/**
 * Card tree → PNG bytes: satori lays the card out as SVG, resvg rasterises it.
 * Both are deterministic given the same fonts, so two builds give the same
 * bytes. Fonts come from the @fontsource/ibm-plex-sans package on disk, never
 * from the network.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { ogFont } from '../../design-tokens.ts';
import type { OgCardElement } from './card.ts';
import { OG_IMAGE_SIZE } from './paths.ts';

// Resolved from this module so it works both from source (Vitest) and from
// Astro's bundled build output, which still sits inside the project.
const require = createRequire(import.meta.url);

let fonts: Promise<Font[]> | undefined;

/** Read once per process: every card of a build shares the same font buffers. */
function loadFonts(): Promise<Font[]> {
  fonts ??= Promise.all(
    ogFont.files.map(async ({ weight, file }) => ({
      name: ogFont.family,
      weight,
      style: 'normal' as const,
      data: await readFile(require.resolve(file)),
    })),
  );
  return fonts;
}

export async function renderOgImage(card: OgCardElement): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await satori(card, { ...OG_IMAGE_SIZE, fonts: await loadFonts() });
  // No system fonts: satori has already turned every glyph into a path, and a
  // machine's own fonts must not change the output.
  const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
  // Copied into a plain ArrayBuffer: a Buffer's type also admits SharedArrayBuffer, which Response's body does not.
  return new Uint8Array(png);
}
