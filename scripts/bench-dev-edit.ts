/**
 * npm run bench:dev [-- --runs 5]
 *
 * The author's loop in `npm run dev`, timed: from typing `npm run dev` to the
 * first case-study page served, and from saving a diagram edit to the page
 * serving the changed diagram. Each run starts `npm run dev` afresh (as an
 * author does each morning) in one copy of this site, with its own caches,
 * so the first run pays for empty caches and the later ones do not; each run
 * then edits the telemetry case study's Architecture Flow once, with a label
 * never drawn before. It prints every run and the median of each.
 *
 * A page is "served" at the first response that holds the label, asked for
 * every 10 ms, as a browser would after Vite's reload message. Also printed
 * per run, to see where the start goes: when the server printed its address,
 * and when the work it starts after the first page was done (its browser ready
 * for diagram edits, the links in content checked); the edit waits for both.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { freeLoopbackPort } from './free-port.ts';
import { copyProjectSite } from './site-copy.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STUDY = 'content/case-studies/telemetry-pipeline.mdx';
const PAGE = '/case-studies/telemetry-pipeline/';
const LABEL = 'Ingestion gateway';
const POLL_MS = 10;
const GIVE_UP_MS = 120_000;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);

/** Milliseconds from `since` until the page's HTML contains `text`. */
async function untilPageHas(url: string, text: string, since: number): Promise<number> {
  while (performance.now() - since < GIVE_UP_MS) {
    const html = await fetch(url).then(
      (response) => response.text(),
      () => '',
    );
    if (html.includes(text)) return performance.now() - since;
    await delay(POLL_MS);
  }
  throw new Error(`${url} did not show "${text}" within ${GIVE_UP_MS / 1000} s`);
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${Math.round(value)} ms`;

interface Run {
  firstPage: number;
  listening: number;
  browserReady: number;
  linksChecked: number;
  edit: number;
}

async function oneRun(site: string, run: number): Promise<Run> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}${PAGE}`;
  const started = performance.now();
  // `npm run dev`, as the author types it; its own process group, so stopping it stops Astro too.
  const server = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: site,
    detached: true,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  let log = '';
  const seen = new Map<string, number>();
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
    for (const [name, pattern] of [
      ['listening', /Local\s+http/],
      ['browser', /browser ready for diagram edits/],
      ['links', /links in content checked/],
    ] as const) {
      if (!seen.has(name) && pattern.test(log)) seen.set(name, performance.now() - started);
    }
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  try {
    const firstPage = await untilPageHas(url, LABEL, started);
    // Once the first page is served the server opens its browser and checks the links in content;
    // an author edits after that: the first page and the edit are each timed on their own.
    while (!seen.has('browser') || !seen.has('links')) {
      if (performance.now() - started > GIVE_UP_MS) throw new Error(`The dev server never finished its start-up work:\n${log}`);
      await delay(POLL_MS);
    }
    const study = join(site, STUDY);
    const original = readFileSync(study, 'utf8');
    const label = `${LABEL} r${run}`;
    const written = performance.now();
    writeFileSync(study, original.replace(`"${LABEL}"`, `"${label}"`));
    const edit = await untilPageHas(url, label, written);
    writeFileSync(study, original);
    return {
      firstPage,
      listening: seen.get('listening') ?? Number.NaN,
      browserReady: seen.get('browser')!,
      linksChecked: seen.get('links')!,
      edit,
    };
  } finally {
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
}

const site = mkdtempSync(join(tmpdir(), 'bench-dev-'));
copyProjectSite(site);
symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'), 'dir');
// `npm run dev` runs scripts/ensure-tools.ts first.
symlinkSync(join(ROOT, 'scripts'), join(site, 'scripts'), 'dir');

try {
  const runs: Run[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const result = await oneRun(site, run);
    runs.push(result);
    console.log(
      `run ${run}: npm run dev → first case-study page ${ms(result.firstPage)} (address printed at ${ms(result.listening)}; then browser ready at ${ms(result.browserReady)}, links checked at ${ms(result.linksChecked)}); diagram edit → changed page ${ms(result.edit)}`,
    );
  }
  const list = (pick: (run: Run) => number) => runs.map((run) => Math.round(pick(run))).join(' / ');
  console.log(
    `npm run dev → first case-study page: ${list((run) => run.firstPage)} ms; median ${ms(median(runs.map((run) => run.firstPage)))}`,
  );
  console.log(`diagram edit → changed page: ${list((run) => run.edit)} ms; median ${ms(median(runs.map((run) => run.edit)))}`);
} finally {
  rmSync(site, { recursive: true, force: true });
}
