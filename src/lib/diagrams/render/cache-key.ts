/**
 * What a rendered diagram is filed under: a hash of everything that decides
 * its bytes. Change any one input and the key changes, so a cache entry is
 * never stale. The root id the SVG's ids are scoped under, and the seed its
 * render draws random numbers from, come from the key too.
 */
import { createHash } from 'node:crypto';
import { MAPPING } from '../colour/mapping.ts';
import { ROLES, SENTINEL } from '../colour/roles.ts';
import type { MermaidValue } from '../types.ts';

/** The inputs that decide a diagram's output. */
export interface DiagramKeyParts {
  source: string;
  mermaidVersion: string;
  /** {@link styleFingerprint} of the config the diagram is rendered with. */
  style: string;
  font: string;
  pipeline: string;
}

export function diagramKey(parts: DiagramKeyParts): string {
  const { source, mermaidVersion, style, font, pipeline } = parts;
  return createHash('sha256')
    .update(JSON.stringify([pipeline, mermaidVersion, style, font, source]))
    .digest('hex');
}

/**
 * Changes whenever the config Mermaid renders with, or how its colours are
 * mapped back onto the site's, would change a diagram's bytes: a hash of the
 * objects themselves, so there is no list to keep in step with them.
 */
export function styleFingerprint(mermaidConfig: Record<string, MermaidValue>): string {
  return createHash('sha256').update(JSON.stringify({ mermaidConfig, ROLES, SENTINEL, MAPPING })).digest('hex').slice(0, 16);
}

/** The SVG root id for a key: short, starts with a letter, and unique enough to rename by. */
export function rootIdFor(key: string): string {
  return `mmd-${key.slice(0, 12)}`;
}

/** The seed of a render's Math.random, so layouts and generated ids repeat exactly. */
export function renderSeed(key: string): number {
  return Number.parseInt(key.slice(0, 8), 16);
}
