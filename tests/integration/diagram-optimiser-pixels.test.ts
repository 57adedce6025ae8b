/**
 * Integration: the SVG optimiser changes bytes, never pixels. Every fixture
 * (one per diagram type) is drawn by Mermaid in the render page, taken
 * through the pipeline's passes, and screenshotted in Chromium before and
 * after svgo: in the light palette at 1×, in the dark one at 2×.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../src/lib/chromium.ts';
import {
  mermaidConfig,
  normaliseSvg,
  optimiseSvg,
  RENDER_FUNCTION,
  withRenderPage,
  type MermaidOutcome,
} from '../../src/lib/diagrams/testing.ts';
import { colourProperty, palette, type Palette } from '../../src/design-tokens.ts';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'tests/fixtures/diagrams');
const files = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.mmd'))
  .sort();

/** Each fixture as the render page draws it for the pipeline. */
function drawFixtures(): Promise<MermaidOutcome[]> {
  const jobs = files.map((name, index) => ({
    id: `mmd-fixture${index}`,
    source: readFileSync(join(FIXTURES, name), 'utf8'),
    seed: index + 1,
  }));
  return withRenderPage(ROOT, async (page) => {
    await page.evaluate(`window.mermaid.initialize(${JSON.stringify(mermaidConfig())})`);
    return page.evaluate(`window.${RENDER_FUNCTION}(${JSON.stringify(jobs)})`);
  });
}

/** The site's colour variables in one palette. */
function colourVariables(mode: 'light' | 'dark'): string {
  return (Object.entries(palette[mode]) as [keyof Palette, string][])
    .map(([token, value]) => `${colourProperty(token)}:${value};`)
    .join('');
}

describe('the SVG optimiser, in Chromium', { timeout: 300_000 }, () => {
  const pairs: { name: string; before: string; after: string }[] = [];

  beforeAll(async () => {
    const drawn = await drawFixtures();
    for (const [index, outcome] of drawn.entries()) {
      if (!outcome.ok) throw new Error(`${files[index]}: ${outcome.message}`);
      const before = normaliseSvg(outcome.svg, {
        key: `fixture${index}`,
        rootId: `mmd-fixture${index}`,
        type: outcome.type,
        labelSize: outcome.labelSize,
      }).svg;
      pairs.push({ name: files[index] ?? '', before, after: await optimiseSvg(before) });
    }
  }, 300_000);

  it('makes the corpus smaller', () => {
    const bytes = (key: 'before' | 'after') => pairs.reduce((total, pair) => total + pair[key].length, 0);
    expect(bytes('after')).toBeLessThan(bytes('before') * 0.85);
  });

  // Two passes cover both palettes and both pixel densities.
  it.each([
    ['light', 1],
    ['dark', 2],
  ] as const)('draws every fixture pixel for pixel the same (%s, %d×)', async (mode, scale) => {
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage({ deviceScaleFactor: scale, viewport: { width: 1400, height: 900 } });
      const shot = async (svg: string) => {
        await page.setContent(
          `<style>:root{${colourVariables(mode)}} body{margin:0;background:var(--color-surface)}</style><div id="diagram" style="display:inline-block">${svg}</div>`,
        );
        return page.locator('#diagram').screenshot({ animations: 'disabled' });
      };
      const changed: string[] = [];
      for (const { name, before, after } of pairs) if (!(await shot(before)).equals(await shot(after))) changed.push(name);
      expect(changed).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
