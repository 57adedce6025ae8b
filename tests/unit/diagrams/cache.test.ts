import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagramCache, normaliseSource, type RenderedDiagram } from '../../../src/lib/diagrams/testing.ts';

const entry = (key: string): RenderedDiagram => ({
  key,
  rootId: `mmd-${key.slice(0, 12)}`,
  svg: '<svg></svg>',
  type: 'pie',
  width: 100,
  height: 50,
  labelSize: 14,
  accTitle: 'Outcomes',
  accDescr: undefined,
});

describe('DiagramCache', () => {
  const directory = mkdtempSync(join(tmpdir(), 'diagrams-cache-'));
  const cache = new DiagramCache(directory);

  it('stores an entry under its content address and reads it back', async () => {
    const key = '0a'.repeat(32);
    await cache.set(entry(key));
    expect(cache.pathFor(key)).toBe(join(directory, '0a', `${key}.json`));
    expect(await cache.get(key)).toEqual({ ...entry(key), accDescr: undefined });
  });

  it('misses a key it has never seen', async () => {
    expect(await cache.get('ff'.repeat(32))).toBeUndefined();
  });

  it('treats a torn or foreign file as a miss, never as a diagram', async () => {
    const torn = '1b'.repeat(32);
    await cache.set(entry(torn));
    writeFileSync(cache.pathFor(torn), '{"key":');
    expect(await cache.get(torn)).toBeUndefined();

    const foreign = '2c'.repeat(32);
    await cache.set(entry(foreign));
    writeFileSync(cache.pathFor(foreign), JSON.stringify(entry('3d'.repeat(32))));
    expect(await cache.get(foreign)).toBeUndefined();
  });
});

describe('normaliseSource', () => {
  it('ignores what cannot change a diagram: line endings, trailing spaces, surrounding blank lines', () => {
    expect(normaliseSource('\r\nflowchart LR  \r\n  A --> B\t\r\n\r\n')).toBe('flowchart LR\n  A --> B');
  });

  it('keeps indentation, which some diagram types read', () => {
    expect(normaliseSource('mindmap\n  root\n    child')).toBe('mindmap\n  root\n    child');
  });
});
