/**
 * The Content-Security-Policy, and the `_headers` file that carries it with
 * the other security headers.
 *
 * Astro writes the policy into every page as a meta tag (`security.csp`),
 * hashing the scripts and styles it bundles. The policy also goes out as a
 * header, because `frame-ancestors` only works there; `public/_headers` holds
 * the headers that never change, and at the end of the build
 * `securityHeaders()` appends the pages' policy to its CSP line, so the header
 * and the meta tags can never disagree.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { decodeEntities } from './html.ts';
import { themeScript } from './theme-script.ts';

type CspConfig = Exclude<AstroConfig['security']['csp'], boolean>;

export function sha256Source(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

export const csp = {
  algorithm: 'SHA-256',
  directives: ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
  // Scripts: only files from this origin and the inline scripts Astro hashes,
  // plus the theme script that BaseLayout inlines by hand. Never 'unsafe-inline'.
  scriptDirective: { hashes: [sha256Source(themeScript)] },
  styleDirective: {
    resources: [
      // Diagrams are inline SVG with their own <style> elements, one per
      // diagram; styles cannot run code, so they are allowed inline.
      { resource: "'self'", kind: 'element' },
      { resource: "'unsafe-inline'", kind: 'element' },
      // Shiki colours code with style attributes (and diagrams size themselves with one).
      { resource: "'unsafe-inline'", kind: 'attribute' },
    ],
  },
} satisfies CspConfig;

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** The policy a built page carries in its meta tag, if any. */
export function metaPolicy(html: string): string | undefined {
  const policy = CSP_META.exec(html)?.[1];
  return policy === undefined ? undefined : decodeEntities(policy);
}

/** Directive name → its sources, in first-seen order. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/).filter(Boolean);
    if (name) directives.set(name, [...new Set([...(directives.get(name) ?? []), ...sources])]);
  }
  return directives;
}

/**
 * One policy allowing what each page's policy allows. Pages normally share one
 * policy; a page that registers an extra hash adds it here, since a header
 * rule in `_headers` applies to every page.
 */
export function mergePolicies(policies: string[]): string {
  return [...parsePolicy(policies.join(';'))].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * `_headers` with the pages' policy appended to its Content-Security-Policy
 * line, and its path rules moved under the base path the site is served from.
 */
export function completeHeaders(headers: string, pagePolicy: string, base: string): string {
  const prefix = base.replace(/\/$/, '');
  let cspLines = 0;
  const completed = headers.split('\n').map((line) => {
    if (/^\/\S*$/.test(line)) return `${prefix}${line}`;
    const csp = /^(\s+Content-Security-Policy:\s*)(.*?);?\s*$/.exec(line);
    if (!csp) return line;
    cspLines += 1;
    return `${csp[1]}${csp[2]}; ${pagePolicy}`;
  });
  if (cspLines !== 1) throw new Error(`public/_headers must hold exactly one Content-Security-Policy line; it holds ${cspLines}.`);
  return completed.join('\n');
}

/** Completes dist/_headers from public/_headers and the built pages, at the end of `astro build`. */
export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const pageFiles = [...assets.values()].flat().filter((url) => url.pathname.endsWith('.html'));
        const policies: string[] = [];
        for (const file of pageFiles) {
          const policy = metaPolicy(await readFile(file, 'utf8'));
          if (!policy) throw new Error(`${fileURLToPath(file)} has no Content-Security-Policy meta tag.`);
          policies.push(policy);
        }
        const headersFile = new URL('_headers', dir);
        const headers = await readFile(headersFile, 'utf8');
        await writeFile(headersFile, completeHeaders(headers, mergePolicies(policies), base));
        logger.info(`_headers: the Content-Security-Policy of ${policies.length} pages`);
      },
    },
  };
}
