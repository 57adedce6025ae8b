/**
 * Integration: every fixture in tests/fixtures/diagrams, drawn by Mermaid's own
 * render() in the same Chromium and by the pipeline, must show the same words
 * (a multiset, whitespace folded) and keep its shape (aspect ratio within ×1.25).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagramPipeline, withRenderPage } from '../../src/lib/diagrams/testing.ts';
import { DELIBERATE_DIFFERENCES, installReader, readMermaidRender, readSvg, type DiagramReading } from '../support/diagram-fidelity.ts';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'tests/fixtures/diagrams');
const files = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.mmd'))
  .sort();

/** How far the drawing's width:height may stray from Mermaid's, either way. */
const ASPECT_TOLERANCE = 1.25;

describe('fidelity to Mermaid’s own render', { timeout: 600_000 }, () => {
  const ours = new Map<string, DiagramReading>();
  const mermaid = new Map<string, DiagramReading>();

  beforeAll(async () => {
    const pipeline = new DiagramPipeline({ root: ROOT, cacheDir: mkdtempSync(join(tmpdir(), 'diagrams-fidelity-')) });
    const rendered = await Promise.all(files.map((name) => pipeline.render(readFileSync(join(FIXTURES, name), 'utf8'))));
    await pipeline.close();
    await withRenderPage(ROOT, async (page) => {
      await installReader(page);
      for (const [index, name] of files.entries()) {
        const result = rendered[index];
        if (!result?.ok) throw new Error(`${name}: ${result?.failure.reason}`);
        ours.set(name, await readSvg(page, result.diagram.svg));
        mermaid.set(
          name,
          await readMermaidRender(page, `reference${index}`, readFileSync(join(FIXTURES, name), 'utf8'), DELIBERATE_DIFFERENCES),
        );
      }
    });
  }, 600_000);

  // Every word whole, as Mermaid's HTML labels show it: a word wider than its shape keeps a line of its
  // own in the pipeline's SVG-text labels too (mermaid/bundle.ts), never "search_runbook" over "s".
  it.each(files)('%s shows the words Mermaid shows', (name) => {
    const reference = mermaid.get(name) as DiagramReading;
    expect(reference.words.length).toBeGreaterThan(0);
    expect(ours.get(name)?.words).toEqual(reference.words);
  });

  it.each(files)('%s keeps the shape Mermaid draws', (name) => {
    const reference = (mermaid.get(name) as DiagramReading).aspect;
    const aspect = (ours.get(name) as DiagramReading).aspect;
    const ratio = Math.max(aspect / reference, reference / aspect);
    expect({ name, reference, aspect, within: ratio <= ASPECT_TOLERANCE }).toEqual({ name, reference, aspect, within: true });
  });
});
