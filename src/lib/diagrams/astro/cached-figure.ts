/**
 * What compiled MDX calls while a page renders: a diagram's figure, read
 * from the disk cache by key.
 *
 * The Markdown hook has already rendered the diagram (and failed the
 * document if it could not), so MDX modules carry a key instead of the SVG:
 * the bundler never handles the diagrams' bytes, which keeps a warm build as
 * fast as one without diagrams. Synchronous on purpose: `set:html` marks a
 * string as HTML, but would escape what a promise resolves to.
 *
 * MDX reaches it through a global (process-globals.ts), installed by the
 * integration in the process that renders the pages.
 */
import type { FormName } from '../forms/choose.ts';
import type { LayoutPin } from '../forms/forms.ts';
import { DiagramCache } from '../render/cache.ts';
import { figureHtml } from '../svg/figure.ts';
import type { FigureContext } from '../types.ts';

/** The cache keys of a figure's forms (forms/forms.ts), and the author's pin. */
export interface FormKeys {
  forms: { name: FormName; key: string }[];
  pin: LayoutPin | undefined;
}

export function cachedFigure(cacheDir: string, keys: FormKeys, context: FigureContext): string {
  const cache = new DiagramCache(cacheDir);
  const read = (key: string) => {
    const diagram = cache.getSync(key);
    if (!diagram) throw new Error(`Diagram ${key} is missing from ${cacheDir}: it was rendered while this page compiled. Build again.`);
    return diagram;
  };
  return figureHtml({ forms: keys.forms.map(({ name, key }) => ({ name, diagram: read(key) })), pin: keys.pin }, context);
}
