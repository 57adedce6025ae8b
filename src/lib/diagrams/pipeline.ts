/**
 * Source in, themed and accessible SVG out: the cache first, then the browser.
 * Concurrent requests for one diagram share one render.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BrowserRenderer } from './browser.ts';
import { DiagramCache } from './cache.ts';
import { classifyMermaidError, EMPTY_DIAGRAM, type DiagramFailure } from './errors.ts';
import { diagramKey, rootIdFor, scopeIds } from './ids.ts';
import { renderPageAssets } from './render-page.ts';
import { pruneUnusedStyles } from './styles.ts';
import { mermaidConfig, THEME_FINGERPRINT, themeSvg } from './theme.ts';

/** Bump when the post-processing below changes what a cached diagram looks like. */
const PIPELINE_VERSION = '4';

export interface RenderedDiagram {
  key: string;
  rootId: string;
  /** Themed SVG with scoped ids; its accessible name is added by the figure (figure.ts). */
  svg: string;
  /** Mermaid's diagram type, e.g. "flowchart-v2". */
  type: string;
  width: number;
  height: number;
  accTitle?: string | undefined;
  accDescr?: string | undefined;
}

export type RenderResult = { ok: true; diagram: RenderedDiagram } | { ok: false; failure: DiagramFailure };

export interface PipelineOptions {
  /** The project root (where node_modules is). */
  root: string;
  /** Where rendered diagrams are kept between builds. */
  cacheDir: string;
  /** Close the browser after this long without renders (for commands with no "done" hook). */
  closeWhenIdleMs?: number | undefined;
}

export interface PipelineStats {
  cacheHits: number;
  rendered: number;
  browserLaunches: number;
}

interface Environment {
  mermaidVersion: string;
  fontFingerprint: string;
  renderer: BrowserRenderer;
}

/** What the Markdown hook and the content scan need from the pipeline (tests give them a stand-in). */
export type DiagramRenderer = Pick<DiagramPipeline, 'render'>;

/** Trailing whitespace and line endings do not change a diagram, so they do not change its key. */
export function normaliseSource(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

export class DiagramPipeline {
  readonly #options: PipelineOptions;
  readonly #cache: DiagramCache;
  readonly #inFlight = new Map<string, Promise<RenderResult>>();
  #environment: Promise<Environment> | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  #stats = { cacheHits: 0, rendered: 0 };

  constructor(options: PipelineOptions) {
    this.#options = options;
    this.#cache = new DiagramCache(options.cacheDir);
  }

  async stats(): Promise<PipelineStats> {
    const launches = this.#environment ? (await this.#environment).renderer.launches : 0;
    return { ...this.#stats, browserLaunches: launches };
  }

  async render(rawSource: string): Promise<RenderResult> {
    const source = normaliseSource(rawSource);
    if (source === '') return { ok: false, failure: EMPTY_DIAGRAM };
    const environment = await this.#environmentOnce();
    const key = diagramKey({
      source,
      mermaidVersion: environment.mermaidVersion,
      theme: THEME_FINGERPRINT,
      font: environment.fontFingerprint,
      pipeline: PIPELINE_VERSION,
    });
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#renderUncached(key, source, environment);
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  async close(): Promise<void> {
    clearTimeout(this.#idleTimer);
    if (this.#environment) await (await this.#environment).renderer.close();
  }

  async #renderUncached(key: string, source: string, environment: Environment): Promise<RenderResult> {
    const cached = await this.#cache.get(key);
    if (cached) {
      this.#stats.cacheHits += 1;
      return { ok: true, diagram: cached };
    }
    const rootId = rootIdFor(key);
    clearTimeout(this.#idleTimer);
    const outcome = await environment.renderer.render({ id: rootId, source, seed: Number.parseInt(key.slice(0, 8), 16) });
    this.#scheduleIdleClose(environment);
    if (!outcome.ok) {
      // A failure is not cached: the next build tries again, and says again what is wrong.
      this.#inFlight.delete(key);
      return { ok: false, failure: classifyMermaidError(outcome.message, outcome.line, source) };
    }
    const diagram = normaliseSvg(outcome.svg, { key, rootId, type: outcome.type });
    await this.#cache.set(diagram);
    this.#stats.rendered += 1;
    return { ok: true, diagram };
  }

  #scheduleIdleClose(environment: Environment): void {
    const idle = this.#options.closeWhenIdleMs;
    if (idle === undefined) return;
    this.#idleTimer = setTimeout(() => void environment.renderer.close(), idle);
    this.#idleTimer.unref();
  }

  #environmentOnce(): Promise<Environment> {
    this.#environment ??= this.#loadEnvironment();
    return this.#environment;
  }

  async #loadEnvironment(): Promise<Environment> {
    const resolve = createRequire(join(this.#options.root, 'package.json')).resolve;
    const mermaidPackage = JSON.parse(await readFile(resolve('mermaid/package.json'), 'utf8')) as { version: string };
    const assets = renderPageAssets(this.#options.root);
    const fontFingerprint = createHash('sha256')
      .update(await readFile(assets.fontStylesheet))
      .update(await readFile(assets.fontFile))
      .digest('hex')
      .slice(0, 16);
    const renderer = new BrowserRenderer({ assets, mermaidConfig: mermaidConfig(), workDir: this.#options.cacheDir });
    return { mermaidVersion: mermaidPackage.version, fontFingerprint, renderer };
  }
}

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[entity] ?? '');

/** Pulls out the element Mermaid wrote for accTitle/accDescr; its text goes to the figure instead. */
function takeElement(svg: string, tag: 'title' | 'desc', id: string): { svg: string; text: string | undefined } {
  const pattern = new RegExp(`<${tag} id="${id}"[^>]*>([\\s\\S]*?)</${tag}>`);
  const match = pattern.exec(svg);
  if (!match) return { svg, text: undefined };
  return { svg: svg.replace(pattern, ''), text: decodeEntities(match[1] ?? '') };
}

const ROOT_ATTRIBUTES_TO_DROP = /\s(?:width|height|style|role|aria-roledescription|aria-labelledby|aria-describedby)="[^"]*"/g;

/** From Mermaid's raw SVG to what is cached: a11y text extracted, intrinsic size set, ids scoped, colours themed, dead CSS dropped. */
export function normaliseSvg(raw: string, identity: { key: string; rootId: string; type: string }): RenderedDiagram {
  const { key, rootId } = identity;
  const title = takeElement(raw, 'title', `chart-title-${rootId}`);
  const description = takeElement(title.svg, 'desc', `chart-desc-${rootId}`);
  const rootTag = /^<svg\b[^>]*>/.exec(description.svg)?.[0] ?? '<svg>';
  const type = /aria-roledescription="([^"]*)"/.exec(rootTag)?.[1] ?? identity.type;
  const viewBox = /viewBox="([^"]*)"/.exec(rootTag)?.[1]?.split(/[\s,]+/).map(Number) ?? [];
  const attribute = (name: string) => Number.parseFloat(new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(rootTag)?.[1] ?? '');
  const width = round(viewBox[2] ?? attribute('width'));
  const height = round(viewBox[3] ?? attribute('height'));
  const sizedRoot = rootTag.replace(ROOT_ATTRIBUTES_TO_DROP, '').replace(/>$/, ` width="${width}" height="${height}">`);
  const svg = pruneUnusedStyles(themeSvg(scopeIds(description.svg.replace(rootTag, sizedRoot), rootId), rootId));
  return { key, rootId, svg, type, width, height, accTitle: title.text, accDescr: description.text };
}

const round = (value: number) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : 0);
