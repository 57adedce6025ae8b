/**
 * `npm run new`: the text of a new case study or article summary. Every field
 * the schema requires is there, holding a placeholder the schema rejects
 * (src/lib/schemas.ts), so a half-written entry stops the build with its file
 * and line until each one is replaced. Pure; scripts/new.ts does the I/O.
 */
import { TOPIC_IDS } from './topics.ts';

/** Marks text `npm run new` wrote for the author to replace. */
export const PLACEHOLDER_MARK = 'TODO';

/** True for text that still starts with the placeholder mark. */
export const isPlaceholder = (text: string) => new RegExp(`^${PLACEHOLDER_MARK}\\b`).test(text.trim());

export type EntryKind = 'case-study' | 'article';

export const ENTRY_FOLDERS: Record<EntryKind, { folder: string; extension: string }> = {
  'case-study': { folder: 'content/case-studies', extension: '.mdx' },
  article: { folder: 'content/articles', extension: '.md' },
};

/** Slugs that would collide with a page of the site rather than name an entry. */
const RESERVED_SLUGS = new Set(['index']);

/** "Event Sourced Billing" → "event-sourced-billing"; the file name, and so the URL. */
export function slugFor(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Why a slug cannot be used, or undefined when it can. `taken` lists the slugs of the existing entries. */
export function slugProblem(title: string, slug: string, taken: readonly string[]): string | undefined {
  if (slug === '')
    return `The title ${JSON.stringify(title)} has no letters or digits to make a file name from: give a title with words in it.`;
  if (RESERVED_SLUGS.has(slug))
    return `The title ${JSON.stringify(title)} makes the slug "${slug}", which a page of the site already uses: choose another title.`;
  if (taken.includes(slug)) return `An entry with the slug "${slug}" already exists: choose another title, or edit that file.`;
  return undefined;
}

/** One more than the highest `order:` among the existing entries' frontmatter. */
export function nextOrder(sources: readonly string[]): number {
  const orders = sources.map((source) => Number(/^order:\s*(\d+)\s*$/m.exec(source.split(/^---\s*$/m)[1] ?? '')?.[1] ?? 0));
  return Math.max(0, ...orders) + 1;
}

/** The `## ` headings most existing case studies use (more than half of them), in the order they first appear. */
export function usualSections(sources: readonly string[]): string[] {
  const headingLists = sources.map((source) => [...source.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim()));
  const inOrder = [...new Set(headingLists.flat())];
  return inOrder.filter((heading) => headingLists.filter((headings) => headings.includes(heading)).length * 2 > sources.length);
}

const ARCHITECTURE_FLOW = 'Architecture Flow';
/** For a site with no case study yet to take the sections from. */
const DEFAULT_SECTIONS = [
  ARCHITECTURE_FLOW,
  'How it works',
  'Failure modes and recovery',
  'Scaling',
  'What was traded and why',
  'What I would revisit',
];

const text = (value: string) => JSON.stringify(value);
const todo = (hint: string) => text(`${PLACEHOLDER_MARK}: ${hint}`);
const topicsLine = `topics: [${PLACEHOLDER_MARK}]   # one or more of: ${TOPIC_IDS.join(', ')}`;

export function caseStudyTemplate(options: { title: string; order: number; sections: readonly string[] }): string {
  const sections = options.sections.length > 0 ? options.sections : DEFAULT_SECTIONS;
  const body = sections
    .filter((heading) => heading !== ARCHITECTURE_FLOW)
    .map((heading) => `## ${heading}\n\n${PLACEHOLDER_MARK}: write this section.\n`);
  const accTitle = options.title.replace(/\s+/g, ' ');
  return [
    '---',
    `title: ${text(options.title)}`,
    `summary: ${todo('one or two sentences: what you built and why it mattered (shown on the home page).')}`,
    `challenge: ${todo('the problem, in one sentence.')}`,
    'constraints:',
    `  - ${todo('a constraint, in a few words')}`,
    `decision: ${todo('the key design decision, in one sentence.')}`,
    `tradeOff: ${todo('what you gave up for it, in one sentence.')}`,
    `guarantees: ${todo('what the design guarantees, in exact terms, e.g. ordering: per key; delivery: at least once.')}`,
    `role: ${todo('your part in it, e.g. Built the architecture end to end.')}`,
    'stack:',
    `  - ${todo('a technology')}`,
    `order: ${options.order}`,
    topicsLine,
    '---',
    '',
    `## ${ARCHITECTURE_FLOW}`,
    '',
    '```mermaid',
    'flowchart LR',
    `  accTitle: ${accTitle} architecture flow`,
    `  accDescr: ${PLACEHOLDER_MARK} say in a few sentences what the diagram shows, for readers who cannot see it.`,
    '  client["Client"] e1@--> service["Service"]',
    '  service e2@--> store[("Store")]',
    // The main path, in the accent colour and on the link-preview card (docs/diagrams.md); the class is
    // diagrams/mermaid/main-path.ts's, written out so `npm run new` does not load the pipeline (scaffold.test.ts ties them).
    '  class client,service,store,e1,e2 mainPath',
    '```',
    '',
    `${PLACEHOLDER_MARK}: one paragraph on the shape of the system and each part's job.`,
    '',
    ...body,
  ].join('\n');
}

/** An article's address as `npm run new` takes it: empty is none (the summary stands alone); anything else must be an http(s) URL. */
export function articleUrlProblem(url: string): string | undefined {
  if (url === '') return undefined;
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)
    ? undefined
    : `"${url}" is not an http(s) URL: give the full address (https://…), or none.`;
}

export function articleTemplate(options: { title: string; order: number; url?: string | undefined }): string {
  return [
    '---',
    `title: ${text(options.title)}`,
    `summary: ${todo('what the article argues, in two or three whole sentences.')}`,
    topicsLine,
    `order: ${options.order}   # 1 is the newest, and the home page shows the first few: renumber to move it up`,
    options.url ? `url: ${text(options.url)}   # the title links here` : '# url: https://…   # optional: where the full article lives',
    '---',
    '',
  ].join('\n');
}
