/**
 * `npm test`: every gate of the README's table, each its own npm script, run
 * side by side where they do not need each other's output, so the whole takes
 * little more than its longest chain (build, then Playwright, then Lighthouse)
 * rather than the sum of every step.
 *
 * - At most as many steps run at once as the machine has cores: more would
 *   only make each of them slower.
 * - `astro check` and the base-path build each sync the content collections
 *   into node_modules/.astro/, as the build does, so those three never overlap.
 * - Lighthouse runs alone, last: anything beside it slows the page's main
 *   thread, and so its timings.
 *
 * First, alone, scripts/ensure-tools.ts installs what is missing (Chromium,
 * redis-server) in one apt-get call: steps that each did so side by side
 * would wait on apt's lock, or fail on it.
 *
 * A step's output is printed whole when it ends, under its name, so steps
 * never interleave. When one fails, no further step starts; the summary names
 * what failed, what was never run, and how long each step took.
 *
 * Usage: node scripts/test.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

interface Step {
  /** The npm script. */
  script: string;
  /** Steps that must have passed first. */
  after: string[];
}

/** In the order a free slot is offered: the longest chain first. */
const CHECKS: Step[] = [
  { script: 'build', after: [] },
  { script: 'test:e2e', after: ['build'] },
  { script: 'test:integration', after: [] },
  { script: 'test:unit', after: [] },
  { script: 'lint', after: [] },
  { script: 'check', after: ['build'] },
  { script: 'test:html', after: ['build'] },
  { script: 'test:links', after: ['build'] },
  { script: 'test:budgets', after: ['build'] },
  { script: 'test:base-path', after: ['build', 'check'] },
];
const STEPS: Step[] = [...CHECKS, { script: 'test:lighthouse', after: CHECKS.map(({ script }) => script) }];

const SLOTS = Math.max(2, availableParallelism());

type Outcome = { passed: boolean; seconds: number; startedAt: number };

const setUp = spawnSync(process.execPath, ['scripts/ensure-tools.ts', 'chromium', 'redis-server'], { stdio: 'inherit' });
if (setUp.status !== 0) process.exit(setUp.status ?? 1);

const started = performance.now();
const seconds = (from: number, to = performance.now()) => (to - from) / 1000;
const outcomes = new Map<string, Outcome>();
const running = new Set<string>();
let failed = false;

function run(step: Step): Promise<void> {
  const startedAt = seconds(started);
  running.add(step.script);
  console.log(`▸ ${step.script} started (${startedAt.toFixed(1)} s)`);
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', step.script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      const outcome = { passed: code === 0, seconds: seconds(started) - startedAt, startedAt };
      outcomes.set(step.script, outcome);
      running.delete(step.script);
      failed ||= !outcome.passed;
      const verdict = `${step.script} ${outcome.passed ? 'passed' : `FAILED (exit ${code})`} in ${outcome.seconds.toFixed(1)} s`;
      process.stdout.write(`\n──── ${verdict} ────\n${Buffer.concat(output).toString()}──── end of ${step.script} ────\n\n`);
      resolve();
    });
  });
}

const ready = (step: Step) =>
  !outcomes.has(step.script) && !running.has(step.script) && step.after.every((name) => outcomes.get(name)?.passed);

const inFlight = new Set<Promise<void>>();
while (true) {
  if (!failed) {
    for (const step of STEPS) {
      if (inFlight.size >= SLOTS || !ready(step)) continue;
      const promise = run(step).then(() => void inFlight.delete(promise));
      inFlight.add(promise);
    }
  }
  if (inFlight.size === 0) break;
  await Promise.race(inFlight);
}

const rows = STEPS.map(({ script }) => {
  const outcome = outcomes.get(script);
  if (!outcome) return `  ${script.padEnd(16)} not run`;
  return `  ${script.padEnd(16)} ${(outcome.passed ? 'passed' : 'FAILED').padEnd(7)} ${outcome.seconds.toFixed(1).padStart(7)} s  (from ${outcome.startedAt.toFixed(1)} s)`;
});
console.log(`npm test: ${failed ? 'FAILED' : 'passed'} in ${seconds(started).toFixed(1)} s\n${rows.join('\n')}`);
process.exitCode = failed ? 1 : 0;
