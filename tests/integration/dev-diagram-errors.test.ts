/**
 * `npm run dev`, with the common diagram mistakes made one after another in a
 * case study's Architecture Flow: each is printed once, however often the page
 * is asked for, at the .mdx file's line of the offending diagram line, in
 * plain words with the fix; the page is still served; fixing it brings the
 * diagram back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProjectSite } from '../../scripts/site-copy.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

const project = fileURLToPath(new URL('../../', import.meta.url));
const STUDY = 'content/case-studies/telemetry-pipeline.mdx';
const PAGE = '/case-studies/telemetry-pipeline/';
const GIVE_UP_MS = 90_000;

let site: string;
let server: DevServer;
let original: string;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'portfolio-dev-errors-'));
  copyProjectSite(site);
  symlinkSync(join(project, 'node_modules'), join(site, 'node_modules'));
  execFileSync('git', ['init', '-q'], { cwd: site });
  original = readFileSync(join(site, STUDY), 'utf8');
  server = await startDevServer(site);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** The page, asked for until `done` says it shows the change (as a browser would after Vite's reload). */
async function pageUntil(done: (html: string) => boolean): Promise<string> {
  const started = performance.now();
  while (performance.now() - started < GIVE_UP_MS) {
    const response = await fetch(`${server.origin}${PAGE}`);
    const html = await response.text();
    expect(response.status, server.log()).toBe(200);
    if (done(html)) return html;
  }
  throw new Error(`${PAGE} never showed the change:\n${server.log()}`);
}

const count = (text: string, part: string) => text.split(part).length - 1;

/** The study with `edit` applied to its Architecture Flow's lines; the 1-based line of `target` in the file. */
function withEdit(target: string, edit: (line: string) => string | undefined): { text: string; line: number } {
  const lines = original.split('\n');
  const index = lines.indexOf(target);
  expect(index, target).toBeGreaterThan(0);
  const edited = edit(target);
  if (edited === undefined) lines.splice(index, 1);
  else lines[index] = edited;
  return { text: lines.join('\n'), line: index + 1 };
}

describe('diagram mistakes in npm run dev', { timeout: 600_000 }, () => {
  it.each([
    {
      mistake: "a label's quote not closed",
      target: '  dev e1@--> gw["Ingestion gateway"]',
      edit: () => '  dev e1@--> gw["Ingestion gateway]',
      at: 0,
      says: "a label's quote is not closed.",
    },
    {
      mistake: "a label's bracket not closed",
      target: '  gw e2@--> pa',
      edit: () => '  gw e2@--> pa[Partition A --> pb',
      at: 0,
      says: 'a label\'s bracket is not closed: "[Partition A" opens with "[", which needs "]".',
    },
    {
      mistake: 'an unknown arrow',
      target: '  gw --> pb',
      edit: () => '  gw ->> pb',
      at: 0,
      says: '"->>" is not an arrow a flowchart has.',
    },
    {
      mistake: 'a subgraph without end',
      target: '    pb["Partition B"]',
      edit: (line: string) => line,
      at: -2,
      says: 'the subgraph "kafka["Kafka topic, keyed by device"]" opened on this line has no `end`.',
      drop: '  end',
    },
    {
      mistake: 'an unknown diagram type',
      target: 'flowchart TB',
      edit: () => 'flowchat TB',
      at: 0,
      says: '"flowchat" is not a diagram type Mermaid knows: did you mean "flowchart"?',
    },
  ])('$mistake: printed once, at the file line, in plain words', async ({ target, edit, at, says, drop }) => {
    const { text, line } = drop ? withEdit(drop, () => undefined) : withEdit(target, edit);
    const errorLine = drop ? original.split('\n').indexOf(target) + 1 + at : line + at;
    const header = `${STUDY}:${errorLine}: mermaid diagram: ${says}`;
    writeFileSync(join(site, STUDY), text);
    await pageUntil(() => server.log().includes(header));
    // The page is still served, the fence left as source; asked for again, nothing is printed again.
    await pageUntil(() => true);
    await pageUntil(() => true);
    const log = server.log();
    expect(count(log, header), log).toBe(1);
    expect(log).toContain('Fix: ');
    expect(log).not.toMatch(/Parse error on line|MDXError|Expecting '/);
  });

  it('shows the diagram again once the file is fixed', async () => {
    writeFileSync(join(site, STUDY), original);
    const html = await pageUntil((page) => page.includes('<figure class="diagram diagram--inline"') && page.includes('Ingestion gateway'));
    expect(html).not.toContain('language-mermaid');
  });
});
