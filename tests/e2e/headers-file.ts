/**
 * Reads the built `_headers` file (Netlify / Cloudflare Pages format) so the
 * tests can serve pages with the headers a host would send: the preview
 * server sends none of them.
 */
import { readFileSync } from 'node:fs';

interface HeaderRule {
  path: RegExp;
  headers: Record<string, string>;
}

function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (line.startsWith('/')) {
      const pattern = line
        .trim()
        .split('*')
        .map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
        .join('.*');
      rules.push({ path: new RegExp(`^${pattern}$`), headers: {} });
      continue;
    }
    const header = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule) throw new Error(`_headers: cannot read the line "${line}"`);
    rule.headers[header[1]!.toLowerCase()] = header[2]!;
  }
  return rules;
}

/** The headers of every rule whose path matches, as a host combines them. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => rule.path.test(pathname)).map((rule) => rule.headers));
}

export const builtHeaders = parseHeadersFile(readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8'));
