/**
 * The one pipeline of a build or dev server.
 *
 * It is shared through a global, not a module variable: Astro loads the
 * integration from the config, but a page component (ArchitectureFlow) gets
 * its own bundled copy of these modules. Both must use one browser and one
 * cache, and the integration must be able to close it.
 */
import type { AstroIntegrationLogger } from 'astro';
import { join } from 'node:path';
import { DiagramPipeline, type PipelineOptions } from '../render/pipeline.ts';

const SHARED = Symbol.for('portfolio.diagrams.pipeline');
type SharedGlobal = typeof globalThis & { [SHARED]?: DiagramPipeline };

export function sharedPipeline(): DiagramPipeline {
  const shared = globalThis as SharedGlobal;
  // Outside an Astro build (a script, a test) nobody calls close(): let the browser go when idle.
  shared[SHARED] ??= new DiagramPipeline({
    root: process.cwd(),
    cacheDir: join(process.cwd(), 'node_modules', '.astro', 'diagrams'),
    closeWhenIdleMs: 1000,
  });
  return shared[SHARED];
}

export async function replaceSharedPipeline(options: PipelineOptions): Promise<void> {
  const shared = globalThis as SharedGlobal;
  await shared[SHARED]?.close();
  shared[SHARED] = new DiagramPipeline(options);
}

/** Closes the pipeline's browser and logs what the build or server cost in diagrams. */
export async function closeSharedPipeline(logger: AstroIntegrationLogger): Promise<void> {
  const shared = globalThis as SharedGlobal;
  const pipeline = shared[SHARED];
  if (!pipeline) return;
  delete shared[SHARED];
  const { rendered, cacheHits, browserLaunches } = await pipeline.stats();
  await pipeline.close();
  if (rendered + cacheHits > 0) {
    logger.info(`${rendered} rendered, ${cacheHits} from cache, browser started ${browserLaunches} time(s)`);
  }
}
