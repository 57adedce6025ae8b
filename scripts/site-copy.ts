/**
 * This project's site, copied into a folder to be built or served there
 * (the benches, the `npm run new` test): its sources, content and config, with
 * Astro's caches in the copy's own `.cache` folder. The caller links
 * node_modules in.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SITE_ENTRIES = ['src', 'content', 'public', 'astro.config.mjs', 'tailwind.config.ts', 'tsconfig.json', 'package.json'];

export function copyProjectSite(directory: string): void {
  for (const entry of SITE_ENTRIES) cpSync(join(ROOT, entry), join(directory, entry), { recursive: true });
  const config = join(directory, 'astro.config.mjs');
  writeFileSync(config, readFileSync(config, 'utf8').replace('defineConfig({', "defineConfig({\n  cacheDir: './.cache',"));
}
