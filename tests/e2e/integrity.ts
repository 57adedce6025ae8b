/**
 * A page loaded as a host would serve it, with the headers of dist/_headers
 * (its Content-Security-Policy included), and everything that goes wrong
 * while it loads.
 */
import type { Page } from '@playwright/test';
import { builtHeaders, headersFor } from './headers-file.ts';
import { NOT_FOUND_PATH, openSettled } from './site-pages.ts';

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

/**
 * Opens `path` served with the built headers, and returns what went wrong
 * while it loaded and drew itself with its fonts (console errors, failed
 * requests, other origins, CSP violations), one line each.
 */
export async function openAsHosted(page: Page, path: string, origin: string): Promise<string[]> {
  const problems = recordProblems(page, origin, path === NOT_FOUND_PATH ? new URL(path, origin).href : undefined);
  // Some violations (a blocked inline style, say) reach the console only as this event.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  await serveWithBuiltHeaders(page, origin);
  await openSettled(page, path);
  await page.unrouteAll({ behavior: 'wait' });
  // What happens after this (the checks' own probing) is not the page's doing.
  return [...problems];
}
