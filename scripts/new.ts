/**
 * Starts a new content entry with every field it needs, as placeholders the
 * build refuses until they are replaced.
 *
 *   npm run new -- case-study "Event Sourced Billing"
 *   npm run new -- article "Why Idempotency Keys Expire"
 *
 * For an article it asks where the full article lives (optional: Enter for
 * none), unless --url gives it or nobody is at the terminal.
 *
 * Options: --root <folder> writes into another copy of the site (the tests use it);
 * --url <address> an article's URL.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import {
  articleTemplate,
  articleUrlProblem,
  caseStudyTemplate,
  ENTRY_FOLDERS,
  nextOrder,
  PLACEHOLDER_MARK,
  usualSections,
  slugFor,
  slugProblem,
  type EntryKind,
} from '../src/lib/scaffold.ts';

const USAGE = 'Usage: npm run new -- case-study "Title"   or   npm run new -- article "Title" [--url https://…]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string' }, url: { type: 'string' } } });
const [kind, ...titleWords] = positionals;
const title = titleWords.join(' ').trim();
if (kind !== 'case-study' && kind !== 'article') fail(`Say what to create: "case-study" or "article".\n${USAGE}`);
if (title === '') fail(`Give the title in quotes.\n${USAGE}`);

const root = resolve(values.root ?? process.cwd());
const { folder, extension } = ENTRY_FOLDERS[kind as EntryKind];
const directory = join(root, folder);
const existing = existsSync(directory) ? readdirSync(directory).filter((file) => file.endsWith(extension)) : [];
const sources = existing.map((file) => readFileSync(join(directory, file), 'utf8'));
const slug = slugFor(title);
const problem = slugProblem(
  title,
  slug,
  existing.map((file) => file.slice(0, -extension.length)),
);
if (problem) fail(problem);

const file = join(directory, `${slug}${extension}`);
const order = nextOrder(sources);
/** An article's URL: --url, else asked for at the terminal (Enter for none), else none. */
async function articleUrl(): Promise<string | undefined> {
  let url = values.url?.trim();
  if (url === undefined && process.stdin.isTTY) {
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    url = (await terminal.question('Where does the full article live? URL (optional; Enter for none): ')).trim();
    terminal.close();
  }
  const problem = articleUrlProblem(url ?? '');
  if (problem) fail(problem);
  return url || undefined;
}

const content =
  kind === 'case-study'
    ? caseStudyTemplate({ title, order, sections: usualSections(sources) })
    : articleTemplate({ title, order, url: await articleUrl() });
mkdirSync(directory, { recursive: true });
// "wx": never overwrite, even a file that appeared since the check above.
writeFileSync(file, content, { flag: 'wx' });

const shown = relative(process.cwd(), file);
const page = kind === 'case-study' ? `/case-studies/${slug}/` : `/writing/#${slug}`;
console.log(`Created ${shown} (order ${order}).`);
console.log(
  `Next: replace every ${PLACEHOLDER_MARK} in it — the build names each one left, with its line — then run \`npm run dev\` and open ${page}.`,
);
