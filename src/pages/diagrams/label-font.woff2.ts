/**
 * The label font, beside the diagrams' SVG files (src/lib/diagrams/svg/standalone.ts):
 * the same self-hosted file the pages use, at a name the SVG files can point to.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { fontFaces } from '../../design-tokens.ts';

export const GET: APIRoute = async () =>
  new Response(await readFile(createRequire(join(process.cwd(), 'package.json')).resolve(fontFaces.sans.latinFile)), {
    headers: { 'Content-Type': 'font/woff2' },
  });
