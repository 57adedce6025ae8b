import { describe, expect, it } from 'vitest';
import { joinBase } from '../../src/lib/urls.ts';

describe('joinBase', () => {
  it('joins a base path and a route with exactly one slash', () => {
    expect(joinBase('/', '/writing/')).toBe('/writing/');
    expect(joinBase('/portfolio/', '/writing/')).toBe('/portfolio/writing/');
    expect(joinBase('/portfolio', 'writing/')).toBe('/portfolio/writing/');
  });
});
