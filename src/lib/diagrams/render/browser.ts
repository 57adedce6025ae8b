/**
 * One headless Chromium per build or dev server, opened on the first diagram
 * that is not in the cache and closed when the build or server ends.
 *
 * Renders are queued and sent to the page in batches: while the page works
 * through one batch, the next fills up, so Chromium never waits on a round
 * trip and the cost per diagram stays at Mermaid's own.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadIconPack } from '../mermaid/icons.ts';
import {
  PAGE_GLOBALS,
  renderPageAssets,
  writeRenderPage,
  type MermaidBuild,
  type MermaidJob,
  type MermaidOutcome,
  type RenderPageAssets,
} from './render-page.ts';

export interface MermaidBrowserOptions {
  assets: RenderPageAssets;
  /** The `mermaid.initialize()` config. */
  mermaidConfig: Record<string, unknown>;
  /** Where the render page's HTML is written (it loads its assets over file://). */
  workDir: string;
}

/** Most jobs sent to the page in one call; bounds how long a finished job waits for its batch. */
const MAX_BATCH = 64;

interface QueuedJob {
  job: MermaidJob;
  resolve: (outcome: MermaidOutcome) => void;
  reject: (error: unknown) => void;
}

interface Session {
  browser: Browser;
  page: Page;
}

export class MermaidBrowser {
  readonly #options: MermaidBrowserOptions;
  #session: Promise<Session> | undefined;
  #queue: QueuedJob[] = [];
  #draining = false;
  #launches = 0;

  constructor(options: MermaidBrowserOptions) {
    this.#options = options;
  }

  /** How many times a browser was started (0 on a fully cached build). */
  get launches(): number {
    return this.#launches;
  }

  render(job: MermaidJob): Promise<MermaidOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  /**
   * Opens the browser and draws one small diagram, so the next render pays
   * neither Chromium's start nor Mermaid's first-render warm-up.
   */
  async warm(): Promise<void> {
    await this.render({ id: 'mmd-warm-up', source: 'flowchart LR\n  a --> b', seed: 1 });
  }

  /** Closes the browser if it has nothing queued or drawing; a later render opens it again. */
  async release(): Promise<void> {
    if (this.#queue.length === 0 && !this.#draining) await this.close();
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (!session) return;
    const { browser } = await session.catch(() => ({ browser: undefined }));
    await browser?.close();
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_BATCH);
        try {
          const { page } = await this.#open();
          // An expression, not a function: a bundler's helpers (esbuild's __name) never reach the page.
          const jobs = JSON.stringify(batch.map(({ job }) => job));
          const outcomes: MermaidOutcome[] = await page.evaluate(`window.${PAGE_GLOBALS.render}(${jobs})`);
          // Handed back on the next turn, once the next batch is on its way: the
          // post-processing of these then overlaps Chromium drawing those.
          setImmediate(() =>
            batch.forEach(({ resolve }, index) => {
              resolve(outcomes[index] ?? { ok: false, message: 'The render page returned no result for this diagram.', line: undefined });
            }),
          );
        } catch (error) {
          // A crashed page or browser fails this batch; the next one starts a fresh browser.
          await this.close();
          for (const { reject } of batch) reject(error);
        }
      }
    } finally {
      this.#draining = false;
    }
  }

  #open(): Promise<Session> {
    this.#session ??= this.#launch();
    return this.#session;
  }

  async #launch(): Promise<Session> {
    this.#launches += 1;
    const { browser, page } = await openRenderPage(this.#options.assets, this.#options.workDir, 'pipeline');
    try {
      await initializeRenderPage(page, this.#options.assets, this.#options.mermaidConfig);
      return { browser, page };
    } catch (error) {
      await browser.close();
      throw error;
    }
  }
}

/** Loads the site's font (labels are measured in it) and hands Mermaid its config. */
export async function initializeRenderPage(page: Page, assets: RenderPageAssets, mermaidConfig: Record<string, unknown>): Promise<void> {
  // A call of the page's own function (page/main.ts) with JSON arguments: no code of Node's crosses over.
  await page.evaluate(`window.${PAGE_GLOBALS.initialize}(${JSON.stringify(mermaidConfig)}, ${JSON.stringify(assets.labelFamily)})`);
}

/**
 * A headless Chromium showing the render page, with every request that is not
 * a file on disk refused: diagrams are drawn from node_modules, nothing may
 * reach the network. The caller closes the browser.
 */
async function openRenderPage(assets: RenderPageAssets, workDir: string, mermaid: MermaidBuild): Promise<Session> {
  // Written while Chromium starts (the page and its Mermaid are about 50 ms of file work); awaited at
  // goto, so a failure here must not count as unhandled in the meantime.
  const pageUrl = writeRenderPage(assets, workDir, mermaid);
  pageUrl.catch(() => undefined);
  // Loaded here, not at the top: a build whose diagrams are all cached never pays for Playwright.
  const [{ chromium }, { chromiumLaunchOptions }] = await Promise.all([import('playwright-core'), import('../../chromium.ts')]);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext();
    await context.route(/^(?!file:)/, (route) => route.abort());
    const page = await context.newPage();
    await page.exposeFunction(PAGE_GLOBALS.iconPack, (name: string) => loadIconPack(name, assets.iconPacks[name] ?? []));
    await page.goto(await pageUrl);
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Runs `use` against a fresh render page of the project at `root`, with
 * Mermaid as published (the bench's floor, the fidelity test's reference, the
 * corpus test's registry), then closes it.
 */
export async function withRenderPage<T>(root: string, use: (page: Page) => Promise<T>): Promise<T> {
  const { browser, page } = await openRenderPage(renderPageAssets(root), await mkdtemp(join(tmpdir(), 'diagrams-page-')), 'published');
  try {
    return await use(page);
  } finally {
    await browser.close();
  }
}
