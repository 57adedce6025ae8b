/**
 * The TODO placeholders `npm run new` writes, as an Astro integration:
 *
 * - `npm run build` stops before anything is built while any are left in the
 *   content folders, frontmatter or body, naming each one's file and line,
 *   all at once: a half-written page cannot ship.
 * - `npm run dev` shows them (the draft schemas let them through, and the page
 *   lists them, src/components/PlaceholderBanner.astro), and connects the
 *   overlay that shows frontmatter errors in the browser (content-overlay.ts).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath } from './content-error.ts';
import { connectContentOverlay } from './content-overlay.ts';
import { findPlaceholders, type Placeholder } from './placeholders.ts';

export interface PlaceholderCheckOptions {
  /** Folders (relative to the project root) whose Markdown/MDX is checked. Default: ["content"]. */
  contentDirs?: string[];
}

const HINT = 'Replace each one with your own words (`npm run dev` shows the page, with them listed on it), then build again.';

class PlaceholderError extends Error {
  override readonly name = 'PlaceholderError';
  /** The first one: where the overlay and an editor jump to. */
  readonly loc: { file: string; line: number; column: number };
  readonly hint = HINT;

  constructor(found: readonly { file: string; placeholder: Placeholder }[], root: string) {
    const lines = found.map(
      ({ file, placeholder }) =>
        `${displayPath(file, root)}:${placeholder.line}  ${placeholder.field ? `${placeholder.field}: ` : ''}${placeholder.text}`,
    );
    const count = found.length === 1 ? 'A TODO placeholder' : `${found.length} TODO placeholders`;
    super(`${count} from \`npm run new\` ${found.length === 1 ? 'is' : 'are'} still in the content:\n${lines.join('\n')}`);
    const first = found[0]!;
    this.loc = { file: first.file, line: first.placeholder.line, column: 1 };
    this.stack = '';
  }
}

function contentFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Every placeholder left in these folders' Markdown and MDX, or undefined when there is none. */
function placeholderError(contentDirs: readonly string[], root: string): PlaceholderError | undefined {
  const found = contentDirs
    .flatMap(contentFiles)
    .flatMap((file) => findPlaceholders(readFileSync(file, 'utf8')).map((placeholder) => ({ file, placeholder })));
  return found.length === 0 ? undefined : new PlaceholderError(found, root);
}

/** The project root, for the pages: an entry's filePath is relative to it (`--root` need not be the working directory). */
const ROOT = Symbol.for('portfolio.placeholders.root');
type RootGlobal = typeof globalThis & { [ROOT]?: string };

/** A content entry's placeholders (its `filePath`, relative to the project root), and the file as the author's editor names it. */
export function entryPlaceholders(filePath: string | undefined): { file: string; placeholders: Placeholder[] } {
  if (!filePath) return { file: '', placeholders: [] };
  const root = (globalThis as RootGlobal)[ROOT] ?? process.cwd();
  const file = resolve(root, filePath);
  return { file: displayPath(file, root), placeholders: existsSync(file) ? findPlaceholders(readFileSync(file, 'utf8')) : [] };
}

export default function placeholderCheck(options: PlaceholderCheckOptions = {}): AstroIntegration {
  let command = 'build';
  let root = process.cwd();
  return {
    name: 'portfolio:placeholders',
    hooks: {
      'astro:config:setup': ({ config, command: astroCommand }) => {
        command = astroCommand;
        root = fileURLToPath(config.root);
        (globalThis as RootGlobal)[ROOT] = root;
      },
      'astro:config:done': () => {
        if (command !== 'build') return;
        const error = placeholderError(
          (options.contentDirs ?? ['content']).map((directory) => resolve(root, directory)),
          root,
        );
        if (error) throw error;
      },
      'astro:server:setup': ({ server }) => connectContentOverlay(server),
    },
  };
}
