/**
 * The only two things the diagrams keep on `globalThis`, each where a module
 * variable cannot serve:
 *
 * - the pipeline: Astro loads the integration from the config, but pages (ArchitectureFlow.astro)
 *   get their own bundled copy of these modules, and both must share one browser and one cache;
 * - the cached-figure reader: compiled MDX calls it by name rather than importing it, because an
 *   import would make Astro treat every MDX file as one that propagates assets.
 */
import type { DiagramPipeline } from '../render/pipeline.ts';

const PIPELINE = Symbol.for('portfolio.diagrams.pipeline');
const CACHED_FIGURE = Symbol.for('portfolio.diagrams.cachedFigure');
type Globals = typeof globalThis & { [PIPELINE]?: DiagramPipeline; [CACHED_FIGURE]?: (...args: never[]) => string };
const globals = globalThis as Globals;

/** The build's or dev server's one pipeline, whichever copy of these modules asks. */
export const globalPipeline = (): DiagramPipeline | undefined => globals[PIPELINE];

export function setGlobalPipeline(pipeline: DiagramPipeline | undefined): void {
  if (pipeline) globals[PIPELINE] = pipeline;
  else delete globals[PIPELINE];
}

/** Makes `reader` the function compiled MDX calls for a figure (cachedFigureCall). */
export function installCachedFigureReader(reader: (...args: never[]) => string): void {
  globals[CACHED_FIGURE] = reader;
}

/** The JavaScript expression compiled MDX evaluates for a figure: the installed reader, called with `args` (as JSON). */
export const cachedFigureCall = (args: readonly unknown[]): string =>
  `globalThis[Symbol.for(${JSON.stringify(CACHED_FIGURE.description)})](${args.map((argument) => JSON.stringify(argument)).join(', ')})`;
