import { describe, expect, it } from 'vitest';
import { mappedColour, mermaidConfig, parseColour, recolourSvg, rgbToHsl } from '../../../src/lib/diagrams/testing.ts';

const themeVariables = mermaidConfig()['themeVariables'] as Record<string, unknown>;
const sentinel = (name: string) => String(themeVariables[name]);

/** Every colour in a value, however deeply nested. */
const colours = (value: unknown): string[] =>
  typeof value === 'string'
    ? value.split(',').filter((part) => parseColour(part) !== undefined)
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(colours)
      : [];

describe('the Mermaid config', () => {
  const config = mermaidConfig();

  it('renders strictly: author text in a label is text, never markup', () => {
    expect(config['securityLevel']).toBe('strict');
    expect(config['secure']).toEqual(expect.arrayContaining(['securityLevel', 'theme', 'themeVariables']));
  });

  it('sets the site font and the base theme', () => {
    expect(String(config['fontFamily'])).toMatch(/^"IBM Plex Sans Variable"/);
    expect(config['theme']).toBe('base');
  });

  it('uses only sentinel colours, each of which becomes a site CSS variable', () => {
    const used = colours(themeVariables);
    expect(used.length).toBeGreaterThan(100);
    for (const colour of used) expect(mappedColour(colour)).toMatch(/var\(--color-/);
  });
});

describe('mappedColour', () => {
  it('turns a role sentinel into its token', () => {
    expect(mappedColour(sentinel('primaryTextColor'))).toBe('var(--color-text)');
    expect(mappedColour(sentinel('lineColor'))).toBe('var(--color-muted)');
    expect(mappedColour(sentinel('primaryColor'))).toBe('var(--color-surface)');
    expect(mappedColour(sentinel('noteBkgColor'))).toBe('color-mix(in srgb, var(--color-accent2) 12%, var(--color-surface))');
  });

  it('traces a colour Mermaid lightened or faded back to its role', () => {
    const note = parseColour(sentinel('noteBkgColor'));
    if (!note) throw new Error('noteBkgColor is not a colour');
    expect(mappedColour(`rgba(${note.r}, ${note.g}, ${note.b}, 0.5)`)).toBe(
      'color-mix(in srgb, color-mix(in srgb, var(--color-accent2) 12%, var(--color-surface)) 50%, transparent)',
    );
    expect(mappedColour(lighten(sentinel('lineColor'), 20))).toBe('var(--color-muted)');
  });

  it('maps hard-coded neutrals onto the page: no white box on a dark page', () => {
    expect(mappedColour('white')).toBe('var(--color-surface)');
    expect(mappedColour('#fff')).toBe('var(--color-surface)');
    expect(mappedColour('#000000')).toBe('var(--color-text)');
    expect(mappedColour('#eaeaea')).toBe('var(--color-subtle)');
  });

  it('tints pale and deepens dark hard-coded hues through the theme, and leaves mid-tones alone', () => {
    expect(mappedColour('#fff8dc')).toBe('color-mix(in srgb, #fff8dc 35%, var(--color-surface))');
    expect(mappedColour('#08427b')).toBe('color-mix(in srgb, #08427b 55%, var(--color-text))');
    expect(mappedColour('#4e79a7')).toBeUndefined();
  });

  it('leaves what is not a colour alone', () => {
    expect(mappedColour('none')).toBeUndefined();
    expect(mappedColour('transparent')).toBeUndefined();
  });
});

describe('recolourSvg', () => {
  const svg = [
    '<svg id="mmd-aaaaaaaaaaaa"><style>#mmd-aaaaaaaaaaaa .node rect{fill:#ffffff;stroke:url(#mmd-aaaaaaaaaaaa-1);}</style>',
    '<rect fill="#000000" stroke="none" style="fill: white; mix-blend-mode: multiply;"/>',
    '<stop stop-color="#eaeaea"></stop>',
    '</svg>',
  ].join('');
  const themed = recolourSvg(svg, 'mmd-aaaaaaaaaaaa');

  it('rewrites colours in the style sheet and in style attributes', () => {
    expect(themed).toContain('.node rect{fill:var(--color-surface);stroke:url(#mmd-aaaaaaaaaaaa-1);}');
    expect(themed).toContain('style="fill: var(--color-surface); "');
  });

  it("moves colour attributes into zero-specificity rules, so Mermaid's own rules still win", () => {
    expect(themed).not.toMatch(/\sfill="#000000"/);
    expect(themed).toContain('stroke="none"');
    expect(themed).toMatch(/<rect data-c="c\d+" stroke="none"|<rect stroke="none"[^>]* data-c="c\d+"/);
    expect(themed).toContain(':where(#mmd-aaaaaaaaaaaa [data-c~="c0"]){fill:var(--color-text)}');
    expect(themed).toContain('{stop-color:var(--color-subtle)}');
  });

  it('drops multiply blending, which blacks out links on a dark page', () => {
    expect(themed).not.toContain('multiply');
  });
});

/** What khroma's lighten() does: the same hue and saturation, more lightness. */
function lighten(hex: string, amount: number): string {
  const colour = parseColour(hex);
  if (!colour) throw new Error(`${hex} is not a colour`);
  const { h, s, l } = rgbToHsl(colour);
  return `hsl(${h}, ${s}%, ${l + amount}%)`;
}
