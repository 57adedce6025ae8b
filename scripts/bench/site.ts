/**
 * The bench's sites (npm run bench): this project's site copied, and generated
 * sites of N case studies × 2 diagrams, each writable with its diagrams or
 * without them (fences as plain text), in a temp folder of its own.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatOf, mermaidFences, parseDocument } from '../../src/lib/diagrams/testing.ts';
import { copyProjectSite } from '../site-copy.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/diagrams');

/** Every fixture but `info` (which has no content to speak of), in a stable order. */
const FIXTURE_SOURCES = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.mmd') && name !== 'info.mmd')
  .sort()
  .map((name) => readFileSync(join(FIXTURES, name), 'utf8').trimEnd());

/**
 * An Architecture Flow of its own per study, so no two studies share a diagram,
 * in turn one of three shapes that each need another of the forms a phone gets
 * (src/lib/diagrams/forms/): drawn left to right (the compact form, top to
 * bottom), with long labels beside a group (the ELK form, labels wrapped), and
 * wide at every rank (the left-to-right form for a desktop, the overview for a phone).
 */
function architectureFlow(study: number): string {
  const shapes = [
    [
      'flowchart LR',
      `  clients["Clients of service ${study}"] --> gateway["Gateway ${study}"]`,
      `  subgraph core["Service ${study}"]`,
      `    api["API ${study}"] --> worker["Worker ${study}"]`,
      '  end',
      '  gateway --> api',
      `  worker -->|"writes ${study}"| store[("Store ${study}")]`,
      `  worker -.->|"events"| bus["Event bus ${study}"]`,
    ],
    [
      'flowchart TB',
      `  clients["Clients of service ${study}"] --> edge["Edge routing for every region"]`,
      `  edge -->|"nearest region"| gateway`,
      `  subgraph region["Region ${study}, built like every other region"]`,
      `    gateway["API gateway"] -->|"check"| limiter["Request limiter"]`,
      '    gateway -->|"allow"| api["Core service APIs"]',
      '    limiter -->|"script"| store[("Shared counter store")]',
      '  end',
      `  limiter -.->|"usage summaries"| sync["Usage sync ${study}"]`,
      '  sync <-.->|"summaries both ways"| others["Every other region"]',
    ],
    [
      'flowchart TB',
      `  clients["API clients ${study}"] --> facade["Routing facade"]`,
      '  facade -->|"commands"| cmd["Command handlers"]',
      '  facade -->|"queries"| query["Query API"]',
      '  subgraph write["Write side"]',
      '    cmd -->|"append"| log[("Event store and outbox")]',
      '    log --> relay["Outbox relay"]',
      '  end',
      '  subgraph read["Read side"]',
      '    bus["Event bus"] --> proj["Projections"]',
      '    proj --> views[("Read models")]',
      '    query --> views',
      '  end',
      '  relay --> bus',
      '  facade -.->|"not migrated"| legacy["Legacy monolith"]',
      '  legacy -.->|"change capture"| acl["Anti-corruption layer"]',
      '  acl -.->|"imports"| log',
      '  bus -.->|"sync back"| legacy',
    ],
  ];
  return (shapes[study % shapes.length] ?? []).join('\n');
}

/** The study's second diagram: one of the fixture types in turn, made unique by a comment. */
function secondDiagram(study: number): string {
  const source = FIXTURE_SOURCES[study % FIXTURE_SOURCES.length] ?? '';
  return `${source}\n%% study ${study}`;
}

function diagramsOf(size: number): string[] {
  return Array.from({ length: size }, (_, study) => [architectureFlow(study), secondDiagram(study)]).flat();
}

function studyFile(study: number, withDiagrams: boolean): string {
  const fence = (source: string) => (withDiagrams ? `\`\`\`mermaid\n${source}\n\`\`\`` : 'A paragraph where the diagram would be.');
  return [
    '---',
    `title: Case study ${study}`,
    '---',
    '',
    '## Architecture Flow',
    '',
    fence(architectureFlow(study)),
    '',
    '## Design',
    '',
    `Case study ${study} explains its design in a few paragraphs of prose, as the real ones do.`,
    '',
    fence(secondDiagram(study)),
    '',
    'And closes with what was traded and why.',
    '',
  ].join('\n');
}

function writeSite(directory: string, size: number, withDiagrams: boolean): void {
  const integration = pathToFileURL(join(ROOT, 'src/lib/diagrams/index.ts')).href;
  const files: Record<string, string> = {
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import diagrams from ${JSON.stringify(integration)};
export default defineConfig({
  cacheDir: './.cache',
  integrations: [diagrams({ caseStudyDirs: [] }), mdx()],
  markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] } },
});
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { studies: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/studies' }) }) };
`,
    'src/pages/[slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('studies')).map((study) => ({ params: { slug: study.id }, props: { study } }));
}
const { Content } = await render(Astro.props.study);
---
<html lang="en"><head><title>{Astro.props.study.id}</title></head><body><main><Content /></main></body></html>
`,
  };
  rmSync(join(directory, 'content'), { recursive: true, force: true });
  for (let study = 0; study < size; study += 1) files[`content/studies/study-${study}.mdx`] = studyFile(study, withDiagrams);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
}

/** A site to measure: where it is, its diagrams, and how to write it with or without them. */
export interface BenchSite {
  directory: string;
  diagrams: string[];
  write(withDiagrams: boolean): void;
}

export function withTempSite<T>(name: string, use: (directory: string) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), `bench-diagrams-${name}-`));
  symlinkSync(join(ROOT, 'node_modules'), join(directory, 'node_modules'), 'dir');
  return use(directory).finally(() => rmSync(directory, { recursive: true, force: true }));
}

export function generatedSite(directory: string, size: number): BenchSite {
  return { directory, diagrams: diagramsOf(size), write: (withDiagrams) => writeSite(directory, size, withDiagrams) };
}

const MERMAID_FENCE = /^(`{3,}|~{3,})mermaid\b[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;

/**
 * This site, copied: its own cache folder (the copy's node_modules is the
 * project's), and for the no-diagram build, its fences turned into a paragraph,
 * its Architecture Flow cards empty and the rule that requires them off.
 */
export function thisSite(directory: string): BenchSite {
  copyProjectSite(directory);
  const config = readFileSync(join(directory, 'astro.config.mjs'), 'utf8');
  const card = readFileSync(join(ROOT, 'src/components/ArchitectureFlow.astro'), 'utf8');
  const contentFiles = readdirSync(join(ROOT, 'content'), { recursive: true })
    .map(String)
    .filter((path) => /\.mdx?$/.test(path))
    .map((path) => ({ path: join('content', path), text: readFileSync(join(ROOT, 'content', path), 'utf8') }));
  const diagrams = contentFiles.flatMap(({ path, text }) =>
    mermaidFences(parseDocument(text, formatOf(path))).map((fence) => fence.source),
  );
  return {
    directory,
    diagrams,
    write(withDiagrams) {
      const files: Record<string, string> = {
        'astro.config.mjs': withDiagrams ? config : config.replace('diagrams()', 'diagrams({ caseStudyDirs: [] })'),
        'src/components/ArchitectureFlow.astro': withDiagrams ? card : '---\n---\n',
      };
      for (const { path, text } of contentFiles) {
        files[path] = withDiagrams ? text : text.replace(MERMAID_FENCE, 'A paragraph where the diagram would be.');
      }
      for (const [path, text] of Object.entries(files)) writeFileSync(join(directory, path), text);
    },
  };
}
