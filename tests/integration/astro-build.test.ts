/**
 * Integration: a tiny Astro site with the diagrams integration, built by the
 * real `astro build` — once good (figures in the HTML, then a warm build with
 * no browser), once with broken diagrams (the build fails naming each file and
 * line).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroCli } from '../../../scripts/astro-cli.ts';

const ROOT = process.cwd();

const CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import diagrams from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/lib/diagrams/index.ts')).href)};
export default defineConfig({
  cacheDir: './.cache',
  integrations: [diagrams(), mdx()],
  markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] } },
});
`;

const COLLECTIONS = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  notes: defineCollection({ loader: glob({ pattern: '*.{md,mdx}', base: './content/notes' }) }),
  caseStudies: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/case-studies' }) }),
};
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';
import ArchitectureFlow from '../components/ArchitectureFlow.astro';
const notes = await getCollection('notes');
const contents = await Promise.all(notes.map(async (note) => (await render(note)).Content));
const [caseStudy] = await getCollection('caseStudies');
---
<html lang="en"><head><title>Diagrams</title></head><body>
{contents.map((Content) => <Content />)}
{caseStudy && <ArchitectureFlow caseStudy={caseStudy} />}
{caseStudy && <ArchitectureFlow caseStudy={caseStudy} />}
</body></html>
`;

const GOOD_CONTENT: Record<string, string> = {
  'content/notes/flow.md': '---\ntitle: Flow\n---\n\n## Request path\n\n```mermaid\nflowchart LR\n  client --> gateway --> service\n```\n',
  'content/notes/sequence.mdx': '---\ntitle: Sequence\n---\n\n## Check\n\n```mermaid\nsequenceDiagram\n  accTitle: The check\n  A->>B: check\n```\n',
  'content/case-studies/ledger.mdx':
    '---\ntitle: Ledger\n---\n\n## Architecture Flow\n\n```mermaid\nflowchart LR\n  command --> events --> projection\n```\n\n## Design\n\nText.\n',
};

const BROKEN_CONTENT: Record<string, string> = {
  'content/notes/broken.md': '---\ntitle: Broken\n---\n\n# Broken\n\nSome text.\n\n```mermaid\nflowchart LR\n  A --> B\n  B -->\n```\n',
  'content/notes/empty.mdx': '---\ntitle: Empty\n---\n\n## Empty\n\n```mermaid\n```\n',
  'content/notes/unknown.md': '---\ntitle: Unknown\n---\n\nIntro.\n\n```mermaid\nnotADiagram\n  A --> B\n```\n',
  'content/case-studies/no-flow.mdx': '---\ntitle: No flow\n---\n\n## Overview\n\nNo diagram here.\n',
};

/** The real component, pointed at the real pipeline (Astro will not compile a component from outside the site's root). */
const COMPONENT = readFileSync(join(ROOT, 'src/components/ArchitectureFlow.astro'), 'utf8').replace(
  "'../lib/diagrams/index.ts'",
  JSON.stringify(join(ROOT, 'src/lib/diagrams/index.ts')),
);

function writeSite(directory: string, content: Record<string, string>) {
  const files = {
    'astro.config.mjs': CONFIG,
    'src/content.config.ts': COLLECTIONS,
    'src/pages/index.astro': PAGE,
    'src/components/ArchitectureFlow.astro': COMPONENT,
    ...content,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
}

function build(directory: string) {
  const result = spawnSync(process.execPath, [astroCli, 'build', '--root', directory], {
    encoding: 'utf8',
    timeout: 110_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function newSite(content: Record<string, string>) {
  const directory = mkdtempSync(join(tmpdir(), 'diagrams-site-'));
  symlinkSync(join(ROOT, 'node_modules'), join(directory, 'node_modules'), 'dir');
  writeSite(directory, content);
  return directory;
}

describe('astro build with diagrams', { timeout: 240_000 }, () => {
  describe('a good site', () => {
    const site = newSite(GOOD_CONTENT);
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
      expect(second.output).toContain('0 rendered, 3 from cache, browser started 0 time(s)');
      expect(readFileSync(join(site, 'dist/index.html'), 'utf8')).toBe(html);
    });
  });

  describe('a site with broken diagrams', () => {
    const site = newSite({ ...GOOD_CONTENT, ...BROKEN_CONTENT });
    let result: ReturnType<typeof build>;

    beforeAll(() => {
      rmSync(join(site, 'dist'), { recursive: true, force: true });
      result = build(site);
    }, 120_000);

    it('fails', () => {
      expect(result.status).not.toBe(0);
    });

    it.each([
      ['a diagram Mermaid cannot parse', 'content/notes/broken.md:12: mermaid diagram (fence at line 9, diagram line 3):', "Expecting 'AMP'"],
      ['an empty fence', 'content/notes/empty.mdx:7: mermaid diagram (fence at line 7):', 'The ```mermaid fence is empty.'],
      ['an unknown diagram type', 'content/notes/unknown.md:8: mermaid diagram (fence at line 7, diagram line 1):', 'Unknown diagram type "notADiagram"'],
      ['a case study without its Architecture Flow', 'content/case-studies/no-flow.mdx:1: This case study has no Architecture Flow diagram', ''],
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
