/**
 * Source in, themed and accessible SVG out: the cache first, then the browser.
 * Concurrent requests for one diagram share one render.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { classifyMermaidError, EMPTY_DIAGRAM } from '../errors.ts';
import { mermaidConfig } from '../mermaid/config.ts';
import { iconPacksFingerprint, unknownIcon } from '../mermaid/icons.ts';
import { withMainPathStyle } from '../mermaid/main-path.ts';
import { normaliseSvg } from '../svg/normalise.ts';
import { optimiseSvg } from '../svg/optimise.ts';
import type { DiagramRenderer, DiagramResult } from '../types.ts';
import { MermaidBrowser } from './browser.ts';
import { DiagramCache } from './cache.ts';
import { diagramKey, renderSeed, rootIdFor, styleFingerprint } from './cache-key.ts';
import { renderPageAssets } from './render-page.ts';
import { substitutePicture } from './substitutes.ts';

/**
 * Bump when the code of the SVG passes (svg/) changes what a cached diagram
 * looks like; a change to the config or the colour mapping changes the key by itself.
 */
const PIPELINE_VERSION = '16';

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
  /** The SVG optimiser's version: its output is part of what is cached. */
  svgoVersion: string;
  fontFingerprint: string;
  styleFingerprint: string;
  iconPacks: Record<string, string[]>;
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

/** The package.json above a package's entry file (svgo does not export its own). */
function packageJsonOf(entry: string): string {
  for (let directory = dirname(entry); directory !== dirname(directory); directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return join(directory, 'package.json');
  }
  throw new Error(`No package.json above ${entry}.`);
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
      pipeline: `${PIPELINE_VERSION}+svgo@${environment.svgoVersion}`,
    });
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#renderUncached(key, source, environment);
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  /** Starts the browser now rather than on the first diagram (the dev server, so the first edit is quick); false if it cannot. */
  async warm(): Promise<boolean> {
    // A browser that cannot start says so on the first real render, with its help text.
    return this.#environmentOnce()
      .then((environment) => environment.renderer.warm())
      .then(
        () => true,
        () => false,
      );
  }

  /** Lets the browser go while nothing is drawing (a build, once its content diagrams are cached). */
  async releaseBrowser(): Promise<void> {
    if (this.#environment) await (await this.#environment).renderer.release();
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
    const unknown = unknownIcon(source, environment.iconPacks);
    if (unknown) {
      this.#inFlight.delete(key);
      return { ok: false, failure: unknown };
    }
    const rootId = rootIdFor(key);
    clearTimeout(this.#idleTimer);
    const drawn = withMainPathStyle(source);
    let outcome = await environment.renderer.render({ id: rootId, source: drawn, seed: renderSeed(key) });
    // A broken source is reported as the author wrote it: the site's lines after theirs must not be what Mermaid blames.
    if (!outcome.ok && drawn !== source) outcome = await environment.renderer.render({ id: rootId, source, seed: renderSeed(key) });
    this.#scheduleIdleClose(environment);
    if (!outcome.ok) {
      // A failure is not cached on disk: the next build tries again, and says again what is wrong.
      // Within this build it stands (Mermaid's answer for a source does not change), so a page that
      // asks after the content scan does not draw it again.
      return { ok: false, failure: classifyMermaidError(outcome.message, outcome.line, source) };
    }
    const substitute = substitutePicture(outcome, source);
    if (substitute) return { ok: false, failure: substitute };
    const normalised = normaliseSvg(outcome.svg, { key, rootId, type: outcome.type, labelSize: outcome.labelSize });
    const diagram = { ...normalised, svg: await optimiseSvg(normalised.svg), text: outcome.text, graph: outcome.graph };
    await this.#cache.set(diagram);
    this.#stats.rendered += 1;
    return { ok: true, diagram };
  }

  #scheduleIdleClose(environment: Environment): void {
    const idle = this.#options.closeWhenIdleMs;
    if (idle === undefined) return;
    // release(), not close(): a render queued meanwhile may still be drawing when the timer fires.
    this.#idleTimer = setTimeout(() => void environment.renderer.release(), idle);
    this.#idleTimer.unref();
  }

  #environmentOnce(): Promise<Environment> {
    this.#environment ??= this.#loadEnvironment();
    return this.#environment;
  }

  async #loadEnvironment(): Promise<Environment> {
    const resolve = createRequire(join(this.#options.root, 'package.json')).resolve;
    const versionOf = async (name: string) =>
      (JSON.parse(await readFile(packageJsonOf(resolve(name)), 'utf8')) as { version: string }).version;
    const assets = renderPageAssets(this.#options.root);
    const fontFingerprint = createHash('sha256')
      .update(await readFile(assets.fontStylesheet))
      .update(await readFile(assets.fontFile))
      .update(iconPacksFingerprint(this.#options.root))
      .digest('hex')
      .slice(0, 16);
    const config = mermaidConfig();
    const renderer = new MermaidBrowser({ assets, mermaidConfig: config, workDir: this.#options.cacheDir });
    return {
      mermaidVersion: await versionOf('mermaid'),
      svgoVersion: await versionOf('svgo'),
      fontFingerprint,
      styleFingerprint: styleFingerprint(config),
      iconPacks: assets.iconPacks,
      renderer,
    };
  }
}
