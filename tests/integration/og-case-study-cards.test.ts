/**
 * Integration: each case study's link-preview card, built by the code the
 * build runs (the real content, the diagram pipeline in Chromium, satori),
 * and measured as the card is drawn: its SVG, just before resvg rasterises
 * it, opened in Chromium, and every label of the main path sized as the
 * pipeline sizes a label (computed font size × its scale on the card). The
 * smallest must be at least CARD_LABEL_FLOOR card px, the size that still
 * reads where a chat app or LinkedIn shows the card 500 px wide.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../src/lib/chromium.ts';
import { mainPathDiagrams } from '../../src/lib/diagrams/index.ts';
import { CARD_LABEL_FLOOR } from '../../src/lib/og/card.ts';
import { caseStudyCard, placedMainPath, type CaseStudyForCard } from '../../src/lib/og/case-study.ts';
import { OG_IMAGE_SIZE } from '../../src/lib/og/paths.ts';
import { ogCardSvg } from '../../src/lib/og/render.ts';
import { ogRenderStats } from '../../src/lib/og/stats.ts';
import { site } from '../../src/site.config.ts';

const DIR = 'content/case-studies';
const SLOW = { timeout: 180_000 };

/** A frontmatter field as these files write it: plain, or a JSON-quoted string. */
function field(text: string, key: string): string {
  const raw = new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
}

/** A case study as Astro's glob loader hands it over: its body after the frontmatter, and its file. */
function caseStudy(name: string): CaseStudyForCard {
  const filePath = join(DIR, name);
  const text = readFileSync(filePath, 'utf8');
  const body = text.slice(text.indexOf('\n---', 3) + 4);
  const data = { title: field(text, 'title'), challenge: field(text, 'challenge'), tradeOff: field(text, 'tradeOff') };
  return { id: name.replace(/\.mdx$/, ''), body, filePath, data };
}

interface Label {
  text: string;
  /** Card px: the computed font size times the scale the label is drawn at. */
  size: number;
}

/** Every label drawn inside the card's diagram: each run of text that is not empty and not hidden. */
async function labelsOnCard(browser: Browser, svg: string): Promise<Label[]> {
  const page = await browser.newPage({ viewport: OG_IMAGE_SIZE });
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    return await page.evaluate(() =>
      [...document.querySelectorAll('svg svg text, svg svg tspan')]
        .filter((run) => run.querySelector('tspan') === null && (run.textContent ?? '').trim() !== '')
        .filter((run) => {
          const style = getComputedStyle(run);
          return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0;
        })
        .map((run) => {
          const matrix = (run.closest('text') as SVGTextElement).getScreenCTM();
          return {
            text: (run.closest('text')?.textContent ?? '').trim(),
            size: Number.parseFloat(getComputedStyle(run).fontSize) * (matrix ? Math.hypot(matrix.a, matrix.b) : 1),
          };
        }),
    );
  } finally {
    await page.close();
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions());
});
afterAll(() => browser?.close());

const names = readdirSync(DIR)
  .filter((name) => name.endsWith('.mdx'))
  .sort();

describe('case-study link-preview cards', SLOW, () => {
  it('has case studies to check', () => expect(names.length).toBeGreaterThan(0));

  it.each(names)('%s: draws its main path with every label at least 20 px on the card', async (name) => {
    const entry = caseStudy(name);
    const drawings = await mainPathDiagrams(entry);
    expect(drawings?.layouts.length, `${name} marks no main path`).toBeGreaterThan(0);
    const placement = await placedMainPath(drawings!);
    const labels = await labelsOnCard(browser, await ogCardSvg(await caseStudyCard(entry, site)));

    // Every box of the path is on the card, by its label (a label Mermaid wraps reads as its lines).
    const drawn = labels.map((label) => label.text).join(' ');
    const boxes = drawings!.layouts[0]!.rows[0]!.graph?.nodes ?? [];
    expect(boxes.length).toBeGreaterThan(1);
    expect(labels.length).toBeGreaterThanOrEqual(boxes.length);
    for (const box of boxes) for (const word of box.label.split(/\s+|<br\s*\/?>/)) expect(drawn).toContain(word);

    const smallest = Math.min(...labels.map((label) => label.size));
    expect(CARD_LABEL_FLOOR).toBe(20);
    expect(smallest, `${name}: smallest label`).toBeGreaterThanOrEqual(CARD_LABEL_FLOOR);
    // The card is measured as it is drawn; the placement said the same before satori laid it out.
    expect(smallest).toBeCloseTo(placement.labelPx, 1);
    console.info(
      `${name}: smallest label ${smallest.toFixed(2)} px on the card, ${((smallest * 500) / OG_IMAGE_SIZE.width).toFixed(2)} px at 500 px wide`,
    );
  });

  it('gives a case study that marks no main path its title, challenge and trade-off, and no diagram; the build warns', async () => {
    const entry: CaseStudyForCard = {
      id: 'unmarked',
      filePath: 'content/case-studies/unmarked.mdx',
      body: '\n## Architecture Flow\n\n```mermaid\nflowchart LR\n  a["Client"] --> b["Gateway"]\n```\n',
      data: { title: 'Unmarked', challenge: 'Say what is hard.', tradeOff: 'Chose one thing over another.' },
    };
    const card = await caseStudyCard(entry, site);
    const words = JSON.stringify(card);
    for (const text of ['Unmarked', 'Say what is hard.', 'Trade-off', 'Chose one thing over another.']) expect(words).toContain(text);
    expect(words).not.toContain('data:image/svg+xml');
    expect(ogRenderStats().withoutMainPath).toContain('content/case-studies/unmarked.mdx:4');
  });
});
