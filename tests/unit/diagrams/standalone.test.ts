import { describe, expect, it } from 'vitest';
import { palette } from '../../../src/design-tokens.ts';
import { standaloneSvg } from '../../../src/lib/diagrams/testing.ts';

describe('standaloneSvg: a diagram as a file of its own', () => {
  const file = standaloneSvg(
    {
      svg: '<svg id="mmd-a" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100" style="max-width:100%"><rect fill="var(--color-surface)"/></svg>',
      width: 400,
      height: 100,
    },
    'Flow <A & B>',
  );

  it('is an SVG document at the drawing’s natural size, titled', () => {
    expect(
      file.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg id="mmd-a" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100" style="max-width:100%" width="400" height="100"><title>Flow &lt;A &amp; B&gt;</title>',
      ),
    ).toBe(true);
  });

  it('carries the site’s colours, light unless the reader’s system asks for dark', () => {
    expect(file).toContain(`:root{--color-bg:${palette.light.bg};`);
    expect(file).toMatch(new RegExp(`@media \\(prefers-color-scheme:dark\\)\\{:root\\{--color-bg:${palette.dark.bg};`));
  });

  it('draws its labels in the site’s font, from the file beside it', () => {
    expect(file).toContain('@font-face{font-family:"IBM Plex Sans Variable";src:url(label-font.woff2) format("woff2")');
  });
});
