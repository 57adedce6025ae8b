import { describe, expect, it } from 'vitest';
import { optimiseSvg, shortestFloat32 } from '../../../src/lib/diagrams/testing.ts';

describe('shortestFloat32', () => {
  it('drops the digits a 32-bit float cannot hold', () => {
    expect(shortestFloat32('1366.1394958496094')).toBe('1366.1395');
    expect(shortestFloat32('162.171875')).toBe('162.17188');
    expect(shortestFloat32('-0.5')).toBe('-.5');
  });

  it('keeps a number that is already as short as it gets, and anything that is not a number', () => {
    expect(shortestFloat32('10')).toBe('10');
    expect(shortestFloat32('1.1')).toBe('1.1');
    expect(shortestFloat32('auto')).toBe('auto');
  });

  it('never picks a decimal that reads as another float', () => {
    for (const text of ['1366.1394958496094', '0.30000001192092896', '235.10533142089844', '-81.0859375', '1e-7']) {
      expect(Math.fround(Number(shortestFloat32(text)))).toBe(Math.fround(Number(text)));
    }
  });
});

const SVG = [
  '<svg id="mmd-a" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="4 3.0993480682373047 1450.1395263671875 235.10533142089844" width="1450.14" height="235.11">',
  '<style>:where(#mmd-a [data-c~="c0"]){flood-color:var(--color-text)}#mmd-a .node rect{fill:color-mix(in srgb, var(--color-accent) 12%, var(--color-surface));}</style>',
  '<title id="mmd-a-title">Flow</title><desc id="mmd-a-desc">A to B</desc>',
  '<marker id="mmd-a-0" class="marker" viewBox="0 0 10 10"><path d="M 0 0 L 10 5 L 0 10 z" style="stroke-width: 1; stroke-dasharray: 1, 0;"></path></marker>',
  '<marker id="mmd-a-1" class="marker cross" viewBox="0 0 11 11"><path d="M 1,1 l 9,9"></path></marker>',
  '<g class="node default" id="mmd-a-2" data-look="classic" data-id="A" aria-label="A" transform="translate(1366.1394958496094, 79.14765548706055)">',
  '<rect class="basic label-container" style="" x="-81.0859375" y="-20" width="162.171875" height="40"></rect>',
  '<path d="M10.123456789,20.5L-30.25,40" marker-end="url(#mmd-a-0)" data-points="W3sieCI6MTB9XQ==" data-c="c0"></path>',
  '</g></svg>',
].join('');

// The first call loads svgo, which takes seconds on a busy machine.
describe('optimiseSvg', { timeout: 30_000 }, () => {
  it('keeps what the theme, the figure and assistive technology need', async () => {
    const optimised = await optimiseSvg(SVG);
    for (const kept of [
      'id="mmd-a"',
      'id="mmd-a-2"',
      'class="node default"',
      'class="basic label-container"',
      '<title id="mmd-a-title">Flow</title>',
      '<desc id="mmd-a-desc">A to B</desc>',
      'aria-label="A"',
      'data-c="c0"',
      'var(--color-accent) 12%',
      ':where(#mmd-a [data-c~="c0"])',
      'width="1450.14" height="235.11"',
    ]) {
      expect(optimised).toContain(kept);
    }
  });

  it('drops bookkeeping, empty attributes and arrowheads no edge uses', async () => {
    const optimised = await optimiseSvg(SVG);
    for (const dropped of ['data-points', 'data-look', 'data-id', 'style=""', 'id="mmd-a-1"']) expect(optimised).not.toContain(dropped);
    expect(optimised).toContain('id="mmd-a-0"');
    expect(optimised).toContain('style="stroke-width:1;stroke-dasharray:1,0"');
  });

  it('writes geometry with the fewest characters that read as the same floats', async () => {
    const optimised = await optimiseSvg(SVG);
    expect(optimised).toMatch(/transform="translate\(1366\.1395 79\.\d+\)"/);
    expect(optimised).toContain('d="M0 0L10 5L0 10z"');
    expect(optimised).toContain('d="M10.123457 20.5L-30.25 40"');
    expect(optimised).toContain('viewBox="4 3.099348 1450.1395 235.10533"');
    expect(optimised).toContain('x="-81.08594"');
    expect(optimised).toContain('width="162.17188"');
  });

  it('is deterministic', async () => {
    expect(await optimiseSvg(SVG)).toBe(await optimiseSvg(SVG));
  });
});
