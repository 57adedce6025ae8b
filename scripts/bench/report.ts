/**
 * The bench's report (npm run bench): one table row per site, then the
 * start-up line for this site and the summary lines for the largest N.
 */
import type { BuildRun, Row } from './measure.ts';

const perDiagram = (run: BuildRun, none: BuildRun, diagrams: number) => ((run.seconds - none.seconds) * 1000) / diagrams;

const columns = [
  'N',
  'diagrams',
  'drawn',
  'cold s',
  'warm s',
  'no-diagram s',
  'cold-warm s',
  'cold ms/d',
  'warm ms/d',
  'floor ms/d',
  'cold/floor',
  'per drawing',
  'warm/none',
  'peak MB',
  'SVG KB raw→svgo',
  'SVG KB gzip→svgo',
];

const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * How many drawings a cold build made, as its log says: a fence's author's
 * layout and, where it does not fit a phone, its top-to-bottom one, and the
 * rows of this site's link-preview main paths (the floor draws each fence once).
 */
const drawings = (run: BuildRun) => Number(/(\d+) rendered, \d+ from cache/.exec(run.output)?.[1] ?? Number.NaN);

/**
 * cold/floor counted per drawing rather than per fence: the floor draws each
 * fence once, a cold build also draws the narrow layouts (the `drawn` column).
 */
function perDrawing(row: Row): { cold: number; ratio: number } {
  const cold = ((row.cold.seconds - row.none.seconds) * 1000) / drawings(row.cold);
  return { cold, ratio: cold / (row.floorMs / row.diagrams) };
}

function tableRow(row: Row): string[] {
  const floor = row.floorMs / row.diagrams;
  const cold = perDiagram(row.cold, row.none, row.diagrams);
  const peak = Math.max(row.cold.peakBytes, row.warm.peakBytes, row.none.peakBytes) / 2 ** 20;
  return [
    String(row.size),
    String(row.diagrams),
    String(drawings(row.cold)),
    row.cold.seconds.toFixed(2),
    row.warm.seconds.toFixed(2),
    row.none.seconds.toFixed(2),
    (row.cold.seconds - row.warm.seconds).toFixed(2),
    cold.toFixed(1),
    perDiagram(row.warm, row.none, row.diagrams).toFixed(2),
    floor.toFixed(1),
    (cold / floor).toFixed(2),
    perDrawing(row).ratio.toFixed(2),
    (row.warm.seconds / row.none.seconds).toFixed(3),
    peak.toFixed(0),
    `${kilobytes(row.bytes.raw)}→${kilobytes(row.bytes.optimisedRaw)}`,
    `${kilobytes(row.bytes.gzip)}→${kilobytes(row.bytes.optimisedGzip)}`,
  ];
}

/** Prints the table and the summary lines, as the docs quote them (docs/benchmarks.md). */
export function printReport(rows: readonly Row[]): void {
  const cells = [columns, ...rows.map(tableRow)];
  const widths = columns.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  for (const row of cells) console.log(row.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  '));

  const site = rows[0];
  if (site) {
    const next = (site.floorMs - site.firstMs) / Math.max(1, site.diagrams - 1);
    console.log(
      'bench: what a cold build pays before drawing, whatever its size: ' +
        `Chromium open with Mermaid loaded ${site.startMs.toFixed(0)} ms, then the first diagram ${site.firstMs.toFixed(0)} ms ` +
        `(Mermaid's warm-up; the next ones ${next.toFixed(0)} ms each)`,
    );
  }

  const largest = rows.at(-1);
  if (largest) {
    const drawn = perDrawing(largest);
    const extra = drawings(largest.cold) - largest.diagrams;
    console.log(
      `bench: per drawing, the forms counted (${drawings(largest.cold)} drawings for ${largest.diagrams} fences): ` +
        `cold ${drawn.cold.toFixed(1)} ms/drawing, cold/floor ${drawn.ratio.toFixed(2)}`,
    );
    console.log(
      `bench: forms beyond the author's drawing: ${(extra / largest.diagrams).toFixed(2)} per fence, ` +
        `about ${((drawn.cold * extra) / largest.diagrams).toFixed(1)} ms of a cold build per fence`,
    );
    const cold = perDiagram(largest.cold, largest.none, largest.diagrams);
    const warm = perDiagram(largest.warm, largest.none, largest.diagrams);
    const floor = largest.floorMs / largest.diagrams;
    console.log(
      `bench: cold ${cold.toFixed(1)} ms/diagram, warm ${warm.toFixed(2)} ms/diagram, ` +
        `floor ${floor.toFixed(1)} ms/diagram, cold/floor ${(cold / floor).toFixed(2)}`,
    );
  }
}
