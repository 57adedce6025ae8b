/**
 * How many cards this build rendered and read from the cache, and which case
 * studies' cards drew no main path. Kept on a global: the endpoint that
 * renders cards is bundled apart from the integration that reports them.
 */
const STATS = Symbol.for('portfolio.og.stats');
type StatsGlobal = typeof globalThis & { [STATS]?: OgRenderStats };

export interface OgRenderStats {
  rendered: number;
  cacheHits: number;
  /** Where each case study whose card has no diagram could mark its main path (`file:line`). */
  withoutMainPath: Set<string>;
}

export function ogRenderStats(): OgRenderStats {
  const shared = globalThis as StatsGlobal;
  shared[STATS] ??= { rendered: 0, cacheHits: 0, withoutMainPath: new Set() };
  return shared[STATS];
}
