/**
 * Integration: a gantt chart drawn on two build dates a year apart is the
 * same bytes — the render page's clock is faked, the diagram must not notice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  initializeRenderPage,
  mermaidConfig,
  RENDER_FUNCTION,
  renderPageAssets,
  withRenderPage,
  type MermaidOutcome,
} from '../../src/lib/diagrams/testing.ts';

const ROOT = process.cwd();
const SOURCE = readFileSync(join(ROOT, 'tests/fixtures/diagrams/gantt-dated.mmd'), 'utf8');
const TODAY = new Date('2026-12-02T14:00:00Z');
const IN_A_YEAR = new Date('2027-12-02T14:00:00Z');

/** The gantt fixture drawn by the pipeline's render loop with the page's clock at `day`. */
async function renderOn(page: Page, day: Date): Promise<{ clock: string; outcome: MermaidOutcome }> {
  await page.clock.setFixedTime(day);
  const clock = await page.evaluate<string>('new Date().toISOString()');
  const [outcome] = await page.evaluate<MermaidOutcome[]>(
    `window.${RENDER_FUNCTION}([{ id: 'gantt', source: ${JSON.stringify(SOURCE)}, seed: 1 }])`,
  );
  return { clock, outcome: outcome as MermaidOutcome };
}

describe('a gantt chart and the build date', { timeout: 120_000 }, () => {
  let today: Awaited<ReturnType<typeof renderOn>>;
  let nextYear: Awaited<ReturnType<typeof renderOn>>;

  beforeAll(async () => {
    await withRenderPage(ROOT, async (page) => {
      await initializeRenderPage(page, renderPageAssets(ROOT), mermaidConfig());
      today = await renderOn(page, TODAY);
      nextYear = await renderOn(page, IN_A_YEAR);
    });
  }, 120_000);

  it('renders the same bytes today and in a year', () => {
    expect([today.clock, nextYear.clock]).toEqual([TODAY.toISOString(), IN_A_YEAR.toISOString()]);
    expect(today.outcome.ok).toBe(true);
    expect(nextYear.outcome).toEqual(today.outcome);
  });

  it('is sized by its tasks, not by the distance to today', () => {
    const svg = nextYear.outcome.ok ? nextYear.outcome.svg : '';
    const [, , width = 0, height = 1] = (/viewBox="([^"]*)"/.exec(svg)?.[1] ?? '').split(/\s+/).map(Number);
    expect(width / height).toBeLessThan(10);
    expect(svg).not.toContain('class="today"');
  });
});
