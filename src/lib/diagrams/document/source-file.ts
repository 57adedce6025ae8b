/**
 * From a collection entry's body back to its file: Astro hands the body over
 * without its front matter, and error messages must name file lines.
 */
import { readFileSync } from 'node:fs';

const linesBefore = (text: string, index: number) => text.slice(0, index).split('\n').length - 1;

/**
 * How many lines of `file` are missing before `body` (MDX keeps the front
 * matter's lines, blanked; Markdown drops them). Adding them back makes error
 * lines file lines; an unreadable file adds none.
 */
export function bodyLineOffset(file: string, body: string): number {
  try {
    const text = readFileSync(file, 'utf8');
    const content = body.trimStart();
    const start = text.indexOf(content.slice(0, 200));
    if (start < 0) return 0;
    return Math.max(0, linesBefore(text, start) - linesBefore(body, body.length - content.length));
  } catch {
    return 0;
  }
}
