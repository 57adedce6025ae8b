/**
 * The one pipeline of a build or dev server.
 *
 * It is kept on `globalThis` (process-globals.ts says why), and the
 * integration must be able to close it.
 */
import type { AstroIntegrationLogger } from 'astro';
import { join } from 'node:path';
import { DiagramPipeline, type PipelineOptions } from '../render/pipeline.ts';
import { globalPipeline, setGlobalPipeline } from './process-globals.ts';

export function sharedPipeline(): DiagramPipeline {
  const existing = globalPipeline();
  if (existing) return existing;
  // Outside an Astro build (a script, a test) nobody calls close(): let the browser go when idle.
  const pipeline = new DiagramPipeline({
    root: process.cwd(),
    cacheDir: join(process.cwd(), 'node_modules', '.astro', 'diagrams'),
    closeWhenIdleMs: 1000,
  });
  setGlobalPipeline(pipeline);
  return pipeline;
}

export async function replaceSharedPipeline(options: PipelineOptions): Promise<void> {
  await globalPipeline()?.close();
  setGlobalPipeline(new DiagramPipeline(options));
}

/** Closes the pipeline's browser and logs what the build or server cost in diagrams. */
export async function closeSharedPipeline(logger: AstroIntegrationLogger): Promise<void> {
  const pipeline = globalPipeline();
  if (!pipeline) return;
  setGlobalPipeline(undefined);
  const { rendered, cacheHits, browserLaunches } = await pipeline.stats();
  await pipeline.close();
  if (rendered + cacheHits > 0) {
    logger.info(`${rendered} rendered, ${cacheHits} from cache, browser started ${browserLaunches} time(s)`);
  }
}
