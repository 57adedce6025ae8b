/**
 * On a phone the site draws a block only as the reader nears it
 * (`content-visibility: auto`, src/styles/global.css): until then the block
 * holds room for itself, and what is inside it has no size. A check that
 * measures or captures the whole page at once sees each block drawn, as a
 * reader who has scrolled to it does. When the blocks are drawn is
 * Lighthouse's to measure (scripts/lighthouse.ts); where in-page links land
 * is navigation.spec.ts's.
 */
import type { Page } from 'playwright-core';

/** The stylesheet that draws every block at once (also a screenshot's `style`). */
export const DRAW_EVERY_BLOCK = '* { content-visibility: visible !important; }';

export async function drawEveryBlock(page: Page): Promise<void> {
  await page.addStyleTag({ content: DRAW_EVERY_BLOCK });
}
