/**
 * Source in, themed and accessible SVG out: the cache first, then the browser.
 * Concurrent requests for one diagram share one render.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { classifyMermaidError, EMPTY_DIAGRAM } from '../errors.ts';
import { mermaidConfig } from '../mermaid/config.ts';
import { normaliseSvg } from '../svg/normalise.ts';
import type { DiagramRenderer, DiagramResult } from '../types.ts';
import { MermaidBrowser } from './browser.ts';
import { DiagramCache } from './cache.ts';
import { diagramKey, renderSeed, rootIdFor, styleFingerprint } from './cache-key.ts';
import { renderPageAssets } from './render-page.ts';

/**
 * Bump when the code of the SVG passes (svg/) changes what a cached diagram
 * looks like; a change to the config or the colour mapping changes the key by itself.
 */
const PIPELINE_VERSION = '5';

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
  styleFingerprint: string;
  renderer: MermaidBrowser;
}

/** Trailing whitespace and line endings do not change a diagram, so they do not change its key. */
export function normaliseSource(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

export class DiagramPipeline implements DiagramRenderer {
  readonly #options: PipelineOptions;
  readonly #cache: DiagramCache;
  readonly #inFlight = new Map<string, Promise<DiagramResult>>();
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

  async render(rawSource: string): Promise<DiagramResult> {
    const source = normaliseSource(rawSource);
    if (source === '') return { ok: false, failure: EMPTY_DIAGRAM };
    const environment = await this.#environmentOnce();
    const key = diagramKey({
      source,
      mermaidVersion: environment.mermaidVersion,
      style: environment.styleFingerprint,
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

  async #renderUncached(key: string, source: string, environment: Environment): Promise<DiagramResult> {
    const cached = await this.#cache.get(key);
    if (cached) {
      this.#stats.cacheHits += 1;
      return { ok: true, diagram: cached };
    }
    const rootId = rootIdFor(key);
    clearTimeout(this.#idleTimer);
    const outcome = await environment.renderer.render({ id: rootId, source, seed: renderSeed(key) });
    this.#scheduleIdleClose(environment);
    if (!outcome.ok) {
      // A failure is not cached: the next build tries again, and says again what is wrong.
      this.#inFlight.delete(key);
      return { ok: false, failure: classifyMermaidError(outcome.message, outcome.line, source) };
    }
    const diagram = { ...normaliseSvg(outcome.svg, { key, rootId, type: outcome.type, labelSize: outcome.labelSize }), text: outcome.text };
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
    const config = mermaidConfig();
    const renderer = new MermaidBrowser({ assets, mermaidConfig: config, workDir: this.#options.cacheDir });
    return { mermaidVersion: mermaidPackage.version, fontFingerprint, styleFingerprint: styleFingerprint(config), renderer };
  }
}
