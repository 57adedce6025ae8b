/**
 * Where a value of src/site.config.ts is written: the line a message points
 * the author to. Read from the file's text, so it needs no parser; a path it
 * cannot follow gives no line rather than a wrong one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeRegExp } from '../regexp.ts';

export const SITE_CONFIG_FILE = 'src/site.config.ts';

/** The config's source, read from the project folder (every npm script runs there); empty when it cannot be read. */
export function readConfigSource(root = process.cwd()): string {
  try {
    return readFileSync(join(root, SITE_CONFIG_FILE), 'utf8');
  } catch {
    return '';
  }
}

/**
 * The 1-based line of a value at `path` (e.g. ["social", "1", "href"]) in the
 * object literal the config exports: each key is looked for after the last
 * one found, each array index counts the array's entries by their opening
 * brace or quote. Good enough for a config written one field a line.
 */
export function lineOfPath(source: string, path: readonly string[]): number | undefined {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => /export const site\b/.test(line));
  if (start < 0) return undefined;
  let at = start;
  for (const segment of path) {
    if (/^\d+$/.test(segment)) {
      // The n-th entry of the array that opened on line `at`: count lines that open an entry at the array's depth + 1.
      const indent = /^\s*/.exec(lines[at] ?? '')![0].length;
      let seen = -1;
      let found: number | undefined;
      for (let index = at + 1; index < lines.length; index++) {
        const line = lines[index]!;
        const lineIndent = /^\s*/.exec(line)![0].length;
        if (line.trim() === '' || line.trim().startsWith('//')) continue;
        if (lineIndent <= indent) break;
        if (lineIndent === indent + 2 && /^\s*[{'"`]/.test(line)) seen += 1;
        if (seen === Number(segment)) {
          found = index;
          break;
        }
      }
      if (found === undefined) return at + 1;
      at = found;
      continue;
    }
    const key = new RegExp(`(?:^|[{,\\s])${escapeRegExp(segment)}\\s*:`);
    let found: number | undefined;
    for (let index = at; index < lines.length; index++) {
      if (key.test(lines[index]!)) {
        found = index;
        break;
      }
    }
    if (found === undefined) return path.indexOf(segment) === 0 ? undefined : at + 1;
    at = found;
  }
  return at + 1;
}
