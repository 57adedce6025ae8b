/**
 * The bench's measurements (npm run bench): builds of a site (cold, warm, and
 * without its diagrams, each repeated, alternating with what it is compared
 * to), their peak memory, and the floor: the same diagrams through a bare loop
 * of mermaid.render() in one open page, with Mermaid as published.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  initializeRenderPage,
  mermaidConfig,
  normaliseSvg,
  optimiseSvg,
  PAGE_GLOBALS,
  renderPageAssets,
  withRenderPage,
} from '../../src/lib/diagrams/testing.ts';
import { astroCli } from '../astro-cli.ts';
import type { BenchSite } from './site.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Each measurement is repeated, alternating with the one it is compared to,
 * and the fastest counts: on a shared 2-core machine the minimum is the least
 * noisy estimate.
 */
const REPEATS = 3;
const COLD_REPEATS = 2;
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

export interface BuildRun {
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
    await initializeRenderPage(page, renderPageAssets(ROOT), mermaidConfig());
    const startMs = performance.now() - opening;
    const loop: Omit<Floor, 'startMs'> = await page.evaluate(`window.${PAGE_GLOBALS.renderBare}(${JSON.stringify(diagrams)})`);
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

export interface Row {
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

/** The fastest run, with the highest peak memory of all of them. */
function fastest(runs: readonly BuildRun[]): BuildRun {
  const best = runs.reduce((winner, run) => (run.seconds < winner.seconds ? run : winner));
  return { ...best, peakBytes: Math.max(...runs.map((run) => run.peakBytes)) };
}

export async function measure(size: Row['size'], site: BenchSite): Promise<Row> {
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
