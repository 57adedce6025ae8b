/**
 * Prints, for every fixture in tests/fixtures/diagrams, how the pipeline's
 * render differs from Mermaid's own render() in the same Chromium: the aspect
 * ratios and the words one shows that the other does not. The reference is
 * Mermaid's defaults plus the site's deliberate differences (the test's), or
 * with `--pure`, Mermaid's defaults alone.
 *
 *   node scripts/diagram-fidelity.ts [--pure]
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagramPipeline, withRenderPage } from '../src/lib/diagrams/testing.ts';
import { DELIBERATE_DIFFERENCES, installReader, readMermaidRender, readSvg } from '../tests/support/diagram-fidelity.ts';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'tests/fixtures/diagrams');
const reference = process.argv.includes('--pure') ? {} : DELIBERATE_DIFFERENCES;
const files = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.mmd'))
  .sort();
const sources = files.map((name) => readFileSync(join(FIXTURES, name), 'utf8'));

/** Words in `words` that `others` does not account for, each counted once. */
function unmatched(words: readonly string[], others: readonly string[]): string[] {
  const left = [...others];
  return words.filter((word) => {
    const index = left.indexOf(word);
    if (index < 0) return true;
    left.splice(index, 1);
    return false;
  });
}

const pipeline = new DiagramPipeline({ root: ROOT, cacheDir: mkdtempSync(join(tmpdir(), 'diagram-fidelity-')) });
const rendered = await Promise.all(sources.map((source) => pipeline.render(source)));
await pipeline.close();

await withRenderPage(ROOT, async (page) => {
  await installReader(page);
  console.log('fixture | Mermaid aspect | pipeline aspect | ratio | words only Mermaid shows | words only the pipeline shows');
  for (const [index, name] of files.entries()) {
    const result = rendered[index];
    if (!result?.ok) {
      console.log(`${name} | failed: ${result?.failure.reason.split('\n')[0]}`);
      continue;
    }
    const theirs = await readMermaidRender(page, `reference${index}`, sources[index] ?? '', reference);
    const ours = await readSvg(page, result.diagram.svg);
    const ratio = Math.max(ours.aspect / theirs.aspect, theirs.aspect / ours.aspect);
    const cells = [
      name,
      theirs.aspect.toFixed(2),
      ours.aspect.toFixed(2),
      `×${ratio.toFixed(2)}`,
      unmatched(theirs.words, ours.words).join(' '),
      unmatched(ours.words, theirs.words).join(' '),
    ];
    console.log(cells.join(' | '));
  }
});
