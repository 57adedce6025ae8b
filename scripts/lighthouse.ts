/**
 * Lighthouse, mobile preset (its default: a mid-range phone on a slow 4G
 * network, simulated), on the home page, every case study and /writing/, served
 * by `astro preview` from dist/ and audited in the project's Chromium. Every
 * category must score 100; when one does not, the audits that cost it points
 * are printed.
 *
 * The pages are audited one at a time, in one browser, after every other
 * check has finished: on a 2-core machine, anything running beside Lighthouse
 * slows the page's main thread and so its simulated timings. For the same
 * reason a page that misses 100 is audited again, up to three times in all,
 * and passes if one run scores 100 everywhere (Lighthouse's own advice for
 * variable machines is to take several runs). A run in which Chrome could not
 * load the page counts as one of the three, not as the end of the check.
 *
 * Usage: node scripts/lighthouse.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { chromiumArgs, requireChromium } from '../src/lib/chromium.ts';
import { astroCli } from './astro-cli.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const ATTEMPTS = 3;
/** Every case study the build wrote: each is a page a recruiter lands on from a shared link. */
const caseStudies = readdirSync('dist/case-studies', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join('dist/case-studies', entry.name, 'index.html')))
  .map((entry) => `/case-studies/${entry.name}/`)
  .sort();
const PAGES = ['/', ...caseStudies, '/writing/'];

/** Starts `astro preview` on a port of its choosing and resolves with its URL once it listens. */
function startPreview(): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [astroCli, 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', '0'], {
    env: { ...process.env, ASTRO_PREVIEW_BACKGROUND: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      server.kill();
      reject(new Error(message));
    };
    server.once('exit', (code) => fail(`astro preview exited (${code}) before it was ready`));
    setTimeout(() => fail('astro preview did not report its URL within a minute'), 60_000).unref();
    createInterface({ input: server.stdout! }).on('line', (line) => {
      // Its "Local" line (coloured, in CI); it may also mention other previews already running.
      const url = /Local\s+(http:\/\/\S+)/.exec(stripVTControlCharacters(line))?.[1];
      if (url) resolve({ url, server });
    });
  });
}

const score = (category: Result['categories'][string]) => Math.round((category.score ?? 0) * 100);

/** The audits that cost a category points, with what Lighthouse measured. */
function lostPoints(result: Result, categoryId: string): string[] {
  return result.categories[categoryId]!.auditRefs.filter((ref) => ref.weight > 0)
    .map((ref) => result.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .flatMap((audit) => [
      `    ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}, score ${audit.score}`,
      ...findings(audit),
    ]);
}

/** What an audit found, one line each, for the audits that list their findings. */
function findings(audit: Result['audits'][string]): string[] {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
  return (details?.items ?? []).map((item) => `      ${JSON.stringify(item).slice(0, 300)}`);
}

/** The simulated timings the performance score is made of. */
function timings(result: Result): string {
  const ms = (id: string) => `${Math.round(result.audits[id]?.numericValue ?? 0)} ms`;
  const shift = result.audits['cumulative-layout-shift']?.numericValue ?? 0;
  return `FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${ms('total-blocking-time')}, SI ${ms('speed-index')}, CLS ${shift.toFixed(3)}`;
}

async function audit(url: string, port: number): Promise<Result> {
  const runnerResult = await lighthouse(url, { port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] });
  if (!runnerResult) throw new Error(`Lighthouse returned no result for ${url}`);
  return runnerResult.lhr;
}

const { url: origin, server } = await startPreview();
const chrome = await chromeLauncher.launch({ chromePath: requireChromium(), chromeFlags: [...chromiumArgs(), '--headless'] });
const failures: string[] = [];
try {
  for (const path of PAGES) {
    const url = new URL(path.slice(1), origin).href;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const result = await audit(url, chrome.port);
      // A run Chrome could not load (CI once saw "Chrome prevented page load with an interstitial")
      // measured nothing: it is a failed attempt, and the page gets its remaining ones.
      if (result.runtimeError) {
        console.log(`lighthouse ${path}: run ${attempt} could not load the page: ${result.runtimeError.message}`);
        if (attempt === ATTEMPTS) failures.push(`${path}:\n  could not be audited: ${result.runtimeError.message}`);
        continue;
      }
      const scores = CATEGORIES.map((id) => [id, score(result.categories[id]!)] as const);
      console.log(
        `lighthouse ${path}: ${scores.map(([id, value]) => `${id} ${value}`).join(', ')}${attempt > 1 ? ` (run ${attempt})` : ''}; ${timings(result)}`,
      );
      const short = scores.filter(([, value]) => value < 100);
      if (short.length === 0) break;
      if (attempt === ATTEMPTS) {
        failures.push(`${path}:\n${short.map(([id, value]) => `  ${id} ${value}\n${lostPoints(result, id).join('\n')}`).join('\n')}`);
      }
    }
  }
} finally {
  chrome.kill();
  server.kill();
}

if (failures.length > 0) {
  console.error(`\nlighthouse: below 100 after ${ATTEMPTS} runs\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('lighthouse: 100 in every category on every page audited');
