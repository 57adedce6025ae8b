/**
 * Integration: every Mermaid internal the render page relies on beyond
 * Mermaid's documented API (src/lib/diagrams/render/page/mermaid-internals.ts
 * names each, with the Mermaid source file it mirrors) is still there, in the
 * shape the page reads. A Mermaid upgrade that renames or reshapes one fails
 * here with the internal's name.
 */
import { describe, expect, it } from 'vitest';
import { mermaidConfig, initializeRenderPage, withRenderPage, PAGE_GLOBALS, renderPageAssets } from '../../src/lib/diagrams/testing.ts';

const ROOT = process.cwd();

describe('the Mermaid internals the render page relies on', { timeout: 120_000 }, () => {
  it('are all present and shaped as the page reads them', async () => {
    const missing = await withRenderPage(ROOT, async (page) => {
      await initializeRenderPage(page, renderPageAssets(ROOT), mermaidConfig());
      return page.evaluate<string[]>(`window.${PAGE_GLOBALS.checkInternals}()`);
    });
    expect(
      missing,
      `This Mermaid no longer has these internals as the render page reads them: update page/mermaid-internals.ts.\n${missing.join('\n')}`,
    ).toEqual([]);
  });
});
