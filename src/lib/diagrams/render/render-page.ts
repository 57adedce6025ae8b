/**
 * The page diagrams are rendered in: Mermaid's bundle and the site's text font,
 * loaded once from node_modules over file:// (no network), and the render
 * loop (page/main.ts, TypeScript like the rest), bundled by esbuild at start-up.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fontFaces, fontStack } from '../../../design-tokens.ts';
import { writeWhole } from '../../write-whole.ts';
import { mermaidBundle } from '../mermaid/bundle.ts';
import { iconPackFiles } from '../mermaid/icons.ts';
import { ICON_PACKS_ELEMENT, PAGE_GLOBALS } from './page/protocol.ts';

export { PAGE_GLOBALS, type MermaidJob, type MermaidOutcome } from './page/protocol.ts';

/** The global the render loop is installed under (tests call it directly). */
export const RENDER_FUNCTION = PAGE_GLOBALS.render;

/** The page's own code (page/main.ts and what it imports), bundled for the browser once per process. */
let pageScript: Promise<string> | undefined;
function bundledPageScript(): Promise<string> {
  pageScript ??= import('esbuild').then(async ({ build }) => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./page/main.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'chrome120',
      // Names stay as written: a stack trace from the page reads like the source.
      minify: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  });
  return pageScript;
}

export interface RenderPageAssets {
  /** Absolute path of mermaid's IIFE bundle (mermaid.min.js), as published. */
  mermaidScript: string;
  /** Absolute path of the font package's stylesheet (its @font-face rules). */
  fontStylesheet: string;
  /** Absolute path of the font file that draws the labels (the Latin subset): part of the cache key. */
  fontFile: string;
  /** The CSS font-family list the site sets its text in. */
  fontFamily: string;
  /** The family labels are measured in, as CSS names it (the list's first). */
  labelFamily: string;
  /** Icon pack name → its Iconify JSON files (icons.ts). */
  iconPacks: Record<string, string[]>;
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
    iconPacks: iconPackFiles(root),
  };
}

/**
 * Which Mermaid the page loads: the pipeline's copy with its config copy made
 * cheaper (mermaid/bundle.ts), or Mermaid as published, for the renders that
 * stand for Mermaid's own (the fidelity reference, the bench's floor).
 */
export type MermaidBuild = 'pipeline' | 'published';

/** Writes the render page into `directory` and returns its file:// URL (it loads its assets from disk). */
export async function writeRenderPage(assets: RenderPageAssets, directory: string, mermaid: MermaidBuild): Promise<string> {
  await mkdir(directory, { recursive: true });
  const script = mermaid === 'pipeline' ? await writePipelineBundle(assets.mermaidScript, directory) : assets.mermaidScript;
  const path = join(directory, 'render-page.html');
  await writeWhole(path, renderPageHtml(assets, script, await bundledPageScript()));
  return pathToFileURL(path).href;
}

/** The pipeline's Mermaid, beside the page. */
async function writePipelineBundle(published: string, directory: string): Promise<string> {
  const { code, patched } = mermaidBundle(await readFile(published, 'utf8'));
  if (!patched) return published;
  const path = join(directory, 'mermaid.js');
  await writeWhole(path, code);
  return path;
}

function renderPageHtml(assets: RenderPageAssets, mermaidScript: string, pageCode: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(assets.fontStylesheet).href}">
<style>body { margin: 0; font-family: ${assets.fontFamily}; font-size: 16px; }</style>
<script src="${pathToFileURL(mermaidScript).href}"></script>
<script type="application/json" id="${ICON_PACKS_ELEMENT}">${JSON.stringify(Object.keys(assets.iconPacks)).replace(/</g, '\\u003c')}</script>
<script>${pageCode.replace(/<\/script/gi, '<\\/script')}</script>
</head>
<body></body>
</html>
`;
}
