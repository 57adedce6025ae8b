/**
 * A build's content diagrams, rendered alongside Astro's own start-up work
 * (loading the config, Vite's dependency scan, content sync, type generation)
 * rather than before it.
 *
 * The content scan starts as soon as the integration is set up. Markdown
 * entries that content sync renders meanwhile take their diagrams from the
 * scan's renders in flight (the pipeline shares them: nothing is rendered
 * twice). `astro:build:start`, just before the pages are compiled, waits for
 * the scan and fails the build if any diagram is broken, naming every one of
 * them: Astro only logs a `.md` collection entry's render error, so without
 * this such a diagram would not stop the build.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { DiagramError } from '../errors.ts';
import { renderContentDiagrams, type ScanOptions, type ScanReport } from './content-scan.ts';

export interface ContentRender {
  /** Every diagram error the scan found, once it has finished. */
  errors(): Promise<readonly DiagramError[]>;
}

/** Starts the scan; `onSettled` runs once every content diagram, and every card's main path, is in the cache. */
export function startContentRender(options: ScanOptions, logger: AstroIntegrationLogger, onSettled: () => Promise<void>): ContentRender {
  const started = performance.now();
  const report: Promise<ScanReport> = renderContentDiagrams(options).then((result) => {
    logger.info(
      `${result.diagrams} diagrams in ${result.files} content files ready in ${Math.round(performance.now() - started)} ms, alongside Astro's start`,
    );
    void result.cardRowsDrawn.then(onSettled).catch(() => undefined);
    return result;
  });
  // Read by errors(); until then a failure must not count as unhandled.
  report.catch(() => undefined);
  return { errors: async () => (await report).errors };
}
