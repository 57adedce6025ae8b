/**
 * A content-addressed cache of rendered diagrams on disk: one file per key,
 * the key a hash of everything that decides the output (cache-key.ts), so an
 * entry is never stale — a changed source, Mermaid version, theme or font is
 * simply a different key. A build whose diagrams are all here opens no browser.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeWhole } from '../../write-whole.ts';
import type { RenderedDiagram } from '../types.ts';

export class DiagramCache {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  pathFor(key: string): string {
    return join(this.directory, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<RenderedDiagram | undefined> {
    try {
      return this.#validated(key, await readFile(this.pathFor(key), 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** For page rendering, where a diagram must be a string right away (astro/cached-figure.ts). */
  getSync(key: string): RenderedDiagram | undefined {
    try {
      return this.#validated(key, readFileSync(this.pathFor(key), 'utf8'));
    } catch {
      return undefined;
    }
  }

  #validated(key: string, text: string): RenderedDiagram | undefined {
    const entry: unknown = JSON.parse(text);
    return isRenderedDiagram(entry) && entry.key === key ? entry : undefined;
  }

  async set(diagram: RenderedDiagram): Promise<void> {
    await mkdir(join(this.directory, diagram.key.slice(0, 2)), { recursive: true });
    await writeWhole(this.pathFor(diagram.key), JSON.stringify(diagram));
  }
}

function isRenderedDiagram(value: unknown): value is RenderedDiagram {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['key'] === 'string' &&
    typeof entry['rootId'] === 'string' &&
    typeof entry['svg'] === 'string' &&
    typeof entry['type'] === 'string' &&
    typeof entry['width'] === 'number' &&
    typeof entry['height'] === 'number' &&
    typeof entry['labelSize'] === 'number'
  );
}
