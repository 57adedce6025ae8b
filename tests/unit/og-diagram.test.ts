import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ogFont, palette } from '../../src/design-tokens.ts';
import { CARD_DIAGRAM_FLOOR_SCALE, CASE_STUDY_DIAGRAM_BOXES, caseStudyOgCard } from '../../src/lib/og/card.ts';
import { inLightPalette, inlineSvgImages, mixSrgb, placeDiagram, type CardDiagram } from '../../src/lib/og/diagram.ts';
import { cachedOgImage, renderOgImage } from '../../src/lib/og/render.ts';
import { ogRenderStats } from '../../src/lib/og/stats.ts';
import { woffToSfnt } from '../../src/lib/og/woff.ts';

const author = { name: 'Ankit', positioning: 'Senior Backend Engineer.' };

/** A diagram as the pipeline caches it: colours as the site's CSS variables, text in the site's font. */
const themedSvg = (label: string) =>
  `<svg id="mmd-test" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 60" width="240" height="60"><style>#mmd-test .node rect{fill:color-mix(in srgb, var(--color-accent) 12%, var(--color-surface));stroke:var(--color-border);}</style><g class="node"><rect x="0" y="0" width="240" height="60"></rect><text x="120" y="36" text-anchor="middle" fill="var(--color-text)" style="font-family: &quot;IBM Plex Sans Variable&quot;, ui-sans-serif, sans-serif; font-size: 16px;">${label}</text></g></svg>`;

describe('inLightPalette', () => {
  it('resolves every colour variable and colour mix to the light palette, and names the card font', () => {
    const svg = inLightPalette(themedSvg('Kafka'));
    expect(svg).not.toMatch(/var\(|color-mix\(/);
    expect(svg).toContain(`stroke:${palette.light.border}`);
    expect(svg).toContain(`fill="${palette.light.text}"`);
    expect(svg).toContain(`fill:${mixSrgb(palette.light.accent, 12, palette.light.surface)}`);
    expect(svg).toContain('&quot;IBM Plex Sans&quot;');
  });

  it('refuses a variable that is not a design token, rather than drawing it black', () => {
    expect(() => inLightPalette('<svg><rect fill="var(--color-nope)"/></svg>')).toThrow(/--color-nope/);
  });
});

describe('mixSrgb', () => {
  it('blends per channel as CSS color-mix(in srgb) does', () => {
    expect(mixSrgb('#000000', 50, '#ffffff')).toBe('#808080');
    expect(mixSrgb('#1d5b8c', 100, '#ffffff')).toBe('#1d5b8c');
    expect(mixSrgb('#1d5b8c', 0, '#ffffff')).toBe('#ffffff');
  });
});

describe('placeDiagram', () => {
  const diagram = (width: number, height: number): CardDiagram => ({ svg: '', width, height });

  it('takes the variant and layout that draw the labels largest', () => {
    const wide = diagram(1400, 240);
    const tall = diagram(500, 760);
    const placed = placeDiagram([wide, tall], CASE_STUDY_DIAGRAM_BOXES, CARD_DIAGRAM_FLOOR_SCALE);
    expect(placed).toMatchObject({ layout: 'band', diagram: wide, cropped: false });
    expect(placed.scale).toBeCloseTo(CASE_STUDY_DIAGRAM_BOXES.band.width / 1400);
  });

  it('never draws a diagram larger than life', () => {
    expect(placeDiagram([diagram(300, 100)], CASE_STUDY_DIAGRAM_BOXES, CARD_DIAGRAM_FLOOR_SCALE).scale).toBe(1);
  });

  it('crops at the floor, never shrinks below it, when nothing fits', () => {
    const placed = placeDiagram([diagram(2400, 300), diagram(600, 1000)], CASE_STUDY_DIAGRAM_BOXES, CARD_DIAGRAM_FLOOR_SCALE);
    expect(placed).toMatchObject({ scale: CARD_DIAGRAM_FLOOR_SCALE, cropped: true });
  });
});

describe('woffToSfnt', () => {
  it('unwraps the site font into a TrueType file with the same tables', () => {
    const require = createRequire(import.meta.url);
    const woff = readFileSync(require.resolve(ogFont.files[0].file));
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
  });
});

describe('case-study card', () => {
  const card = (label: string) =>
    caseStudyOgCard(
      {
        kind: 'Case study',
        title: 'Telemetry Pipeline',
        challenge: 'Ingest bursty IoT traffic with ordering guarantees.',
        diagram: placeDiagram(
          [{ svg: inLightPalette(themedSvg(label)), width: 240, height: 60 }],
          CASE_STUDY_DIAGRAM_BOXES,
          CARD_DIAGRAM_FLOOR_SCALE,
        ),
      },
      author,
    );

  it('puts the diagram inline, where resvg draws its text with the card font', () => {
    const satoriLike = `<svg><image x="10" y="20" width="240" height="60" href="data:image/svg+xml;base64,${Buffer.from(themedSvg('Kafka')).toString('base64')}" clip-path="url(#c)"/></svg>`;
    const inlined = inlineSvgImages(satoriLike);
    expect(inlined).not.toContain('<image');
    expect(inlined).toContain('<g clip-path="url(#c)"><svg id="mmd-test"');
    expect(inlined).toContain('x="10" y="20" width="240" height="60"');
  });

  it("draws the diagram's labels", async () => {
    const [withLabel, withoutLabel] = await Promise.all([renderOgImage(card('Kafka')), renderOgImage(card(''))]);
    expect(Buffer.compare(withLabel, withoutLabel)).not.toBe(0);
  });

  it('renders a card once; the same card again comes from the cache', async () => {
    const unique = card(`Kafka ${process.pid}-${Date.now()}`);
    const before = { ...ogRenderStats() };
    const first = await cachedOgImage(unique);
    const second = await cachedOgImage(unique);
    expect(Buffer.compare(first, second)).toBe(0);
    expect(ogRenderStats().rendered - before.rendered).toBe(1);
    expect(ogRenderStats().cacheHits - before.cacheHits).toBe(1);
  });
});
