/**
 * `npm run new`, end to end, in a copy of the site: scaffold a case study, see
 * the build refuse it with the file and line of each placeholder, see it in
 * `npm run dev` with its placeholders listed on the page, see the build refuse
 * a TODO left in the body, fill them in, build, and find the page (with its
 * diagram and its PDF).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCli } from '../../scripts/astro-cli.ts';
import { copyProjectSite } from '../../scripts/site-copy.ts';
import { startDevServer } from '../support/dev-server.ts';

const project = fileURLToPath(new URL('../../', import.meta.url));
const newCommand = join(project, 'scripts/new.ts');

let site: string;

function run(command: string, args: string[]) {
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'portfolio-new-'));
  // The copy keeps Astro's content store and diagram cache apart from the project's.
  copyProjectSite(site);
  symlinkSync(join(project, 'node_modules'), join(site, 'node_modules'));
  execFileSync('git', ['init', '-q'], { cwd: site });
});

afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Every placeholder replaced with words of the author's. */
const fillIn = (source: string) =>
  source
    .replace(/"TODO: [^"]*"/g, '"Bill customers from an append-only log of usage events."')
    .replace('[TODO]', '[data, architecture]')
    .replaceAll(/^TODO:? (.*)$/gm, 'Written.')
    .replace(/accDescr: TODO.*$/m, 'accDescr: A client calls the service, which writes to the store.');

describe('npm run new -- case-study', () => {
  const file = () => join(site, 'content/case-studies/event-sourced-billing.mdx');

  it('writes the file with the next order, says where, and what to do next', () => {
    const { status, output } = run(newCommand, ['case-study', 'Event Sourced Billing']);
    expect(status).toBe(0);
    expect(output).toContain('content/case-studies/event-sourced-billing.mdx (order 4)');
    expect(output).toMatch(/Next: replace every TODO/);
    expect(readFileSync(file(), 'utf8')).toMatch(/^order: 4$/m);
  });

  it('never overwrites a file, and rejects a title that makes no slug', () => {
    const before = readFileSync(file(), 'utf8');
    expect(run(newCommand, ['case-study', 'Event Sourced Billing'])).toMatchObject({
      status: 1,
      output: expect.stringMatching(/already exists/),
    });
    expect(readFileSync(file(), 'utf8')).toBe(before);
    expect(run(newCommand, ['case-study', '???'])).toMatchObject({ status: 1, output: expect.stringMatching(/no letters or digits/) });
  });

  it('is refused by the build until filled in, with the file and line of each placeholder', () => {
    const { status, output } = run(astroCli, ['sync']);
    expect(status).not.toBe(0);
    const lines = readFileSync(file(), 'utf8').split('\n');
    const lineOf = (field: string) => lines.findIndex((line) => line.startsWith(`${field}:`)) + 1;
    expect(output).toContain(`content/case-studies/event-sourced-billing.mdx:${lineOf('summary')}  summary: still the placeholder`);
    expect(output).toContain(`content/case-studies/event-sourced-billing.mdx:${lineOf('topics')}  topics.0: unknown topic "TODO"`);
  }, 120_000);

  it('is shown by npm run dev, with a banner listing each placeholder with its file and line', async () => {
    const lines = readFileSync(file(), 'utf8').split('\n');
    const server = await startDevServer(site);
    try {
      const response = await fetch(`${server.origin}/case-studies/event-sourced-billing/`);
      const html = await response.text();
      expect(response.status, server.log()).toBe(200);
      expect(html).toContain('>Event Sourced Billing</h1>');
      const banner = /<aside[^>]*data-placeholder-banner[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1] ?? '';
      const listed = [...banner.matchAll(/content\/case-studies\/event-sourced-billing\.mdx:(\d+)/g)].map((match) => Number(match[1]));
      const expected = lines.flatMap((line, index) => (/\bTODO\b/.test(line) ? [index + 1] : []));
      expect(listed).toEqual(expected);
      expect(banner).toContain('TODO: write this section.');
      expect(server.log()).not.toMatch(/\[ERROR\]/);
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('is refused by the build while a TODO is left in its body, naming the file and line', () => {
    const headerFilled = fillIn(readFileSync(file(), 'utf8'));
    const lines = headerFilled.split('\n');
    const body = lines.lastIndexOf('Written.');
    lines[body] = 'TODO: write this section.';
    writeFileSync(file(), lines.join('\n'));
    const { status, output } = run(astroCli, ['build']);
    expect(status).not.toBe(0);
    expect(output).toContain('A TODO placeholder from `npm run new` is still in the content:');
    expect(output).toContain(`content/case-studies/event-sourced-billing.mdx:${body + 1}  TODO: write this section.`);
  }, 120_000);

  it('builds into a page, with its diagram and its PDF, once filled in', () => {
    writeFileSync(file(), fillIn(readFileSync(file(), 'utf8')));
    const { status, output } = run(astroCli, ['build']);
    expect(status, output).toBe(0);
    const page = readFileSync(join(site, 'dist/case-studies/event-sourced-billing/index.html'), 'utf8');
    expect(page).toContain('>Event Sourced Billing</h1>');
    expect(page).toMatch(/<figure class="diagram\b[^"]*"[^>]*>.*?<svg/s);
    expect(existsSync(join(site, 'dist/case-studies/event-sourced-billing.pdf'))).toBe(true);
  }, 600_000);
});

describe('npm run new -- article', () => {
  it('asks for no URL when none is at the terminal, and writes the one --url gives', () => {
    const plain = run(newCommand, ['article', 'Why Idempotency Keys Expire']);
    expect(plain.status, plain.output).toBe(0);
    expect(readFileSync(join(site, 'content/articles/why-idempotency-keys-expire.md'), 'utf8')).toMatch(
      /^# url: https:\/\/… {3}# optional/m,
    );

    const linked = run(newCommand, ['article', 'Why Retries Need Jitter', '--url', 'https://blog.example.dev/jitter']);
    expect(linked.status, linked.output).toBe(0);
    expect(readFileSync(join(site, 'content/articles/why-retries-need-jitter.md'), 'utf8')).toMatch(
      /^url: "https:\/\/blog\.example\.dev\/jitter"/m,
    );

    expect(run(newCommand, ['article', 'Bad Address', '--url', 'blog/jitter'])).toMatchObject({
      status: 1,
      output: expect.stringMatching(/not an http\(s\) URL/),
    });
    expect(existsSync(join(site, 'content/articles/bad-address.md'))).toBe(false);
  });
});
