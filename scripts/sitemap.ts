/**
 * The pages of a built site, read from its sitemap (dist/sitemap-index.xml and
 * the sitemaps it lists): the list every per-page check and measurement walks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc!).pathname);

function readBuilt(dist: string, file: string): string {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: build the site first (npm run build).`);
  return readFileSync(path, 'utf8');
}

/** Every page path in the sitemap of the site built into `dist`, sorted. */
export function sitemapPaths(dist: string): string[] {
  return locations(readBuilt(dist, 'sitemap-index.xml'))
    .flatMap((sitemap) => locations(readBuilt(dist, sitemap.slice(sitemap.lastIndexOf('/') + 1))))
    .sort();
}
