/**
 * How many cards this build rendered and read from the cache. Kept on a global:
 * the endpoint that renders cards is bundled apart from the integration that
 * reports them.
 */
const STATS = Symbol.for('portfolio.og.stats');
type StatsGlobal = typeof globalThis & { [STATS]?: OgRenderStats };

export interface OgRenderStats {
  rendered: number;
  cacheHits: number;
}

export function ogRenderStats(): OgRenderStats {
  const shared = globalThis as StatsGlobal;
  shared[STATS] ??= { rendered: 0, cacheHits: 0 };
  return shared[STATS];
}
