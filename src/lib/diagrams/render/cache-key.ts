/**
 * What a rendered diagram is filed under: a hash of everything that decides
 * its bytes. Change any one input and the key changes, so a cache entry is
 * never stale. The root id the SVG's ids are scoped under, and the seed its
 * render draws random numbers from, come from the key too.
 */
import { createHash } from 'node:crypto';

/** The inputs that decide a diagram's output. */
export interface DiagramKeyParts {
  source: string;
  mermaidVersion: string;
  theme: string;
  font: string;
  pipeline: string;
}

export function diagramKey(parts: DiagramKeyParts): string {
  const { source, mermaidVersion, theme, font, pipeline } = parts;
  return createHash('sha256').update(JSON.stringify([pipeline, mermaidVersion, theme, font, source])).digest('hex');
}

/** The SVG root id for a key: short, starts with a letter, and unique enough to rename by. */
export function rootIdFor(key: string): string {
  return `mmd-${key.slice(0, 12)}`;
}

/** The seed of a render's Math.random, so layouts and generated ids repeat exactly. */
export function renderSeed(key: string): number {
  return Number.parseInt(key.slice(0, 8), 16);
}
