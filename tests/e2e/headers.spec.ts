/**
 * The headers a host adds from dist/_headers: security headers on every page,
 * and a year of caching for the hashed assets. (Each page's own load under
 * these headers is checked in pages.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import { ANY_COLOUR_SCHEME, ANY_SCREEN } from './options.ts';
import { builtHeaders, headersFor } from './headers-file.ts';

test('every page a host sends carries the security headers; hashed assets are cached for good', {
  tag: [ANY_COLOUR_SCHEME, ANY_SCREEN],
}, () => {
  const page = headersFor(builtHeaders, '/writing/');
  expect(page['content-security-policy']).toMatch(/^frame-ancestors 'none';.*script-src 'self' 'sha256-/);
  expect(page['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(page['strict-transport-security']).toMatch(/max-age=\d{8,}/);
  expect(page['x-content-type-options']).toBe('nosniff');
  expect(page['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(page['permissions-policy']).toContain('camera=()');
  expect(headersFor(builtHeaders, '/_astro/page.B9CIFXIH.js')['cache-control']).toBe('public, max-age=31536000, immutable');
});
