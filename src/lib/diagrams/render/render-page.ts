/**
 * The page diagrams are rendered in: Mermaid's bundle and the site's text font,
 * loaded once from node_modules over file:// (no network), and a small render
 * loop kept as plain JavaScript so no bundler rewrites it on its way to the
 * browser.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fontFaces, fontStack } from '../../../design-tokens.ts';
import { writeWhole } from '../../write-whole.ts';
import { mermaidBundle } from '../mermaid/bundle.ts';
import { iconPackFiles } from '../mermaid/icons.ts';
import type { TextSection } from '../types.ts';

export interface MermaidJob {
  id: string;
  source: string;
  /** Seeds Math.random for this render, so layouts and generated ids repeat exactly. */
  seed: number;
}

export type MermaidOutcome =
  | { ok: true; svg: string; type: string; labelSize: number; text: TextSection[] | undefined }
  | { ok: false; message: string; line: number | undefined };

/** The global the render loop is installed under. */
export const RENDER_FUNCTION = '__renderDiagrams';
/** The global holding the `mermaid.initialize()` config, for the renders that change it for one diagram. */
export const CONFIG_GLOBAL = '__mermaidConfig';
/** The function the page calls for an icon pack's JSON (browser.ts reads it from node_modules). */
export const ICON_PACK_FUNCTION = '__iconPack';

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
  const visibleText = (element) =>
    [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '') &&
    getComputedStyle(element).display !== 'none' && getComputedStyle(element).visibility !== 'hidden' && Number(getComputedStyle(element).opacity) > 0;
  // Drawn once at its natural size: a few types (info) size themselves only with CSS, so they get the
  // viewBox their drawing needs; and the smallest label, in px at that size, is what the page's
  // legibility floor scales against (diagrams.css).
  const measured = (svg) => {
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    document.body.append(holder);
    const element = holder.querySelector('svg');
    // Gantt draws a "today" line whatever the config says (12.3 reads todayMarker only from
    // the diagram's text); at the pinned date below it would mark a day that means nothing.
    element.querySelectorAll('g.today').forEach((today) => today.remove());
    // A few diagram types (info) size themselves only with CSS; give them the viewBox their
    // drawing needs, padded in proportion so the drawing keeps its shape.
    if (!element.hasAttribute('viewBox')) {
      const box = element.getBBox();
      const [padX, padY] = [box.width * 0.05, box.height * 0.05];
      element.setAttribute('viewBox', [box.x - padX, box.y - padY, box.width + 2 * padX, box.height + 2 * padY].join(' '));
    }
    const natural = element.outerHTML;
    const viewBox = element.viewBox.baseVal;
    element.removeAttribute('style');
    element.setAttribute('width', String(viewBox.width));
    element.setAttribute('height', String(viewBox.height));
    const sizes = [...element.querySelectorAll('text, tspan, foreignObject *')].filter(visibleText).map((run) => {
      const matrix = run.getScreenCTM ? run.getScreenCTM() : run.closest('foreignObject').getScreenCTM();
      return Number.parseFloat(getComputedStyle(run).fontSize) * Math.hypot(matrix.a, matrix.b);
    });
    holder.remove();
    const labelSize = sizes.length === 0 ? 16 : Math.round(Math.min(...sizes) * 100) / 100;
    return { svg: natural, labelSize };
  };
  // The text version: steps and connections read from Mermaid's own parse of the source, in the
  // author's order. Sections of items; an item may hold items (a sequence's alt block, a composite state).
  const plain = (text) => String(text ?? '').replace(/<br\\s*\\/?>/gi, ' ').replace(/<[^>]*>/g, '').replace(/#quot;/g, '"').replace(/\\s+/g, ' ').trim();
  const flowchartText = (db) => {
    const vertices = db.getVertices();
    const groups = db.getSubGraphs();
    const nameOf = (id) => plain(vertices.get(id)?.text) || plain(groups.find((group) => group.id === id)?.title) || id;
    const arrow = (edge) => (edge.type === 'double_arrow_point' ? '↔' : edge.type === 'arrow_open' ? '—' : '→');
    const sections = [
      { title: 'Steps', items: [...vertices.values()].map((vertex) => ({ text: nameOf(vertex.id) })) },
      { title: 'Connections', items: db.getEdges().map((edge) => ({ text: nameOf(edge.start) + ' ' + arrow(edge) + ' ' + nameOf(edge.end) + (plain(edge.text) ? ', ' + plain(edge.text) : '') })) },
    ];
    if (groups.length > 0) sections.push({ title: 'Groups', items: groups.map((group) => ({ text: (plain(group.title) || group.id) + ': ' + group.nodes.map(nameOf).join(', ') })) });
    return sections;
  };
  const BLOCK_START = { 10: 'Loop', 12: 'If', 15: 'Optionally', 19: 'In parallel', 22: 'Highlighted', 27: 'Critical', 30: 'Break', 32: 'In parallel' };
  const BLOCK_NEXT = { 13: 'Else', 20: 'And', 28: 'Option' };
  const BLOCK_END = new Set([11, 14, 16, 21, 23, 29, 31]);
  const NOTE = 2;
  const PLACEMENT = { 0: 'left of', 1: 'right of', 2: 'over' };
  const sequenceText = (db) => {
    const actors = db.getActors();
    const nameOf = (id) => plain(actors.get(id)?.description) || id;
    const root = [];
    const stack = [root];
    const current = () => stack[stack.length - 1];
    for (const message of db.getMessages()) {
      const label = plain(typeof message.message === 'string' ? message.message : '');
      if (message.type in BLOCK_START || message.type in BLOCK_NEXT) {
        if (message.type in BLOCK_NEXT && stack.length > 1) stack.pop();
        const item = { text: (BLOCK_START[message.type] ?? BLOCK_NEXT[message.type]) + (label ? ' ' + label : '') + ':', items: [] };
        current().push(item);
        stack.push(item.items);
      } else if (BLOCK_END.has(message.type)) {
        if (stack.length > 1) stack.pop();
      } else if (message.type === NOTE) {
        const over = message.from === message.to ? nameOf(message.from) : nameOf(message.from) + ', ' + nameOf(message.to);
        current().push({ text: 'Note ' + (PLACEMENT[message.placement] ?? 'over') + ' ' + over + ': ' + label });
      } else if (message.from !== undefined && message.to !== undefined) {
        current().push({ text: nameOf(message.from) + ' → ' + nameOf(message.to) + (label ? ': ' + label : '') });
      }
    }
    return [
      { title: 'Participants', items: [...actors.keys()].map((id) => ({ text: nameOf(id) })) },
      { title: 'Messages', items: root },
    ];
  };
  const stateText = (db) => {
    const nameOf = (state, end) => {
      const id = state.id;
      if (id === '[*]' || /_start$/.test(id) || /_end$/.test(id)) return end ? 'End' : 'Start';
      const description = Array.isArray(state.description) ? state.description.join(' ') : state.description;
      return plain(description) || id;
    };
    const transitions = (doc) =>
      (doc ?? []).flatMap((statement) => {
        if (statement.stmt === 'relation') {
          const label = plain(statement.description);
          return [{ text: nameOf(statement.state1, false) + ' → ' + nameOf(statement.state2, true) + (label ? ': ' + label : '') }];
        }
        if (statement.stmt === 'state' && Array.isArray(statement.doc) && statement.doc.length > 0) {
          return [{ text: 'Inside ' + nameOf(statement, false) + ':', items: transitions(statement.doc) }];
        }
        return [];
      });
    return [{ title: 'Transitions', items: transitions(db.getRootDocV2().doc) }];
  };
  const textVersion = async (source, type) => {
    if (!/^(flowchart|graph|sequence|state)/.test(type)) return undefined;
    try {
      const { db } = await window.mermaid.mermaidAPI.getDiagramFromText(source);
      if (db.getVertices && db.getEdges) return flowchartText(db);
      if (db.getMessages && db.getActors) return sequenceText(db);
      if (db.getRootDocV2) return stateText(db);
    } catch {
      // The drawing succeeded; a diagram whose parse cannot be read back simply has no text version.
    }
    return undefined;
  };
  // The build date must not reach a diagram (gantt's "today", a task with no start date):
  // while Mermaid draws, the clock reads one fixed instant.
  const RealDate = Date;
  const PINNED_NOW = RealDate.UTC(2000, 0, 1);
  const PinnedDate = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length > 0 ? args : [PINNED_NOW], newTarget),
    apply: () => new RealDate(PINNED_NOW).toString(),
    get: (target, key) => (key === 'now' ? () => PINNED_NOW : Reflect.get(target, key)),
  });
  // SVG-text labels (htmlLabels: false) receive #quot;, #9829; and &nbsp; from Mermaid as
  // entity text, which its HTML labels hand to the HTML parser: read them the parser's way,
  // before the label is measured, so the drawing is sized for what it shows.
  const ENTITY = /&(?:#\\d+|#x[\\da-f]+|[a-z][\\da-z]*);/i;
  const decoder = document.createElement('textarea');
  const textContent = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
  const decodingTextContent = {
    configurable: true,
    get() { return textContent.get.call(this); },
    set(value) {
      if (typeof value === 'string' && ENTITY.test(value)) {
        decoder.innerHTML = value;
        value = decoder.value;
      }
      textContent.set.call(this, value);
    },
  };
  const drawing = async (job) => {
    Math.random = mulberry32(job.seed);
    const clock = window.Date;
    window.Date = PinnedDate;
    Object.defineProperty(SVGTextContentElement.prototype, 'textContent', decodingTextContent);
    // Font Awesome's fa:fa-name is drawn as an icon only in HTML labels, as in Mermaid's own render.
    const iconLabels = /\\bfa[bklrs]?:fa-[\\w-]/.test(job.source);
    if (iconLabels) window.mermaid.initialize({ ...window.${CONFIG_GLOBAL}, htmlLabels: true });
    try {
      return await window.mermaid.render(job.id, job.source);
    } finally {
      if (iconLabels) window.mermaid.initialize(window.${CONFIG_GLOBAL});
      delete SVGTextContentElement.prototype.textContent;
      window.Date = clock;
    }
  };
  window.${RENDER_FUNCTION} = async (jobs) => {
    const results = [];
    for (const job of jobs) {
      try {
        const { svg, diagramType } = await drawing(job);
        results.push({ ok: true, ...measured(svg), type: diagramType, text: await textVersion(job.source, diagramType) });
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
  await writeWhole(path, renderPageHtml(assets, script));
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

function renderPageHtml(assets: RenderPageAssets, mermaidScript: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(assets.fontStylesheet).href}">
<style>body { margin: 0; font-family: ${assets.fontFamily}; font-size: 16px; }</style>
<script src="${pathToFileURL(mermaidScript).href}"></script>
<script>${RENDER_LOOP}</script>
<script>window.mermaid.registerIconPacks(${JSON.stringify(Object.keys(assets.iconPacks))}.map((name) => ({ name, loader: () => window.${ICON_PACK_FUNCTION}(name) })));</script>
</head>
<body></body>
</html>
`;
}
