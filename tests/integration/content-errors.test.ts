/**
 * Integration: every kind of author mistake, made in a copy of the fixture
 * site tests/fixtures/sites/authoring/ and built by the real `astro build`,
 * stops the build naming the content file and a line (and column) that exist
 * in it, where the mistake is. Then the same site, whole, builds under a base
 * path with every kind of good internal link.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const FIXTURE = join(ROOT, 'tests/fixtures/sites/authoring');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** One diagram cache for every copy: Chromium starts for the first build only. */
const CACHE = mkdtempSync(join(tmpdir(), 'authoring-cache-'));

type Edit = (text: string) => string;

/** A copy of the fixture with some files edited, built; the output is what an author would read. */
function buildWith(edits: Record<string, Edit>, env: Record<string, string> = {}) {
  const site = mkdtempSync(join(tmpdir(), 'authoring-site-'));
  cpSync(FIXTURE, site, { recursive: true, filter: (source) => !/[/\\](dist|\.cache|\.astro|node_modules)$/.test(source) });
  symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'), 'dir');
  for (const [path, edit] of Object.entries(edits)) writeFileSync(join(site, path), edit(readFileSync(join(site, path), 'utf8')));
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--root', site], {
    encoding: 'utf8',
    timeout: 170_000,
    env: {
      ...process.env,
      ...env,
      PORTFOLIO_ROOT: ROOT,
      FIXTURE_CACHE_DIR: CACHE,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  const lineCount = (path: string) => readFileSync(join(site, path), 'utf8').split('\n').length;
  return { site, status: result.status, output: `${result.stdout}${result.stderr}`, lineCount };
}

const insertBefore =
  (marker: string, text: string): Edit =>
  (source) => {
    expect(source).toContain(marker);
    return source.replace(marker, `${text}${marker}`);
  };

/** Every `file:line` the output names for this file is a line of the file. */
function linesNamed(output: string, file: string): number[] {
  const escaped = file.replaceAll('.', '\\.');
  return [...output.matchAll(new RegExp(`${escaped}:(\\d+)`, 'g'))].map((match) => Number(match[1]));
}

interface Mistake {
  mistake: string;
  file: string;
  edits: Record<string, Edit>;
  /** `file:line[:column]` as printed. */
  location: string;
  says: string;
  /** The fix the message offers, where it offers one of its own. */
  fix?: string;
}

const LEDGER = 'content/notes/ledger.mdx';
const LIMITER = 'content/notes/limiter.mdx';
const ARTICLE = 'content/articles/caching.md';

describe("author mistakes stop the build at the author's line", { timeout: 900_000 }, () => {
  it.each([
    {
      mistake: 'a missing image in MDX',
      file: LEDGER,
      edits: { [LEDGER]: insertBefore('## Design choices', '![Throughput](./throughput.png)\n\n') },
      location: `${LEDGER}:13:1`,
      says: 'the image "./throughput.png" does not exist',
      fix: 'Images are found relative to the content file',
    },
    {
      mistake: 'a missing image in Markdown',
      file: ARTICLE,
      edits: { [ARTICLE]: insertBefore('Read about', '![Hit rate](./hit-rate.png)\n\n') },
      location: `${ARTICLE}:6:1`,
      says: 'the image "./hit-rate.png" does not exist',
    },
    {
      mistake: 'an MDX syntax error',
      file: LEDGER,
      edits: { [LEDGER]: insertBefore('## Design choices', '<Callout>\n\nNever closed.\n\n') },
      location: `${LEDGER}:13:1`,
      says: 'Expected a closing tag for `<Callout>`',
    },
    {
      mistake: 'a broken MDX expression',
      file: LEDGER,
      edits: { [LEDGER]: insertBefore('## Design choices', 'Total: {1 +}\n\n') },
      location: `${LEDGER}:13:12`,
      says: 'Could not parse expression',
    },
    {
      mistake: 'a frontmatter field of the wrong type',
      file: LIMITER,
      edits: { [LIMITER]: (text: string) => text.replace('order: 2', 'order: second') },
      location: `${LIMITER}:3`,
      says: 'order: Invalid input: expected number',
    },
    {
      mistake: 'frontmatter that is not YAML',
      file: LIMITER,
      edits: { [LIMITER]: (text: string) => text.replace('title: Limiter', 'title: [Limiter') },
      location: `${LIMITER}:3`,
      says: 'missed comma between flow collection entries',
    },
    {
      mistake: 'a broken diagram',
      file: LEDGER,
      edits: { [LEDGER]: insertBefore('## Design choices', '```mermaid\nflowchart LR\n  A --> B\n  B -->\n```\n\n') },
      location: `${LEDGER}:16`,
      says: 'mermaid diagram: the arrow "-->" at the end of this line leads nowhere.',
    },
    {
      mistake: 'a link to a page that does not exist',
      file: LEDGER,
      edits: { [LEDGER]: insertBefore('## Design choices', 'Sized by [the capacity plan](/notes/does-not-exist/).\n\n') },
      location: `${LEDGER}:13:10`,
      says: 'the link "/notes/does-not-exist/" goes to no page or file of this site.',
      fix: 'Nearest pages: /notes/ledger/, /notes/limiter/',
    },
    {
      mistake: 'a link to a heading another page does not have',
      file: LEDGER,
      edits: { [LEDGER]: insertBefore('## Design choices', 'See [buckets](/notes/limiter/#token-bucket).\n\n') },
      location: `${LEDGER}:13:5`,
      says: 'the link "/notes/limiter/#token-bucket" points at #token-bucket, which /notes/limiter/ does not have.',
      fix: 'Nearest ids there: #token-buckets',
    },
    {
      mistake: 'a link to a heading this page does not have, in JSX',
      file: LEDGER,
      edits: { [LEDGER]: insertBefore('## Design choices', 'Back to <a href="#architecture">the flow</a>.\n\n') },
      location: `${LEDGER}:13:9`,
      says: 'the link "#architecture" points at #architecture, which no heading or element of this file has.',
      fix: 'Nearest ids there: #architecture-flow',
    },
  ] as Mistake[])('$mistake', ({ file, edits, location, says, fix }) => {
    const build = buildWith(edits);
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).toContain(location);
    expect(build.output).toContain(says);
    if (fix) expect(build.output).toContain(fix);
    const named = linesNamed(build.output, file);
    expect(named.length).toBeGreaterThan(0);
    expect(Math.max(...named)).toBeLessThanOrEqual(build.lineCount(file));
  });

  it('lets good links through under a base path, and gives them the base', () => {
    const build = buildWith({}, { BASE_PATH: '/portfolio/' });
    expect(build.status, build.output).toBe(0);
    const ledger = readFileSync(join(build.site, 'dist/notes/ledger/index.html'), 'utf8');
    for (const href of [
      '#architecture-flow',
      '/portfolio/notes/limiter/#token-buckets',
      '/portfolio/#articles',
      '/portfolio/rss.xml',
      '/portfolio/resume.pdf',
      '/portfolio/notes/limiter/',
    ]) {
      expect(ledger).toContain(`href="${href}"`);
    }
  });
});
