/**
 * Card tree → PNG bytes: satori lays the card out as SVG, resvg rasterises it.
 * Both are deterministic given the same fonts, so two builds give the same
 * bytes. Fonts come from the @fontsource/ibm-plex-sans package on disk, never
 * from the network.
 *
 * A finished card is kept in a content-addressed cache (the key hashes the
 * whole card tree — words, diagram SVG, styles — with the renderers' versions
 * and the fonts), so a build whose cards have not changed renders none.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori, { type Font } from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { ogFont } from '../../design-tokens.ts';
import { writeWhole } from '../write-whole.ts';
import type { OgCardElement } from './card.ts';
import { inlineSvgImages } from './diagram.ts';
import { OG_IMAGE_SIZE } from './paths.ts';
import { ogRenderStats } from './stats.ts';
import { woffToSfnt } from './woff.ts';
import { escapeHtml } from '../html.ts';
/** Bump when the rendering below changes what a cached card looks like. */
const RENDER_VERSION = '3';

// Resolved from this module so it works both from source (Vitest) and from
// Astro's bundled build output, which still sits inside the project.
const require = createRequire(import.meta.url);

interface Renderer {
  fonts: Font[];
  /** The same fonts as TrueType files, for the text of a diagram drawn inside a card (resvg reads no WOFF). */
  fontFiles: string[];
  fingerprint: string;
}

let renderer: Promise<Renderer> | undefined;

/** The cache folder, beside the diagrams' (Astro's cache dir). */
const ogCacheDir = () => join(process.cwd(), 'node_modules', '.astro', 'og');

/** Read once per process: every card of a build shares the same fonts. */
function loadRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const fingerprint = createHash('sha256').update(RENDER_VERSION);
    for (const name of ['satori', '@resvg/resvg-js']) {
      fingerprint.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
    }
    const fontDir = join(ogCacheDir(), 'fonts');
    await mkdir(fontDir, { recursive: true });
    const fonts: Font[] = [];
    const fontFiles: string[] = [];
    for (const { weight, file } of ogFont.files) {
      const data = await readFile(require.resolve(file));
      const hash = createHash('sha256').update(data).digest('hex').slice(0, 16);
      fingerprint.update(hash);
      const fontFile = join(fontDir, `${hash}.ttf`);
      await writeWhole(fontFile, woffToSfnt(data));
      fonts.push({ name: ogFont.family, weight, style: 'normal', data });
      fontFiles.push(fontFile);
    }
    return { fonts, fontFiles, fingerprint: fingerprint.digest('hex') };
  })();
  return renderer;
}

/** resvg's fonts: the card's, and no system font, so a machine's own fonts cannot change the output. */
const resvgFonts = (fontFiles: string[]) => ({
  loadSystemFonts: false,
  fontFiles,
  defaultFontFamily: ogFont.family,
  sansSerifFamily: ogFont.family,
});

/** The card as the SVG resvg rasterises: satori's layout, with each diagram inlined (inlineSvgImages). */
export async function ogCardSvg(card: OgCardElement): Promise<string> {
  const { fonts } = await loadRenderer();
  return inlineSvgImages(await satori(card, { ...OG_IMAGE_SIZE, fonts }));
}

export async function renderOgImage(card: OgCardElement): Promise<Uint8Array<ArrayBuffer>> {
  const { fontFiles } = await loadRenderer();
  // No system fonts: satori has already turned its own glyphs into paths, a
  // diagram inside the card gets the site's font, and a machine's own fonts
  // must not change the output.
  const png = new Resvg(await ogCardSvg(card), { font: resvgFonts(fontFiles) }).render().asPng();
  // Copied into a plain ArrayBuffer: a Buffer's type also admits SharedArrayBuffer, which Response's body does not.
  return new Uint8Array(png);
}

/**
 * How wide resvg draws `text` in the card's font at `size` px: the ink's
 * width, measured by the renderer and the font that will draw it.
 */
export async function textWidth(text: string, size: number): Promise<number> {
  const { fontFiles } = await loadRenderer();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size * text.length + 100}" height="${size * 3}"><text x="10" y="${size * 2}" font-family="${ogFont.family}" font-size="${size}">${escapeHtml(text)}</text></svg>`;
  return new Resvg(svg, { font: resvgFonts(fontFiles) }).getBBox()?.width ?? 0;
}

/** renderOgImage() through the cache: the same card is never rendered twice. */
export async function cachedOgImage(card: OgCardElement): Promise<Uint8Array<ArrayBuffer>> {
  const { fingerprint } = await loadRenderer();
  const key = createHash('sha256').update(fingerprint).update(JSON.stringify(card)).digest('hex');
  const path = join(ogCacheDir(), key.slice(0, 2), `${key}.png`);
  const stats = ogRenderStats();
  try {
    const cached = new Uint8Array(await readFile(path));
    stats.cacheHits += 1;
    return cached;
  } catch {
    const png = await renderOgImage(card);
    await mkdir(join(ogCacheDir(), key.slice(0, 2)), { recursive: true });
    await writeWhole(path, png);
    stats.rendered += 1;
    return png;
  }
}
