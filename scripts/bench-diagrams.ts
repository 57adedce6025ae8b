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
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fontFaces } from '../src/design-tokens.ts';
import { astroCli } from './astro-cli.ts';
import { copyProjectSite } from './site-copy.ts';
import { formatOf, mermaidConfig, mermaidFences, normaliseSvg, optimiseSvg, parseDocument, withRenderPage } from '../src/lib/diagrams/testing.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * Each measurement is repeated, alternating with the one it is compared to,
 * and the fastest counts: on a shared 2-core machine the minimum is the least
 * noisy estimate.
 */
const REPEATS = 3;
const COLD_REPEATS = 2;
const FIXTURES = join(ROOT, 'tests/fixtures/diagrams');

function sizesFromArguments(): number[] {
  const index = process.argv.indexOf('--sizes');
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  const sizes = (value ?? '10,50,200').split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes takes whole numbers, e.g. --sizes 10,50 (got ${value})`);
  return sizes;
}

/** Every fixture but `info` (which has no content to speak of), in a stable order. */
const FIXTURE_SOURCES = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.mmd') && name !== 'info.mmd')
  .sort()
  .map((name) => readFileSync(join(FIXTURES, name), 'utf8').trimEnd());

/** An Architecture Flow of its own per study, so no two studies share a diagram. */
function architectureFlow(study: number): string {
  return [
    'flowchart LR',
    `  clients["Clients of service ${study}"] --> gateway["Gateway ${study}"]`,
    `  subgraph core["Service ${study}"]`,
    `    api["API ${study}"] --> worker["Worker ${study}"]`,
    '  end',
    '  gateway --> api',
    `  worker -->|"writes ${study}"| store[("Store ${study}")]`,
    `  worker -.->|"events"| bus["Event bus ${study}"]`,
  ].join('\n');
}

/** The study's second diagram: one of the fixture types in turn, made unique by a comment. */
function secondDiagram(study: number): string {
  const source = FIXTURE_SOURCES[study % FIXTURE_SOURCES.length] ?? '';
  return `${source}\n%% study ${study}`;
}

function diagramsOf(size: number): string[] {
  return Array.from({ length: size }, (_, study) => [architectureFlow(study), secondDiagram(study)]).flat();
}

function studyFile(study: number, withDiagrams: boolean): string {
  const fence = (source: string) => (withDiagrams ? `\`\`\`mermaid\n${source}\n\`\`\`` : 'A paragraph where the diagram would be.');
  return [
    '---',
    `title: Case study ${study}`,
    '---',
    '',
    '## Architecture Flow',
    '',
    fence(architectureFlow(study)),
    '',
    '## Design',
    '',
    `Case study ${study} explains its design in a few paragraphs of prose, as the real ones do.`,
    '',
    fence(secondDiagram(study)),
    '',
    'And closes with what was traded and why.',
    '',
  ].join('\n');
}

function writeSite(directory: string, size: number, withDiagrams: boolean): void {
  const integration = pathToFileURL(join(ROOT, 'src/lib/diagrams/index.ts')).href;
  const files: Record<string, string> = {
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import diagrams from ${JSON.stringify(integration)};
export default defineConfig({
  cacheDir: './.cache',
  integrations: [diagrams({ caseStudyDirs: [] }), mdx()],
  markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] } },
});
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { studies: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/studies' }) }) };
`,
    'src/pages/[slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('studies')).map((study) => ({ params: { slug: study.id }, props: { study } }));
}
const { Content } = await render(Astro.props.study);
---
<html lang="en"><head><title>{Astro.props.study.id}</title></head><body><main><Content /></main></body></html>
`,
  };
  rmSync(join(directory, 'content'), { recursive: true, force: true });
  for (let study = 0; study < size; study += 1) files[`content/studies/study-${study}.mdx`] = studyFile(study, withDiagrams);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
}

/**
 * Memory of a process and all its descendants (Chromium included), in bytes:
 * the sum of their proportional set sizes, so pages Chromium's processes
 * share are counted once, not once per process as RSS would.
 */
function treeMemory(rootPid: number): number {
  const parents = new Map<number, number>();
  const sizes = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      parents.set(pid, Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      sizes.set(pid, Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (pid > 1 && inTree(parents.get(pid) ?? 0));
  return [...sizes].reduce((total, [pid, bytes]) => (inTree(pid) ? total + bytes : total), 0);
}

interface BuildRun {
  seconds: number;
  peakBytes: number;
  output: string;
}

function build(directory: string): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [astroCli, 'build', '--root', directory], {
      env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peakBytes = 0;
    const sampler = setInterval(() => {
      if (child.pid) peakBytes = Math.max(peakBytes, treeMemory(child.pid));
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, peakBytes, output });
      else reject(new Error(`astro build failed (exit ${code}) in ${directory}:\n${output.slice(-3000)}`));
    });
  });
}

interface Floor {
  ms: number;
  /** Chromium's start: launched, the render page open with Mermaid loaded, and its font ready. */
  startMs: number;
  /** The first diagram's render alone: Mermaid's warm-up (its code compiled on first use) is in it. */
  firstMs: number;
  /** Mermaid's SVG of each diagram, for the byte counts. */
  svgs: { svg: string; type: string }[];
}

/** Mermaid's own cost: the same diagrams, one bare render loop in one open page, Mermaid as published. */
async function floor(diagrams: readonly string[]): Promise<Floor> {
  const opening = performance.now();
  return withRenderPage(ROOT, async (page) => {
    await page.evaluate(`(async (config) => {
      await document.fonts.load('16px "${fontFaces.sans.family}"');
      window.mermaid.initialize(config);
    })(${JSON.stringify(mermaidConfig())})`);
    const startMs = performance.now() - opening;
    const loop: Omit<Floor, 'startMs'> = await page.evaluate(`(async (diagrams) => {
      const svgs = [];
      let firstMs = 0;
      const started = performance.now();
      for (let index = 0; index < diagrams.length; index += 1) {
        const { svg, diagramType } = await window.mermaid.render('floor' + index, diagrams[index]);
        if (index === 0) firstMs = performance.now() - started;
        svgs.push({ svg, type: diagramType });
      }
      return { ms: performance.now() - started, firstMs, svgs };
    })(${JSON.stringify(diagrams)})`);
    return { ...loop, startMs };
  });
}

interface SvgBytes {
  raw: number;
  gzip: number;
  optimisedRaw: number;
  optimisedGzip: number;
}

/** The diagrams' SVG as the pipeline caches it, before and after the optimiser: each diagram once, summed. */
async function svgBytes(svgs: Floor['svgs']): Promise<SvgBytes> {
  const bytes = { raw: 0, gzip: 0, optimisedRaw: 0, optimisedGzip: 0 };
  for (const [index, { svg, type }] of svgs.entries()) {
    // The label size only sizes the figure around the SVG, not the SVG's bytes.
    const normalised = normaliseSvg(svg, { key: `floor${index}`, rootId: `floor${index}`, type, labelSize: 16 }).svg;
    const optimised = await optimiseSvg(normalised);
    bytes.raw += Buffer.byteLength(normalised);
    bytes.gzip += gzipSync(normalised).length;
    bytes.optimisedRaw += Buffer.byteLength(optimised);
    bytes.optimisedGzip += gzipSync(optimised).length;
  }
  return bytes;
}

interface Row {
  /** "site" for this site, else the generated site's N. */
  size: number | 'site';
  diagrams: number;
  cold: BuildRun;
  warm: BuildRun;
  none: BuildRun;
  floorMs: number;
  /** Fastest of the floor runs: Chromium's start, and the first diagram's render. */
  startMs: number;
  firstMs: number;
  bytes: SvgBytes;
}

const perDiagram = (run: BuildRun, none: BuildRun, diagrams: number) => ((run.seconds - none.seconds) * 1000) / diagrams;

/** The fastest run, with the highest peak memory of all of them. */
function fastest(runs: readonly BuildRun[]): BuildRun {
  const best = runs.reduce((winner, run) => (run.seconds < winner.seconds ? run : winner));
  return { ...best, peakBytes: Math.max(...runs.map((run) => run.peakBytes)) };
}

/** A site to measure: where it is, its diagrams, and how to write it with or without them. */
interface BenchSite {
  directory: string;
  diagrams: string[];
  write(withDiagrams: boolean): void;
}

async function measure(size: Row['size'], site: BenchSite): Promise<Row> {
  site.write(false);
  await build(site.directory); // Warms Vite's dependency cache and the file system for every build that follows.
  // Cold builds and floor loops take turns too: each is compared with the other.
  const coldRuns: BuildRun[] = [];
  const floorRuns: Floor[] = [];
  site.write(true);
  for (let round = 0; round < COLD_REPEATS; round += 1) {
    floorRuns.push(await floor(site.diagrams));
    rmSync(join(site.directory, '.cache', 'diagrams'), { recursive: true, force: true });
    coldRuns.push(await build(site.directory));
  }
  // Warm and no-diagram builds take turns, so both see the same machine.
  const warmRuns: BuildRun[] = [];
  const noneRuns: BuildRun[] = [];
  for (let round = 0; round < REPEATS; round += 1) {
    site.write(false);
    noneRuns.push(await build(site.directory));
    site.write(true);
    warmRuns.push(await build(site.directory));
  }
  const relaunched = warmRuns.find((run) => !run.output.includes('browser started 0 time(s)'));
  if (relaunched) throw new Error(`A warm build of ${size} started a browser:\n${relaunched.output.slice(-2000)}`);
  return {
    size,
    diagrams: site.diagrams.length,
    cold: fastest(coldRuns),
    warm: fastest(warmRuns),
    none: fastest(noneRuns),
    floorMs: Math.min(...floorRuns.map((run) => run.ms)),
    startMs: Math.min(...floorRuns.map((run) => run.startMs)),
    firstMs: Math.min(...floorRuns.map((run) => run.firstMs)),
    bytes: await svgBytes(floorRuns[0]?.svgs ?? []),
  };
}

function withTempSite<T>(name: string, use: (directory: string) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), `bench-diagrams-${name}-`));
  symlinkSync(join(ROOT, 'node_modules'), join(directory, 'node_modules'), 'dir');
  return use(directory).finally(() => rmSync(directory, { recursive: true, force: true }));
}

function generatedSite(directory: string, size: number): BenchSite {
  return { directory, diagrams: diagramsOf(size), write: (withDiagrams) => writeSite(directory, size, withDiagrams) };
}

const MERMAID_FENCE = /^(`{3,}|~{3,})mermaid\b[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;

/**
 * This site, copied: its own cache folder (the copy's node_modules is the
 * project's), and for the no-diagram build, its fences turned into a paragraph,
 * its Architecture Flow cards empty and the rule that requires them off.
 */
function thisSite(directory: string): BenchSite {
  copyProjectSite(directory);
  const config = readFileSync(join(directory, 'astro.config.mjs'), 'utf8');
  const card = readFileSync(join(ROOT, 'src/components/ArchitectureFlow.astro'), 'utf8');
  const contentFiles = readdirSync(join(ROOT, 'content'), { recursive: true })
    .map(String)
    .filter((path) => /\.mdx?$/.test(path))
    .map((path) => ({ path: join('content', path), text: readFileSync(join(ROOT, 'content', path), 'utf8') }));
  const diagrams = contentFiles.flatMap(({ path, text }) => mermaidFences(parseDocument(text, formatOf(path))).map((fence) => fence.source));
  return {
    directory,
    diagrams,
    write(withDiagrams) {
      const files: Record<string, string> = {
        'astro.config.mjs': withDiagrams ? config : config.replace('diagrams()', 'diagrams({ caseStudyDirs: [] })'),
        'src/components/ArchitectureFlow.astro': withDiagrams ? card : '---\n---\n',
      };
      for (const { path, text } of contentFiles) {
        files[path] = withDiagrams ? text : text.replace(MERMAID_FENCE, 'A paragraph where the diagram would be.');
      }
      for (const [path, text] of Object.entries(files)) writeFileSync(join(directory, path), text);
    },
  };
}

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
 * layout and, where it does not fit a phone, its top-to-bottom one, and this
 * site's link-preview flows turned (the floor draws each fence once).
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

const sizes = sizesFromArguments();
const rows: Row[] = [];
process.stderr.write('bench: this site…\n');
rows.push(await withTempSite('site', (directory) => measure('site', thisSite(directory))));
for (const size of sizes) {
  process.stderr.write(`bench: N=${size}…\n`);
  rows.push(await withTempSite(String(size), (directory) => measure(size, generatedSite(directory, size))));
}
const cells = [columns, ...rows.map(tableRow)];
const widths = columns.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
for (const row of cells) console.log(row.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  '));

const site = rows[0];
if (site) {
  console.log(
    `bench: what a cold build pays before drawing, whatever its size: Chromium open with Mermaid loaded ${site.startMs.toFixed(0)} ms, then the first diagram ${site.firstMs.toFixed(0)} ms (Mermaid's warm-up; the next ones ${((site.floorMs - site.firstMs) / Math.max(1, site.diagrams - 1)).toFixed(0)} ms each)`,
  );
}

const largest = rows.at(-1);
if (largest) {
  const drawn = perDrawing(largest);
  console.log(
    `bench: per drawing, the narrow layouts counted (${drawings(largest.cold)} drawings for ${largest.diagrams} fences): cold ${drawn.cold.toFixed(1)} ms/drawing, cold/floor ${drawn.ratio.toFixed(2)}`,
  );
  const cold = perDiagram(largest.cold, largest.none, largest.diagrams);
  const warm = perDiagram(largest.warm, largest.none, largest.diagrams);
  const floor = largest.floorMs / largest.diagrams;
  console.log(
    `bench: cold ${cold.toFixed(1)} ms/diagram, warm ${warm.toFixed(2)} ms/diagram, floor ${floor.toFixed(1)} ms/diagram, cold/floor ${(cold / floor).toFixed(2)}`,
  );
}
