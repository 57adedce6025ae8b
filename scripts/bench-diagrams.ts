/**
 * npm run bench [-- --sizes 10,50,200]
 *
 * For each N: generates a site of N case studies × 2 diagrams in a temp
 * folder and builds it cold (empty diagram cache), warm, and without its
 * diagrams, and in the same run measures the floor: the same diagrams through
 * a bare loop of mermaid.render() in one open page, with Mermaid as published.
 * Per-diagram costs are the build's extra time over the no-diagram build,
 * divided by the diagrams.
 * Peak memory is the whole process tree's (Astro's Node and Chromium).
 *
 * The first row is this site itself, copied to a temp folder: cold, warm, and
 * without its diagrams (fences as plain text, Architecture Flow cards empty).
 * Every row also gives the bytes of its diagrams' SVG (each diagram once, raw
 * and gzip) before and after the SVG optimiser.
 *
 * In three parts: bench/site.ts writes the sites, bench/measure.ts builds and
 * times them, bench/report.ts prints the table.
 */
import { generatedSite, thisSite, withTempSite } from './bench/site.ts';
import { measure, type Row } from './bench/measure.ts';
import { printReport } from './bench/report.ts';

function sizesFromArguments(): number[] {
  const index = process.argv.indexOf('--sizes');
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  const sizes = (value ?? '10,50,200').split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error(`--sizes takes whole numbers, e.g. --sizes 10,50 (got ${value})`);
  return sizes;
}

const sizes = sizesFromArguments();
const rows: Row[] = [];
process.stderr.write('bench: this site…\n');
rows.push(await withTempSite('site', (directory) => measure('site', thisSite(directory))));
for (const size of sizes) {
  process.stderr.write(`bench: N=${size}…\n`);
  rows.push(await withTempSite(String(size), (directory) => measure(size, generatedSite(directory, size))));
}
printReport(rows);
