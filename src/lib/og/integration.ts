/** Reports at the end of a build how many Open Graph cards were rendered and how many came from the cache. */
import type { AstroIntegration } from 'astro';
import { ogRenderStats } from './stats.ts';

export default function ogImages(): AstroIntegration {
  return {
    name: 'portfolio:og',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { rendered, cacheHits } = ogRenderStats();
        if (rendered + cacheHits > 0) logger.info(`${rendered} card(s) rendered, ${cacheHits} from cache`);
      },
    },
  };
}
