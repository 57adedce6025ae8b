/**
 * Integration: the text version under a figure, read in Chromium from
 * Mermaid's own parse of the source — for a fixture of each supported type
 * (flowchart, sequence, state) and for every diagram of the three case studies.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DiagramPipeline,
  mermaidFences,
  parseDocument,
  textVersionHtml,
  type TextItem,
  type TextSection,
} from '../../src/lib/diagrams/testing.ts';

const ROOT = process.cwd();
const pipeline = new DiagramPipeline({ root: ROOT, cacheDir: mkdtempSync(join(tmpdir(), 'diagrams-text-')) });
afterAll(() => pipeline.close());

async function textOf(source: string): Promise<TextSection[] | undefined> {
  const result = await pipeline.render(source);
  if (!result.ok) throw new Error(result.failure.reason);
  return result.diagram.text;
}

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/diagrams', `${name}.mmd`), 'utf8');
const lines = (items: readonly TextItem[]): string[] =>
  items.flatMap((item) => [item.text, ...lines(item.items ?? []).map((line) => `  ${line}`)]);
const section = (sections: TextSection[] | undefined, title: string) =>
  lines(sections?.find((entry) => entry.title === title)?.items ?? []);

// Chromium starts on the first render, on a shared machine.
const SLOW = { timeout: 120_000 };

describe('the text version, from Mermaid’s parse', SLOW, () => {
  it('lists a flowchart’s steps, its connections with their labels, and its groups', async () => {
    const text = await textOf(fixture('flowchart'));
    expect(section(text, 'Steps')).toEqual([
      'Devices',
      'Ingestion gateway',
      'Kafka topic partitioned by device id',
      'Stream processors',
      'Time-series store',
      'Query API',
    ]);
    expect(section(text, 'Connections')).toContain('Stream processors → Time-series store, idempotent, exactly-once writes');
    expect(section(text, 'Connections')).toContain('Ingestion gateway → Kafka topic partitioned by device id');
    expect(section(text, 'Groups')).toEqual(['Ingest: Ingestion gateway, Kafka topic partitioned by device id']);
  });

  it('lists a sequence’s participants and messages in order, with its blocks and notes', async () => {
    const text = await textOf(fixture('sequence'));
    expect(section(text, 'Participants')).toEqual(['Client', 'Rate limiter', 'Redis']);
    expect(section(text, 'Messages')).toEqual([
      'Client → Rate limiter: request(key)',
      'Rate limiter → Redis: EVALSHA sliding_window(key, now, window)',
      'If under the limit:',
      '  Redis → Rate limiter: allowed, remaining',
      '  Rate limiter → Client: 200 OK',
      'Else over the limit:',
      '  Redis → Rate limiter: rejected, retry-after',
      '  Rate limiter → Client: 429 Too Many Requests',
      'Note over Rate limiter, Redis: one round trip, atomic in Lua',
    ]);
  });

  it('lists a state diagram’s transitions, a composite state’s inside it', async () => {
    const text = await textOf(fixture('state'));
    expect(section(text, 'Transitions')).toEqual([
      'Start → Pending',
      'Pending → Authorized: authorize',
      'Authorized → Captured: capture',
      'Authorized → Voided: void',
      'Captured → Refunded: refund',
      'Inside Captured:',
      '  Start → Settling',
      '  Settling → Settled',
      'Voided → End',
      'Refunded → End',
    ]);
  });

  it('gives other types none, and renders as a collapsed <details> of lists', async () => {
    expect(await textOf(fixture('pie'))).toBeUndefined();
    expect(textVersionHtml([{ title: 'Connections', items: [{ text: 'A → B, <keyed>', items: [{ text: 'C' }] }] }])).toBe(
      '<details class="diagram__text"><summary>Text version</summary><p class="diagram__text-title">Connections</p><ul><li>A → B, &lt;keyed&gt;<ul><li>C</li></ul></li></ul></details>',
    );
    expect(textVersionHtml(undefined)).toBe('');
  });
});

describe('the case studies’ diagrams', SLOW, () => {
  const caseStudies = readdirSync(join(ROOT, 'content/case-studies')).filter((name) => name.endsWith('.mdx'));

  it.each(caseStudies)('%s: every diagram has a text version naming every connection', async (name) => {
    const fences = mermaidFences(parseDocument(readFileSync(join(ROOT, 'content/case-studies', name), 'utf8'), 'mdx'));
    expect(fences.length).toBeGreaterThan(0);
    for (const fence of fences) {
      const text = await textOf(fence.source);
      const connections = [...section(text, 'Connections'), ...section(text, 'Messages'), ...section(text, 'Transitions')];
      // One line per arrow in the source (flowchart edges, sequence messages), labels included.
      const arrows = fence.source.split('\n').filter((line) => /-->|-\.->|==>|->>|-->>|-\)|--\)/.test(line) && !/^\s*%%/.test(line));
      expect(connections.filter((line) => /[→↔—]/.test(line)).length, `${name}, fence at line ${fence.line}`).toBeGreaterThanOrEqual(
        arrows.length,
      );
      for (const label of fence.source.matchAll(/\|"?([^|"]+)"?\|/g)) {
        expect(
          connections.some((line) => line.endsWith(`, ${label[1]!.trim()}`)),
          `${name}: edge label "${label[1]}"`,
        ).toBe(true);
      }
    }
  });
});
