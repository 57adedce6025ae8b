/**
 * Starts a new content entry with every field it needs, as placeholders the
 * build refuses until they are replaced.
 *
 *   npm run new -- case-study "Event Sourced Billing"
 *   npm run new -- article "Why Idempotency Keys Expire"
 *
 * Options: --root <folder> writes into another copy of the site (the tests use it).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  articleTemplate,
  caseStudyTemplate,
  ENTRY_FOLDERS,
  nextOrder,
  PLACEHOLDER_MARK,
  usualSections,
  slugFor,
  slugProblem,
  type EntryKind,
} from '../src/lib/scaffold.ts';

const USAGE = 'Usage: npm run new -- case-study "Title"   or   npm run new -- article "Title"';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string' } } });
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
const problem = slugProblem(title, slug, existing.map((file) => file.slice(0, -extension.length)));
if (problem) fail(problem);

const file = join(directory, `${slug}${extension}`);
const order = nextOrder(sources);
const content = kind === 'case-study' ? caseStudyTemplate({ title, order, sections: usualSections(sources) }) : articleTemplate({ title, order });
mkdirSync(directory, { recursive: true });
// "wx": never overwrite, even a file that appeared since the check above.
writeFileSync(file, content, { flag: 'wx' });

const shown = relative(process.cwd(), file);
const page = kind === 'case-study' ? `/case-studies/${slug}/` : `/writing/#${slug}`;
console.log(`Created ${shown} (order ${order}).`);
console.log(
  `Next: replace every ${PLACEHOLDER_MARK} in it — the build names each one left, with its line — then run \`npm run dev\` and open ${page}.`,
);
