/**
 * What a reader sees in a diagram, measured in Chromium: its visible words
 * (a multiset, whitespace folded) and the aspect ratio of its drawing. Used to
 * hold the pipeline's render to Mermaid's own render of the same source.
 */
import type { Page } from 'playwright-core';
import { fontStack } from '../../src/design-tokens.ts';

export interface DiagramReading {
  /** Every visible word, sorted (a multiset). */
  words: string[];
  /** Width over height of the drawing (the SVG's viewBox). */
  aspect: number;
}

/**
 * Where the site differs from Mermaid's defaults on purpose, for every diagram.
 * The reference render is given the same, so nothing else is excused.
 */
export const DELIBERATE_DIFFERENCES = {
  // The locked theme: the site's palette is drawn over Mermaid's "base" theme (mermaid/config.ts).
  // Colours do not change words or shapes, but base's metrics do (an icon shape is ~1.3× taller).
  theme: 'base',
  // The site's font (IBM Plex Sans), in which labels are measured and shown.
  fontFamily: fontStack('sans'),
  themeVariables: { fontFamily: fontStack('sans') },
};

/** Installed in the page: reads an SVG string the way the page would show it. */
const READER = `
window.__readDiagram = (markup) => {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  document.body.append(holder);
  try {
    const svg = holder.querySelector('svg');
    const words = [];
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('style, title, desc, script')) continue;
      if (parent.getClientRects().length === 0) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      words.push(...node.data.split(/\\s+/).filter(Boolean));
    }
    // The viewBox as the browser reads it ("-8-8 683 851" is as valid as "-8 -8 683 851").
    const box = svg.hasAttribute('viewBox') ? svg.viewBox.baseVal : null;
    const drawn = box && box.width > 0 && box.height > 0 ? { width: box.width, height: box.height } : svg.getBBox();
    return { words: words.sort(), aspect: drawn.width / drawn.height };
  } finally {
    holder.remove();
  }
};
`;

/** Prepares a render page (browser.ts's withRenderPage) for the readings below. */
export async function installReader(page: Page): Promise<void> {
  await page.evaluate(READER);
}

/** Reads an SVG as the page shows it. */
export function readSvg(page: Page, svg: string): Promise<DiagramReading> {
  return page.evaluate(`window.__readDiagram(${JSON.stringify(svg)})`);
}

/** Mermaid's own render of `source`, with `config` over Mermaid's defaults, read as the page shows it. */
export function readMermaidRender(page: Page, id: string, source: string, config: Record<string, unknown>): Promise<DiagramReading> {
  return page.evaluate(`(async () => {
    window.mermaid.initialize(${JSON.stringify({ startOnLoad: false, ...config })});
    try {
      const { svg } = await window.mermaid.render(${JSON.stringify(id)}, ${JSON.stringify(source)});
      return window.__readDiagram(svg);
    } finally {
      document.getElementById(${JSON.stringify(id)})?.remove();
      document.getElementById('d' + ${JSON.stringify(id)})?.remove();
    }
  })()`);
}
