/**
 * Values in src/site.config.ts that stand in for the author's own (an
 * example.com address, "your-handle"): right while the site is being made,
 * wrong once it is live. A build lists them in one warning; a production
 * deploy (PORTFOLIO_DEPLOY=production, set by .github/workflows/deploy.yml)
 * refuses to go on while any remain.
 */
import type { SiteConfig } from './schema.ts';
import { lineOfPath, SITE_CONFIG_FILE } from './source.ts';

export interface Placeholder {
  /** The field, e.g. "social.0.href". */
  path: string;
  value: string;
  /** 1-based, in src/site.config.ts. */
  line: number | undefined;
}

/** Set in the deploy workflow's environment: a build for production refuses placeholders. */
export const DEPLOY_ENV = 'PORTFOLIO_DEPLOY';

const PLACEHOLDER_VALUE = [
  // The domains reserved for examples (RFC 2606): example.com/.net/.org and any *.example.
  /(?:^|[@./])example\.(?:com|net|org)(?:[/:]|$)/i,
  /\.example(?:[/:]|$)/i,
  /\byour[-_]?(?:handle|name|username|domain)\b/i,
  /\bPLACEHOLDER\b|\bTODO\b/,
];

export const isPlaceholderValue = (value: string) => PLACEHOLDER_VALUE.some((pattern) => pattern.test(value));

function* strings(value: unknown, path: string[]): Generator<{ path: string[]; value: string }> {
  if (typeof value === 'string') yield { path, value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, [...path, String(index)]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

/**
 * Every placeholder value the built site would show. `siteUrl` is the origin
 * the build uses when it is not the config's (SITE_URL): then the config's
 * `url` is not what goes live.
 */
export function findPlaceholders(site: SiteConfig, source: string, siteUrl?: string): Placeholder[] {
  const effective = siteUrl ? { ...site, url: siteUrl } : site;
  return [...strings(effective, [])]
    .filter(({ value }) => isPlaceholderValue(value))
    .map(({ path, value }) => ({ path: path.join('.'), value, line: lineOfPath(source, path) }));
}

/** One message, a line per placeholder: the file and line, the field and its value. */
export function placeholderReport(placeholders: readonly Placeholder[]): string {
  const lines = placeholders.map(
    ({ path, value, line }) => `  ${SITE_CONFIG_FILE}${line ? `:${line}` : ''}  ${path}: ${JSON.stringify(value)}`,
  );
  return [
    `${SITE_CONFIG_FILE} still holds ${placeholders.length} placeholder value${placeholders.length === 1 ? '' : 's'}; replace ${placeholders.length === 1 ? 'it' : 'them'} with your own before going live (a production deploy refuses them):`,
    ...lines,
  ].join('\n');
}
