/**
 * A tiny Astro site with the diagrams integration (tests/fixtures/sites/diagrams),
 * built by the real `astro build` — once good (figures in the HTML, then a warm build with
 * no browser), once with broken diagrams (the build fails naming each file and
 * line).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroCli } from '../../scripts/astro-cli.ts';

const ROOT = process.cwd();

/** The good site; the broken one is the same site with tests/fixtures/sites/diagrams-broken laid over it. */
const FIXTURES = join(ROOT, 'tests/fixtures/sites');

/**
 * A fresh copy of the fixture sites named, each laid over the one before, in
 * a temporary folder: the project's node_modules and src/lib linked in, and
 * its real ArchitectureFlow component copied (Astro will not compile a
 * component from outside the site's root).
 */
function newSite(...fixtures: string[]) {
  const directory = mkdtempSync(join(tmpdir(), 'diagrams-site-'));
  for (const fixture of fixtures) cpSync(join(FIXTURES, fixture), directory, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(directory, 'node_modules'), 'dir');
  symlinkSync(join(ROOT, 'src/lib'), join(directory, 'src/lib'), 'dir');
  mkdirSync(join(directory, 'src/components'), { recursive: true });
  copyFileSync(join(ROOT, 'src/components/ArchitectureFlow.astro'), join(directory, 'src/components/ArchitectureFlow.astro'));
  return directory;
}

function build(directory: string) {
  const result = spawnSync(process.execPath, [astroCli, 'build', '--root', directory], {
    encoding: 'utf8',
    timeout: 110_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('astro build with diagrams', { timeout: 240_000 }, () => {
  describe('a good site', () => {
    const site = newSite('diagrams');
    let first: ReturnType<typeof build>;
    let html = '';

    beforeAll(() => {
      first = build(site);
      html = readFileSync(join(site, 'dist/index.html'), 'utf8');
    }, 120_000);

    it('builds, turning every fence into a figure', () => {
      expect(first.output).not.toMatch(/\[ERROR\]/);
      expect(first.status).toBe(0);
      expect(html.match(/<figure class="diagram/g)).toHaveLength(4);
      expect(html).not.toContain('language-mermaid');
      expect(html).toContain('aria-labelledby');
      expect(html).toContain('>The check</title>');
    });

    it('keeps every id unique, with the Architecture Flow shown twice', () => {
      const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    });

    it('rebuilds from the cache without starting a browser, to the same bytes', () => {
      expect(first.output).toContain('browser started 1 time(s)');
      const second = build(site);
      expect(second.status).toBe(0);
      // Every drawing the first build made, the forms the phone needs included, read from the cache.
      const drawn = /(\d+) rendered, 0 from cache/.exec(first.output)?.[1];
      expect(Number(drawn)).toBeGreaterThan(3);
      expect(second.output).toContain(`0 rendered, ${drawn} from cache, browser started 0 time(s)`);
      expect(readFileSync(join(site, 'dist/index.html'), 'utf8')).toBe(html);
    });
  });

  describe('a site with broken diagrams', () => {
    const site = newSite('diagrams', 'diagrams-broken');
    let result: ReturnType<typeof build>;

    beforeAll(() => {
      // Past Mermaid's maxTextSize (50,000 characters), which it would draw as a box saying so; written here, not kept as a 60 KB fixture.
      const stages = Array.from({ length: 1400 }, (_, index) => `  n${index}["Stage ${index} of the pipeline"] --> n${index + 1}\n`).join(
        '',
      );
      writeFileSync(
        join(site, 'content/notes/too-large.md'),
        `---\ntitle: Too large\n---\n\n\`\`\`mermaid\nflowchart LR\n${stages}\`\`\`\n`,
      );
      rmSync(join(site, 'dist'), { recursive: true, force: true });
      result = build(site);
    }, 120_000);

    it('fails', () => {
      expect(result.status).not.toBe(0);
    });

    it.each([
      [
        'a diagram Mermaid cannot parse',
        'content/notes/broken.md:12: mermaid diagram: the arrow "-->" at the end of this line leads nowhere.',
        'Fix: write the node it goes to after it',
      ],
      ['an empty fence', 'content/notes/empty.mdx:7: mermaid diagram:', 'The ```mermaid fence is empty.'],
      [
        'an unknown diagram type',
        'content/notes/unknown.md:8: mermaid diagram: "notADiagram" is not a diagram type Mermaid knows.',
        'Fix: start the diagram with its type',
      ],
      [
        'a case study without its Architecture Flow',
        'content/case-studies/no-flow.mdx:1: This case study has no Architecture Flow diagram',
        '',
      ],
      ["a diagram past Mermaid's size limit", 'content/notes/too-large.md:5: mermaid diagram:', 'Split it into smaller diagrams'],
      ["Mermaid's error picture", 'content/notes/error-glyph.mdx:8: mermaid diagram:', 'Replace it with the diagram you mean'],
      ['an unknown icon', 'content/notes/unknown-icon.md:8: mermaid diagram:', 'Unknown icon "logos:no-such-logo"'],
      [
        'a main path longer than a link-preview card draws',
        'content/case-studies/long-path.mdx:15: mermaid diagram: The main path marks 7 boxes (a, b, c, d, e, f, g); a link-preview card draws at most 6.',
        'Fix: keep the 6 or fewer a reader follows first',
      ],
      [
        'a main path that branches',
        'content/case-studies/split-path.mdx:12: mermaid diagram: The main path branches at "Gateway" (b): marked edges go on to c and d.',
        'Fix: a card draws one chain, first box to last',
      ],
    ])('names the file and line of %s, with the reason', (_problem, location, reason) => {
      expect(result.output).toContain(location);
      expect(result.output).toContain(reason);
    });

    it('prints no stack trace', () => {
      expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(result.output).not.toContain('Stack trace');
    });
  });
});
