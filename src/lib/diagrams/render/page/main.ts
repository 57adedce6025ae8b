/**
 * Runs in the render page (render-page.ts bundles it for the browser at
 * start-up). Renders one job at a time (Mermaid's render is not re-entrant),
 * each with Math.random reseeded and the clock pinned, so a source draws the
 * same bytes every time; measures the drawing's smallest label; and reads the
 * text version (and a flowchart's graph) from Mermaid's parse.
 */
import { GANTT_TODAY, missingInternals, parseErrorLine, type MermaidApi } from './mermaid-internals.ts';
import { parsedViews } from './parsed.ts';
import { ICON_PACKS_ELEMENT, PAGE_GLOBALS, type BareRenders, type MermaidJob, type MermaidOutcome } from './protocol.ts';

declare global {
  interface Window {
    mermaid: MermaidApi;
    [key: string]: unknown;
  }
}

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const visibleText = (element: Element) => {
  const style = getComputedStyle(element);
  return (
    [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '') &&
    style.display !== 'none' &&
    style.visibility !== 'hidden' &&
    Number(style.opacity) > 0
  );
};

/**
 * Drawn once at its natural size: a few types (info) size themselves only
 * with CSS, so they get the viewBox their drawing needs; and the smallest
 * label, in px at that size, is what the page's legibility floor scales
 * against (diagrams.css).
 */
function measured(svgText: string): { svg: string; labelSize: number } {
  const holder = document.createElement('div');
  holder.innerHTML = svgText;
  document.body.append(holder);
  const element = holder.querySelector('svg')!;
  // Gantt draws a "today" line whatever the config says (12.3 reads todayMarker only from
  // the diagram's text); at the pinned date below it would mark a day that means nothing.
  for (const today of element.querySelectorAll(GANTT_TODAY)) today.remove();
  if (!element.hasAttribute('viewBox')) {
    // Padded in proportion, so the drawing keeps its shape.
    const box = element.getBBox();
    const [padX, padY] = [box.width * 0.05, box.height * 0.05];
    element.setAttribute('viewBox', [box.x - padX, box.y - padY, box.width + 2 * padX, box.height + 2 * padY].join(' '));
  }
  const natural = element.outerHTML;
  const viewBox = element.viewBox.baseVal;
  element.removeAttribute('style');
  element.setAttribute('width', String(viewBox.width));
  element.setAttribute('height', String(viewBox.height));
  const sizes = [...element.querySelectorAll('text, tspan, foreignObject *')].filter(visibleText).map((run) => {
    const matrix = run instanceof SVGGraphicsElement ? run.getScreenCTM() : run.closest('foreignObject')?.getScreenCTM();
    return Number.parseFloat(getComputedStyle(run).fontSize) * (matrix ? Math.hypot(matrix.a, matrix.b) : 1);
  });
  holder.remove();
  return { svg: natural, labelSize: sizes.length === 0 ? 16 : Math.round(Math.min(...sizes) * 100) / 100 };
}

// The build date must not reach a diagram (gantt's "today", a task with no start date):
// while Mermaid draws, the clock reads one fixed instant.
const RealDate = Date;
const PINNED_NOW = RealDate.UTC(2000, 0, 1);
const PinnedDate = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length > 0 ? args : [PINNED_NOW], newTarget),
  apply: () => new RealDate(PINNED_NOW).toString(),
  get: (target, key) => (key === 'now' ? () => PINNED_NOW : Reflect.get(target, key)),
});

// SVG-text labels (htmlLabels: false) receive #quot;, #9829; and &nbsp; from Mermaid as entity
// text, which its HTML labels hand to the HTML parser: read them the parser's way, before the
// label is measured, so the drawing is sized for what it shows.
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][\da-z]*);/i;
const decoder = document.createElement('textarea');
const textContent = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
const decodingTextContent: PropertyDescriptor = {
  configurable: true,
  get(this: Node) {
    return textContent.get!.call(this);
  },
  set(this: Node, value: unknown) {
    if (typeof value === 'string' && ENTITY.test(value)) {
      decoder.innerHTML = value;
      value = decoder.value;
    }
    textContent.set!.call(this, value);
  },
};

async function drawing(job: MermaidJob): Promise<{ svg: string; diagramType: string }> {
  Math.random = mulberry32(job.seed);
  const clock = window.Date;
  window.Date = PinnedDate;
  Object.defineProperty(SVGTextContentElement.prototype, 'textContent', decodingTextContent);
  // Font Awesome's fa:fa-name is drawn as an icon only in HTML labels, as in Mermaid's own render.
  const iconLabels = /\bfa[bklrs]?:fa-[\w-]/.test(job.source);
  const config = window[PAGE_GLOBALS.config] as Record<string, unknown>;
  if (iconLabels) window.mermaid.initialize({ ...config, htmlLabels: true });
  try {
    return await window.mermaid.render(job.id, job.source);
  } finally {
    if (iconLabels) window.mermaid.initialize(config);
    delete (SVGTextContentElement.prototype as { textContent?: unknown }).textContent;
    window.Date = clock;
  }
}

async function renderJobs(jobs: MermaidJob[]): Promise<MermaidOutcome[]> {
  const results: MermaidOutcome[] = [];
  for (const job of jobs) {
    try {
      const { svg, diagramType } = await drawing(job);
      const views = await parsedViews((source) => window.mermaid.mermaidAPI.getDiagramFromText(source), job.source, diagramType);
      results.push({ ok: true, ...measured(svg), type: diagramType, ...views });
    } catch (error) {
      const message =
        error instanceof Error || (error as { message?: unknown } | null)?.message ? String((error as Error).message) : String(error);
      results.push({ ok: false, message, line: parseErrorLine(error) });
    } finally {
      document.getElementById(job.id)?.remove();
      document.getElementById(`d${job.id}`)?.remove();
    }
  }
  return results;
}

/** Labels are measured in the site's font: both weights loaded before the first drawing. */
async function initialize(config: Record<string, unknown>, labelFamily: string): Promise<void> {
  await Promise.all([document.fonts.load(`400 16px ${labelFamily}`), document.fonts.load(`700 16px ${labelFamily}`)]);
  window[PAGE_GLOBALS.config] = config;
  window.mermaid.initialize(config);
}

/** Mermaid as it draws by itself, one source after another, timed: the bench's floor. */
async function renderBare(sources: string[]): Promise<BareRenders> {
  const svgs: BareRenders['svgs'] = [];
  let firstMs = 0;
  const started = performance.now();
  for (const [index, source] of sources.entries()) {
    const { svg, diagramType } = await window.mermaid.render(`floor${index}`, source);
    if (index === 0) firstMs = performance.now() - started;
    svgs.push({ svg, type: diagramType });
  }
  return { ms: performance.now() - started, firstMs, svgs };
}

// Icons are drawn from the packs installed from npm, each loaded through Node when a diagram first asks.
const iconPacks = JSON.parse(document.getElementById(ICON_PACKS_ELEMENT)?.textContent ?? '[]') as string[];
const loadPack = (name: string) => (window[PAGE_GLOBALS.iconPack] as (pack: string) => Promise<unknown>)(name);
window.mermaid.registerIconPacks(iconPacks.map((name) => ({ name, loader: () => loadPack(name) })));

window[PAGE_GLOBALS.initialize] = initialize;
window[PAGE_GLOBALS.render] = renderJobs;
window[PAGE_GLOBALS.renderBare] = renderBare;
window[PAGE_GLOBALS.checkInternals] = () => missingInternals(window.mermaid);
