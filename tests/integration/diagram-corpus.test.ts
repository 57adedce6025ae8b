/**
 * The whole fixture corpus (tests/fixtures/diagrams, one file per
 * diagram type) through the real pipeline in a real Chromium.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DiagramPipeline,
  figureHtml,
  luminance,
  parseColour,
  withRenderPage,
  type RenderedDiagram,
} from '../../src/lib/diagrams/testing.ts';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'tests/fixtures/diagrams');
const files = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.mmd'))
  .sort();
const sources = files.map((name) => readFileSync(join(FIXTURES, name), 'utf8'));

/** Renders the corpus with a fresh pipeline over `cacheDir`; returns the diagrams and what it cost. */
async function renderCorpus(cacheDir: string) {
  const pipeline = new DiagramPipeline({ root: ROOT, cacheDir });
  try {
    const results = await Promise.all(sources.map((source) => pipeline.render(source)));
    const diagrams = results.map((result, index) => {
      if (!result.ok) throw new Error(`${files[index]}: ${result.failure.reason}`);
      return result.diagram;
    });
    return { diagrams, stats: await pipeline.stats() };
  } finally {
    await pipeline.close();
  }
}

/** The diagram types this Mermaid registers, asked of Mermaid itself in the same render page. */
function registeredDiagramTypes(): Promise<string[]> {
  return withRenderPage(ROOT, (page) =>
    page.evaluate(`(async () => {
      window.mermaid.initialize({ startOnLoad: false });
      await window.mermaid.parse('info');
      return window.mermaid.getRegisteredDiagramsMetadata().map(({ id }) => id);
    })()`),
  );
}

/** Colour literals left in the SVG outside the theme's CSS expressions. */
function literalColours(svg: string): string[] {
  const outsideExpressions = svg.replace(/color-mix\((?:[^()]|\([^()]*\))*\)|var\([^)]*\)|url\([^)]*\)/g, '');
  const declared = [
    ...outsideExpressions.matchAll(
      /(?:fill|stroke|color|stop-color|flood-color|background(?:-color)?)\s*[:=]\s*"?\s*(#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\([^()]*\)|[a-z]+)/g,
    ),
  ];
  return declared.map((match) => match[1] ?? '').filter((value) => parseColour(value) !== undefined);
}

describe('the fixture corpus, rendered in Chromium', { timeout: 120_000 }, () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'diagrams-corpus-'));
  let cold: Awaited<ReturnType<typeof renderCorpus>>;

  beforeAll(async () => {
    cold = await renderCorpus(cacheDir);
  }, 120_000);

  it('covers every diagram type the pinned Mermaid registers', async () => {
    const registered = (await registeredDiagramTypes()).filter((id) => id !== 'error' && id !== '---');
    const rendered = new Set(cold.diagrams.map((diagram) => diagram.type));
    expect(registered.length).toBeGreaterThanOrEqual(30);
    expect(registered.filter((type) => !rendered.has(type))).toEqual([]);
  });

  it.each(files.map((name, index) => [name, index] as const))('%s renders to a sized, themed SVG', (_name, index) => {
    const diagram = cold.diagrams[index] as RenderedDiagram;
    expect(diagram.width).toBeGreaterThan(0);
    expect(diagram.height).toBeGreaterThan(0);
    expect(diagram.svg).toMatch(/^<svg id="mmd-[0-9a-f]{12}"[^>]* width="[\d.]+" height="[\d.]+">/);
    expect(diagram.svg).toContain('var(--color-');
    // No white box on a dark page, no black ink on it either: what is left is a mid-tone.
    for (const colour of literalColours(diagram.svg)) {
      const value = luminance(parseColour(colour) ?? { r: 0, g: 0, b: 0 });
      expect({ colour, light: value > 0.8, black: value < 0.02 }).toEqual({ colour, light: false, black: false });
    }
  });

  it('leaves no random ids behind', () => {
    for (const diagram of cold.diagrams) expect(diagram.svg).not.toMatch(/IconifyId|id="[^"]*\b[0-9]+-[0-9a-f]{7}\b/);
  });

  it('gives every id on a page its own name, even with each diagram shown twice', () => {
    const only = (diagram: RenderedDiagram) => ({ forms: [{ name: 'author' as const, diagram }], pin: undefined });
    const page = cold.diagrams
      .flatMap((diagram) => [figureHtml(only(diagram), {}), figureHtml(only(diagram), { instance: 'card1' })])
      .join('');
    const ids = [...page.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
  });

  it('never cuts a word between two letters: an entity name too wide for the wrapping width keeps a line of its own', () => {
    // Mermaid's documentation's ER example: SVG-text labels used to come out as "DELIVERY-ADDR" over "ESS".
    const svg = cold.diagrams[files.indexOf('er-long-names.mmd')]?.svg ?? '';
    const runs = [...svg.matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]);
    for (const name of ['DELIVERY-ADDRESS', 'MANUFACTURER', 'LINE-ITEM', 'CUSTOMER']) expect(runs).toContain(name);
  });

  it('draws icons as inline SVG, with no font icon and no "?" box', () => {
    for (const name of ['icons-architecture.mmd', 'icons-fontawesome.mmd', 'icons-shape.mmd']) {
      const svg = cold.diagrams[files.indexOf(name)]?.svg ?? '';
      expect({ name, inlineIcons: (svg.match(/<svg\b/g) ?? []).length > 1 }).toEqual({ name, inlineIcons: true });
      expect(svg).not.toMatch(/<i class=|font-size: 67\.75px/);
    }
  });

  it('carries accTitle and accDescr as the text alternative', () => {
    const flowchart = cold.diagrams[files.indexOf('flowchart.mmd')];
    expect(flowchart?.accTitle).toBe('Telemetry ingestion path');
    expect(flowchart?.accDescr).toMatch(/^Devices send readings/);
    expect(flowchart?.svg).not.toContain('chart-title');
  });

  it('serves a second build from the disk cache: no browser, the same bytes', async () => {
    const warm = await renderCorpus(cacheDir);
    expect(warm.stats).toEqual({ cacheHits: files.length, rendered: 0, browserLaunches: 0 });
    expect(warm.diagrams).toEqual(cold.diagrams);
  });

  it('renders the same bytes again from scratch', async () => {
    const again = await renderCorpus(mkdtempSync(join(tmpdir(), 'diagrams-corpus-again-')));
    expect(again.stats.rendered).toBe(files.length);
    expect(again.diagrams.map((diagram) => diagram.svg)).toEqual(cold.diagrams.map((diagram) => diagram.svg));
  });
});
