/**
 * The page diagrams are rendered in: Mermaid's bundle and the site's text font,
 * loaded once from node_modules over file:// (no network), and a small render
 * loop kept as plain JavaScript so no bundler rewrites it on its way to the
 * browser.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fontFaces, fontStack } from '../../../design-tokens.ts';

export interface MermaidJob {
  id: string;
  source: string;
  /** Seeds Math.random for this render, so layouts and generated ids repeat exactly. */
  seed: number;
}

export type MermaidOutcome =
  | { ok: true; svg: string; type: string }
  | { ok: false; message: string; line: number | undefined };

/** The global the render loop is installed under. */
export const RENDER_FUNCTION = '__renderDiagrams';

/**
 * Runs in the browser. Renders one job at a time (Mermaid's render is not
 * re-entrant), each with Math.random reseeded: Mermaid and its layout engines
 * draw on it for ids and positions.
 */
const RENDER_LOOP = `
(() => {
  const mulberry32 = (seed) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const lineOf = (error) => {
    const loc = error && error.hash && error.hash.loc;
    if (loc && Number.isInteger(loc.first_line)) return loc.first_line;
    if (error && error.hash && Number.isInteger(error.hash.line)) return error.hash.line + 1;
    return undefined;
  };
  // A few diagram types (info) size themselves only with CSS; give them the viewBox their drawing needs.
  const withViewBox = (svg) => {
    if (/\sviewBox=/.test(svg.slice(0, svg.indexOf('>')))) return svg;
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    document.body.append(holder);
    const element = holder.querySelector('svg');
    const box = element.getBBox();
    const pad = 8;
    element.setAttribute('viewBox', [box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad].join(' '));
    const sized = element.outerHTML;
    holder.remove();
    return sized;
  };
  window.${RENDER_FUNCTION} = async (jobs) => {
    const results = [];
    for (const job of jobs) {
      Math.random = mulberry32(job.seed);
      try {
        const { svg, diagramType } = await window.mermaid.render(job.id, job.source);
        results.push({ ok: true, svg: withViewBox(svg), type: diagramType });
      } catch (error) {
        const message = error && error.message ? String(error.message) : String(error);
        results.push({ ok: false, message, line: lineOf(error) });
      } finally {
        document.getElementById(job.id)?.remove();
        document.getElementById('d' + job.id)?.remove();
      }
    }
    return results;
  };
})();
`;

export interface RenderPageAssets {
  /** Absolute path of mermaid's IIFE bundle (mermaid.min.js). */
  mermaidScript: string;
  /** Absolute path of the font package's stylesheet (its @font-face rules). */
  fontStylesheet: string;
  /** Absolute path of the font file that draws the labels (the Latin subset): part of the cache key. */
  fontFile: string;
  /** The CSS font-family list the site sets its text in. */
  fontFamily: string;
  /** The family labels are measured in, as CSS names it (the list's first). */
  labelFamily: string;
}

/** The assets as installed in the project at `root`, and the site's font list. */
export function renderPageAssets(root: string): RenderPageAssets {
  const resolve = createRequire(join(root, 'package.json')).resolve;
  return {
    mermaidScript: resolve('mermaid/dist/mermaid.min.js'),
    fontStylesheet: resolve(fontFaces.sans.stylesheet),
    fontFile: resolve(fontFaces.sans.latinFile),
    fontFamily: fontStack('sans'),
    labelFamily: `"${fontFaces.sans.family}"`,
  };
}

/** Writes the render page into `directory` and returns its file:// URL (it loads its assets from disk). */
export async function writeRenderPage(assets: RenderPageAssets, directory: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, 'render-page.html');
  await writeFile(path, renderPageHtml(assets));
  return pathToFileURL(path).href;
}

function renderPageHtml(assets: RenderPageAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(assets.fontStylesheet).href}">
<style>body { margin: 0; font-family: ${assets.fontFamily}; font-size: 16px; }</style>
<script src="${pathToFileURL(assets.mermaidScript).href}"></script>
<script>${RENDER_LOOP}</script>
</head>
<body></body>
</html>
`;
}
