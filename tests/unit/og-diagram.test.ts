import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ogFont, palette } from '../../src/design-tokens.ts';
import { CARD_LABEL_FLOOR, CARD_LARGEST_SCALE, CASE_STUDY_DIAGRAM_BOX, caseStudyOgCard } from '../../src/lib/og/card.ts';
import { placedMainPath } from '../../src/lib/og/case-study.ts';
import {
  composeRows,
  inLightPalette,
  inlineSvgImages,
  junctionLabelLines,
  mixSrgb,
  placeDiagram,
  ROWS,
  withOpaqueEdgeLabels,
  withPresentationAttributes,
  type CardDiagram,
} from '../../src/lib/og/diagram.ts';
import { OG_IMAGE_SIZE } from '../../src/lib/og/paths.ts';
import { cachedOgImage, ogCardSvg, renderOgImage, textWidth } from '../../src/lib/og/render.ts';
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

describe('withPresentationAttributes', () => {
  it('turns the pipeline’s colour marks back into the attributes they were, which resvg reads', () => {
    const marked = `<svg id="mmd-x"><style>:where(#mmd-x [data-c~="c0"]){stroke:#1d5b8c}:where(#mmd-x [data-c~="c1"]){fill:#1d5b8c}.marker{fill:#545a63}</style><path class="arrowMarkerPath" data-c="c0 c1"/></svg>`;
    expect(withPresentationAttributes(marked)).toBe(
      '<svg id="mmd-x"><style>.marker{fill:#545a63}</style><path class="arrowMarkerPath" stroke="#1d5b8c" fill="#1d5b8c"/></svg>',
    );
  });

  it('is part of the light-palette copy', () => {
    const themed = `<svg id="mmd-x"><style>:where(#mmd-x [data-c~="c0"]){fill:var(--color-accent)}</style><path data-c="c0"/></svg>`;
    expect(inLightPalette(themed)).toBe(`<svg id="mmd-x"><style></style><path fill="${palette.light.accent}"/></svg>`);
  });
});

describe('withOpaqueEdgeLabels', () => {
  it('puts edge labels on an opaque ground, leaving every other rule alone', () => {
    const css = '#m .edgeLabel rect{opacity:0.5;fill:#ffffff;}#m .cluster rect{opacity:0.5}';
    expect(withOpaqueEdgeLabels(css)).toBe('#m .edgeLabel rect{opacity:1;fill:#ffffff;}#m .cluster rect{opacity:0.5}');
  });
});

describe('placeDiagram', () => {
  const diagram = (width: number, height: number, labelSize = 16): CardDiagram => ({ svg: '', width, height, labelSize });
  const box = { width: 1000, height: 300 };

  it('takes the drawing whose labels come out largest, and says how large', () => {
    const oneRow = diagram(1300, 100);
    const twoRows = diagram(700, 220);
    const placed = placeDiagram([oneRow, twoRows], box, 2);
    expect(placed.diagram).toBe(twoRows);
    expect(placed.scale).toBeCloseTo(300 / 220);
    expect(placed.labelPx).toBeCloseTo((300 / 220) * 16);
  });

  it('counts a drawing’s smallest label, not only its size', () => {
    const placed = placeDiagram([diagram(500, 100, 12), diagram(600, 100, 16)], box, 2);
    expect(placed.labelPx).toBeCloseTo((1000 / 600) * 16);
  });

  it('draws no larger than the largest scale, and gives a tie to the earlier', () => {
    const [small, same] = [diagram(200, 50), diagram(200, 50)];
    expect(placeDiagram([small, same], box, 1.6)).toEqual({ diagram: small, scale: 1.6, labelPx: 1.6 * 16 });
  });
});

describe('composeRows', () => {
  /** A row as the pipeline draws it: a root <svg> with its own viewBox. */
  const row = (id: string, width: number, height: number): CardDiagram => ({
    svg: `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><text>${id}</text></svg>`,
    width,
    height,
    labelSize: 16,
  });
  const { padding, inset, gap, side } = ROWS;

  it('sets one row alone, trimmed to its outlines', () => {
    const one = composeRows([row('r1', 600, 100)]);
    expect(one).toMatchObject({ width: 600 - 2 * inset, height: 100 - 2 * inset, labelSize: 16 });
    expect(one.svg).toContain(
      `<svg id="r1" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 600 100" x="-${inset}" y="-${inset}" width="600" height="100">`,
    );
    expect(one.svg).not.toContain('<path');
  });

  it('sets two rows one under the other, joined from the first row’s last box to the second row’s first', () => {
    const two = composeRows([row('r1', 600, 100), row('r2', 500, 80)], { label: '', stroke: 'normal', arrow: 'arrow_point' });
    expect(two.width).toBe(2 * side + 600 - 2 * inset);
    expect(two.height).toBe(100 + 80 - 4 * inset + gap);
    const secondTop = 100 - 2 * inset + gap - inset;
    expect(two.svg).toContain(
      `<svg id="r2" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 500 80" x="${side - inset}" y="${secondTop}"`,
    );
    const d = /<path d="([^"]+)" fill="none"/.exec(two.svg)?.[1] ?? '';
    // Out of the last box's right side, half the row down; into the first box's left side, half the row down.
    expect(d.startsWith(`M${side - inset + 600 - padding} ${-inset + 50}`)).toBe(true);
    expect(d.endsWith(`H${side - inset + padding}`)).toBe(true);
    expect(d).toContain(`Q${side - inset + padding - ROWS.leg} ${secondTop + 40} `);
    expect(two.svg).toMatch(/<path [^>]*stroke="#1d5b8c" stroke-width="2" marker-end="url\(#main-path-junction-end\)"\/>/);
  });

  it('draws the junction as written: dotted, open, both ways', () => {
    const rows = [row('r1', 300, 60), row('r2', 300, 60)];
    expect(composeRows(rows, { label: '', stroke: 'dotted', arrow: 'arrow_open' }).svg).toMatch(/<path [^>]*stroke-dasharray="3 4"\/>/);
    expect(composeRows(rows, { label: '', stroke: 'normal', arrow: 'double_arrow_point' }).svg).toContain(
      'marker-end="url(#main-path-junction-end)" marker-start="url(#main-path-junction-start)"',
    );
  });

  it('writes the junction’s label on the page’s ground, at the labels’ size, and counts it as a label', () => {
    const rows = [row('r1', 300, 60), { ...row('r2', 300, 60), labelSize: 18 }];
    const two = composeRows(
      rows,
      { label: 'check', stroke: 'normal', arrow: 'arrow_point' },
      { lines: [{ text: 'check & go', width: 40 }] },
    );
    expect(two.svg).toMatch(
      /<rect x="[\d.]+" y="[\d.]+" width="52" height="26" fill="#ffffff"\/><text [^>]*font-size="16" [^>]*>check &amp; go<\/text>/,
    );
    expect(two.labelSize).toBe(16);
    expect(composeRows(rows.toReversed()).labelSize).toBe(16);
    expect(composeRows([rows[1]!]).labelSize).toBe(18);
  });

  it('opens the rows further apart for a label of three lines, so it covers no box', () => {
    const rows = [row('r1', 300, 60), row('r2', 300, 60)];
    const style = { label: 'a<br/>b<br/>c', stroke: 'normal', arrow: 'arrow_point' };
    const line = (text: string) => ({ text, width: 10 });
    const one = composeRows(rows, style, { lines: [line('a')] });
    const three = composeRows(rows, style, { lines: ['a', 'b', 'c'].map(line) });
    expect(one.height).toBe(composeRows(rows, style).height);
    const labelHeight = 3 * ROWS.labelSize * 1.25 + 2 * ROWS.labelPadding.y;
    // Between the boxes (Mermaid's padding in from each row's edge): the label, and 2 px either side.
    expect(three.height - (60 - 2 * ROWS.inset) * 2).toBe(labelHeight + 2 * (ROWS.padding - ROWS.inset));
  });
});

describe('placedMainPath', () => {
  /** A drawn row, as mainPathDiagrams hands it over. */
  const drawnRow = (width: number, height: number) => ({
    key: 'k',
    rootId: 'mmd-k',
    svg: `<svg id="mmd-k" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"></svg>`,
    type: 'flowchart-v2',
    width,
    height,
    labelSize: 16,
  });

  it('takes the layout that draws the labels larger: here two rows', async () => {
    const placed = await placedMainPath({
      where: 'content/case-studies/x.mdx:9',
      layouts: [
        { rows: [drawnRow(1300, 100)], junction: undefined },
        { rows: [drawnRow(650, 100), drawnRow(600, 100)], junction: { label: 'check', arrow: 'arrow_point', stroke: 'normal' } },
      ],
    });
    expect(placed.diagram.svg).toContain('>check</text>');
    expect(placed.labelPx).toBeGreaterThanOrEqual(CARD_LABEL_FLOOR);
    expect(placed.labelPx).toBeCloseTo(placed.scale * 16);
  });

  it('stops the build at the line that marks the path when its labels would come out under 20 px', async () => {
    const tooLong = { where: 'content/case-studies/x.mdx:9', layouts: [{ rows: [drawnRow(2400, 100)], junction: undefined }] };
    await expect(placedMainPath(tooLong)).rejects.toThrow(
      /^content\/case-studies\/x\.mdx:9: the main path's labels would be 7\.2 px on the link-preview card, under the 20 px that still read where it is shown 500 px wide\.\n {2}Fix: shorten its longest labels/,
    );
  });
});

describe('junctionLabelLines', () => {
  it('reads a label as Mermaid draws it: its line breaks and entities', () => {
    expect(junctionLabelLines('deny: 429 +<br/>Retry-After')).toEqual(['deny: 429 +', 'Retry-After']);
    expect(junctionLabelLines('say #quot;hi#quot; #9829;')).toEqual(['say "hi" ♥']);
    expect(junctionLabelLines('')).toEqual([]);
  });
});

describe('textWidth', () => {
  it('measures text in the card’s font, as resvg draws it', async () => {
    const [short, long, larger] = await Promise.all([textWidth('check', 16), textWidth('check the limit', 16), textWidth('check', 32)]);
    expect(short).toBeGreaterThan(30);
    expect(short).toBeLessThan(60);
    expect(long).toBeGreaterThan(2 * short);
    expect(larger).toBeCloseTo(2 * short, 0);
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
  const content = (label: string, width = 240, height = 60) => ({
    kind: 'Case study',
    title: 'Telemetry Pipeline',
    challenge: 'Ingest bursty IoT traffic with ordering guarantees.',
    diagram: placeDiagram(
      [{ svg: inLightPalette(themedSvg(label)), width, height, labelSize: 16 }],
      CASE_STUDY_DIAGRAM_BOX,
      CARD_LARGEST_SCALE,
    ),
  });
  const card = (label: string) => caseStudyOgCard(content(label), author);

  it('puts the diagram inline, where resvg draws its text with the card font', () => {
    const satoriLike = `<svg><image x="10" y="20" width="240" height="60" href="data:image/svg+xml;base64,${Buffer.from(themedSvg('Kafka')).toString('base64')}" clip-path="url(#c)"/></svg>`;
    const inlined = inlineSvgImages(satoriLike);
    expect(inlined).not.toContain('<image');
    expect(inlined).toContain('<g clip-path="url(#c)"><svg id="mmd-test"');
    expect(inlined).toContain('x="10" y="20" width="240" height="60"');
  });

  it('fits the diagram to the box the title, two lines of challenge and the panel leave', async () => {
    // A drawing the box's shape, and a challenge long enough for its two lines.
    const { width, height } = CASE_STUDY_DIAGRAM_BOX;
    const long = { ...content('Kafka', width, height), challenge: 'Ingest bursty IoT traffic. '.repeat(12) };
    const svg = await ogCardSvg(caseStudyOgCard(long, author));
    const placed = /<svg id="mmd-test"[^>]* x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    const [x, y, drawnWidth, drawnHeight] = placed as [number, number, number, number];
    expect([drawnWidth, drawnHeight]).toEqual([width, height]);
    // Inside the panel (its 12 px padding and 1 px border), inside the card's padding.
    expect(x).toBeGreaterThanOrEqual(48 + 13);
    expect(x + drawnWidth).toBeLessThanOrEqual(OG_IMAGE_SIZE.width - 48 - 13);
    expect(y + drawnHeight).toBeLessThanOrEqual(OG_IMAGE_SIZE.height - 36 - 13 + 0.5);
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
