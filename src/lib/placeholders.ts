/**
 * Where the TODO placeholders `npm run new` writes (src/lib/scaffold.ts) are
 * still left in an entry: in its frontmatter, and in its body — a paragraph
 * or list item that starts with TODO, or a diagram's accTitle/accDescr. Code
 * samples are not looked in: a `// TODO` there is the author's own.
 *
 * `npm run dev` lists them on the page (src/components/PlaceholderBanner.astro);
 * the build refuses an entry that has any (src/lib/placeholder-check.ts).
 */
import { isPlaceholder, PLACEHOLDER_MARK } from './scaffold.ts';

export interface Placeholder {
  /** 1-based line in the file. */
  line: number;
  /** The frontmatter field ("summary", "stack"), or undefined in the body. */
  field: string | undefined;
  /** The placeholder's text, as written. */
  text: string;
}

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w-]*)/;
const MARKERS = /^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)?/;
const DIAGRAM_TEXT = /^\s*(?:accTitle|accDescr)\s*:\s*(.*)$/;

const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, '$2');

/** The placeholders of one frontmatter line: `key: value`, `- item` or `key: [a, b]`. */
function frontmatterPlaceholders(text: string, field: string | undefined, line: number): Placeholder[] {
  const value = text.replace(/^\s*(?:[A-Za-z_][\w-]*\s*:|-)\s*/, '');
  // A comment after an unquoted value is not part of it.
  const withoutComment = /^["']/.test(value) ? value : value.replace(/\s+#.*$/, '');
  const values = /^\[.*\]$/.test(withoutComment.trim()) ? withoutComment.trim().slice(1, -1).split(',') : [withoutComment];
  return values
    .map(unquote)
    .filter(isPlaceholder)
    .map((placeholder) => ({ line, field, text: placeholder }));
}

export function findPlaceholders(source: string): Placeholder[] {
  if (!source.includes(PLACEHOLDER_MARK)) return [];
  const lines = source.split(/\r?\n/);
  const found: Placeholder[] = [];
  let index = 0;
  if (lines[0]?.trim() === '---') {
    let field: string | undefined;
    for (index = 1; index < lines.length && lines[index]!.trim() !== '---'; index++) {
      const text = lines[index]!;
      field = /^([A-Za-z_][\w-]*)\s*:/.exec(text)?.[1] ?? field;
      found.push(...frontmatterPlaceholders(text, field, index + 1));
    }
    index += 1;
  }
  let fence: { marker: string; mermaid: boolean } | undefined;
  for (; index < lines.length; index++) {
    const text = lines[index]!;
    const opening = FENCE.exec(text);
    if (fence) {
      if (opening && opening[1]!.startsWith(fence.marker) && opening[2] === '') fence = undefined;
      else if (fence.mermaid) {
        const value = DIAGRAM_TEXT.exec(text)?.[1];
        if (value !== undefined && isPlaceholder(value)) found.push({ line: index + 1, field: undefined, text: text.trim() });
      }
      continue;
    }
    if (opening) {
      fence = { marker: opening[1]!, mermaid: opening[2] === 'mermaid' };
      continue;
    }
    if (isPlaceholder(text.replace(MARKERS, ''))) found.push({ line: index + 1, field: undefined, text: text.trim() });
  }
  return found;
}
