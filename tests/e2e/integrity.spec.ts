/**
 * Each page loads cleanly as a host would serve it, with the headers of
 * dist/_headers (its Content-Security-Policy included): no console error, no
 * failed request, nothing from another origin, no CSP violation. Its own CSP
 * allows inline scripts by hash only, and its links to other sites do not
 * hand them the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { sha256Source } from '../../src/lib/security.ts';
import { builtHeaders, headersFor } from './headers-file.ts';
import { NOT_FOUND_PATH, sitePages } from './site-pages.ts';

const CSP_MESSAGE = /Content[ -]Security[ -]Policy|securitypolicyviolation/i;

/** Serves every same-origin response with the headers a host would add from dist/_headers. */
async function serveWithBuiltHeaders(page: Page, origin: string): Promise<void> {
  await page.route(`${origin}/**`, async (route) => {
    const response = await route.fetch();
    const headers = headersFor(builtHeaders, new URL(route.request().url()).pathname);
    await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
  });
}

/** Everything that goes wrong while the page loads, one line each. */
function recordProblems(page: Page, origin: string, expected404: string | undefined): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (expected404 && message.location().url === expected404) return;
    if (message.type() === 'error' || CSP_MESSAGE.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== origin) problems.push(`request to another origin: ${request.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== expected404) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

for (const { path } of sitePages) {
  test(`${path} loads cleanly under its CSP, and links out safely`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const problems = recordProblems(page, origin, path === NOT_FOUND_PATH ? new URL(path, origin).href : undefined);
    // Some violations (a blocked inline style, say) reach the console only as this event.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    await serveWithBuiltHeaders(page, origin);

    await page.goto(path, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.unrouteAll({ behavior: 'wait' });
    expect.soft(problems, `${path}: console errors, failed requests, other origins, CSP violations`).toEqual([]);

    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    const scriptSources = /(?:^|;)\s*script-src\s([^;]*)/.exec(policy ?? '')?.[1]?.trim().split(/\s+/) ?? [];
    expect.soft(scriptSources, `${path}: the meta CSP's script-src`).toContain("'self'");
    expect.soft(scriptSources).not.toContain("'unsafe-inline'");
    expect.soft(scriptSources).not.toContain("'unsafe-eval'");
    const inlineScripts = await page.locator('script:not([src])').evaluateAll((scripts) =>
      (scripts as HTMLScriptElement[]).filter((script) => ['', 'module', 'text/javascript'].includes(script.type)).map((script) => script.text),
    );
    for (const script of inlineScripts) {
      expect.soft(scriptSources, `${path}: an inline script is not allowed by its hash: ${script.slice(0, 80)}`).toContain(`'${sha256Source(script)}'`);
    }

    const unprotectedLinks = await page.locator('a[href]').evaluateAll(
      (links, pageOrigin) =>
        (links as HTMLAnchorElement[])
          .filter((link) => /^https?:$/.test(link.protocol) && link.origin !== pageOrigin)
          .filter((link) => !(link.relList.contains('noopener') && link.relList.contains('noreferrer')))
          .map((link) => `${link.href} rel="${link.rel}"`),
      origin,
    );
    expect.soft(unprotectedLinks, `${path}: links to other sites without rel="noopener noreferrer"`).toEqual([]);
  });
}

test('every page a host sends carries the security headers; hashed assets are cached for good', () => {
  const page = headersFor(builtHeaders, '/writing/');
  expect(page['content-security-policy']).toMatch(/^frame-ancestors 'none';.*script-src 'self' 'sha256-/);
  expect(page['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(page['strict-transport-security']).toMatch(/max-age=\d{8,}/);
  expect(page['x-content-type-options']).toBe('nosniff');
  expect(page['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(page['permissions-policy']).toContain('camera=()');
  expect(headersFor(builtHeaders, '/_astro/page.B9CIFXIH.js')['cache-control']).toBe('public, max-age=31536000, immutable');
});
