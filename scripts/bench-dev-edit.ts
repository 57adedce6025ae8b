/**
 * npm run bench:dev
 *
 * How long an author waits, in `astro dev`, between saving a diagram edit and
 * the page serving the new diagram: the first edit after the server starts
 * (the browser must already be open for it) and the ones after it. Runs this
 * site, copied to a temp folder with a diagram cache of its own, and edits the
 * telemetry case study's Architecture Flow label by label.
 *
 * Each figure is from the file's write to the first response of the page that
 * holds the new label, asked for every 10 ms, as a browser would after
 * Vite's reload message.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { astroCli } from './astro-cli.ts';
import { freeLoopbackPort } from './free-port.ts';
import { copyProjectSite } from './site-copy.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STUDY = 'content/case-studies/telemetry-pipeline.mdx';
const PAGE = '/case-studies/telemetry-pipeline/';
const LABEL = 'Ingestion gateway';
const EDITS = 5;
const POLL_MS = 10;
const GIVE_UP_MS = 60_000;

/** Milliseconds until the page's HTML contains `text`. */
async function untilPageHas(url: string, text: string, since: number): Promise<number> {
  while (performance.now() - since < GIVE_UP_MS) {
    const html = await fetch(url).then((response) => response.text(), () => '');
    if (html.includes(text)) return performance.now() - since;
    await delay(POLL_MS);
  }
  throw new Error(`${url} did not show "${text}" within ${GIVE_UP_MS / 1000} s`);
}

const site = mkdtempSync(join(tmpdir(), 'bench-dev-'));
copyProjectSite(site);
symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'), 'dir');

const port = await freeLoopbackPort();
const url = `http://127.0.0.1:${port}${PAGE}`;
const started = performance.now();
const server = spawn(process.execPath, [astroCli, 'dev', '--root', site, '--host', '127.0.0.1', '--port', String(port)], {
  env: { ...process.env, ASTRO_DEV_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));

try {
  const firstPage = await untilPageHas(url, LABEL, started);
  // The browser opens at start, beside the first page; an author edits once both are done.
  while (!log.includes('browser ready for diagram edits')) {
    if (performance.now() - started > GIVE_UP_MS) throw new Error(`The dev server never said its browser was ready:\n${log}`);
    await delay(POLL_MS);
  }
  console.log(`astro dev: first page ${Math.round(firstPage)} ms after start; ${/browser ready for diagram edits in \d+ ms/.exec(log)?.[0] ?? ''}`);
  const study = join(site, STUDY);
  const original = readFileSync(study, 'utf8');
  const times: number[] = [];
  for (let edit = 1; edit <= EDITS; edit += 1) {
    const label = `${LABEL} ${edit}`;
    const written = performance.now();
    writeFileSync(study, original.replace(`"${LABEL}"`, `"${label}"`));
    times.push(await untilPageHas(url, label, written));
  }
  console.log(`diagram edit → page served: first ${Math.round(times[0]!)} ms, then ${times.slice(1).map((ms) => Math.round(ms)).join(' / ')} ms`);
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(site, { recursive: true, force: true });
}
