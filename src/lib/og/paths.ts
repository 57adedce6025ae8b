/**
 * The one mapping from a page to its Open Graph image. The image endpoint
 * (src/pages/og/[...slug].png.ts) and the <meta property="og:image"> tag
 * (src/components/Seo.astro) both go through it, so they cannot disagree.
 */
import { joinBase } from '../urls.ts';

/** The card's size in pixels: the 1.91:1 size LinkedIn, Slack and X show uncropped. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/**
 * The image's slug for a route given without the base path: "/" → "index",
 * "/case-studies/telemetry-pipeline/" → "case-studies/telemetry-pipeline",
 * "/404.html" → "404". The endpoint serves it as /og/<slug>.png.
 */
export function ogImageSlug(route: string): string {
  const segments = route
    .replace(/\.html$/, '')
    .split('/')
    .filter((segment) => segment !== '');
  if (segments.at(-1) === 'index') segments.pop();
  return segments.length === 0 ? 'index' : segments.join('/');
}

/**
 * The image's pathname for a page's pathname, both with the base path
 * (what Astro.url.pathname gives): under base "/portfolio/",
 * "/portfolio/writing/" → "/portfolio/og/writing.png".
 */
export function ogImagePath(pathname: string, base: string): string {
  const baseWithoutSlash = base.replace(/\/$/, '');
  const route =
    baseWithoutSlash !== '' && (pathname === baseWithoutSlash || pathname.startsWith(`${baseWithoutSlash}/`))
      ? pathname.slice(baseWithoutSlash.length)
      : pathname;
  return joinBase(base, `/og/${ogImageSlug(route)}.png`);
}
