/**
 * Reports at the end of a build how many Open Graph cards were rendered and
 * how many came from the cache, and warns of a case study whose card draws no
 * main path because its Architecture Flow marks none.
 */
import type { AstroIntegration } from 'astro';
import { ogRenderStats } from './stats.ts';

export default function ogImages(): AstroIntegration {
  return {
    name: 'portfolio:og',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { rendered, cacheHits, withoutMainPath } = ogRenderStats();
        if (rendered + cacheHits > 0) logger.info(`${rendered} card(s) rendered, ${cacheHits} from cache`);
        for (const where of withoutMainPath)
          logger.warn(
            `${where}: the Architecture Flow marks no main path, so this case study's link-preview card shows its title, challenge and trade-off without a diagram. Mark the path a request takes first (docs/diagrams.md, "Mark the main path").`,
          );
      },
    },
  };
}
