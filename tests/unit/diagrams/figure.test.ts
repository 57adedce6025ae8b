import { describe, expect, it } from 'vitest';
import {
  captionFromMeta,
  figureHtml,
  textAlternative,
  type DiagramForms,
  type RenderedDiagram,
} from '../../../src/lib/diagrams/testing.ts';

/** A fence drawn in the author's form alone. */
const only = (drawn: RenderedDiagram): DiagramForms => ({ forms: [{ name: 'author', diagram: drawn }], pin: undefined });

const diagram: RenderedDiagram = {
  key: 'f'.repeat(64),
  rootId: 'mmd-ffffffffffff',
  svg: '<svg id="mmd-ffffffffffff" viewBox="0 0 400 100" width="400" height="100"><g id="mmd-ffffffffffff-0"></g></svg>',
  type: 'flowchart-v2',
  width: 400,
  height: 100,
  labelSize: 16,
};

describe('textAlternative', () => {
  it("uses the author's accTitle and accDescr", () => {
    const alternative = textAlternative(
      { accTitle: 'Ingestion path', accDescr: 'Devices send readings.' },
      { heading: 'Architecture Flow' },
    );
    expect(alternative).toEqual({ name: 'Ingestion path', description: 'Devices send readings.', caption: 'Ingestion path' });
  });

  it('falls back to the caption, then to the nearest heading', () => {
    expect(textAlternative({}, { caption: 'Check path', heading: 'Design' }).name).toBe('Check path');
    expect(textAlternative({}, { heading: 'Architecture Flow' })).toEqual({
      name: 'Architecture Flow',
      description: undefined,
      caption: 'Architecture Flow',
    });
  });

  it('shows an explicit caption under the figure even when accTitle names the image', () => {
    expect(textAlternative({ accTitle: 'Ingestion path' }, { caption: 'Figure 1' })).toMatchObject({
      name: 'Ingestion path',
      caption: 'Figure 1',
    });
  });

  it('never leaves a diagram without a name', () => {
    expect(textAlternative({ accTitle: '   ' }, {}).name).toBe('Diagram');
  });
});

describe('captionFromMeta', () => {
  it('reads caption="…" from the fence info string', () => {
    expect(captionFromMeta('caption="The check path" other=1')).toBe('The check path');
    expect(captionFromMeta("caption='Single quoted'")).toBe('Single quoted');
    expect(captionFromMeta(undefined)).toBeUndefined();
  });
});

describe('figureHtml', () => {
  const html = figureHtml(only({ ...diagram, accTitle: 'Flow <A & B>', accDescr: 'How "A" reaches B.' }), { heading: 'Architecture Flow' });

  it('names the SVG as an image by its own <title>, described by its <desc>', () => {
    expect(html).toContain('role="img" aria-labelledby="mmd-ffffffffffff-title" aria-describedby="mmd-ffffffffffff-desc"');
    expect(html).toContain('<title id="mmd-ffffffffffff-title">Flow &lt;A &amp; B&gt;</title>');
    expect(html).toContain('<desc id="mmd-ffffffffffff-desc">How &quot;A&quot; reaches B.</desc>');
  });

  it('puts it in a figure with a caption, in a keyboard-scrollable canvas', () => {
    expect(html).toMatch(
      /^<figure class="diagram diagram--inline" id="mmd-ffffffffffff-figure" data-diagram="flowchart-v2" data-print="inline" style="--print-caption-lines:1" data-forms="author">/,
    );
    expect(html).toContain(
      '<div class="diagram__frame"><div class="diagram__canvas" tabindex="0" role="group" aria-labelledby="mmd-ffffffffffff-caption">',
    );
    expect(html).toMatch(/<figcaption><span id="mmd-ffffffffffff-caption">Flow &lt;A &amp; B&gt;<\/span><\/figcaption>/);
  });

  it('carries the natural width, smallest label and shape, which the stylesheet scales between', () => {
    expect(html).toContain('style="--diagram-width:400px;--diagram-label:16;--diagram-aspect:4" data-form="author"');
  });

  it('is one line, so a Markdown HTML block cannot end inside it', () => {
    expect(html).not.toContain('\n');
  });

  it('holds the forms its placement shows, each hidden until its figure’s rules show it, with ids of its own', () => {
    // 1000 px natural: at a phone's floor (11/16) 688 px, too wide for a 358 px column, where the compact
    // form (320 px natural) shows; on a desktop both draw their labels at 16 px, and the author's wins the tie.
    const wide = { ...diagram, width: 1000, height: 300 };
    const compact = {
      ...diagram,
      key: 'e'.repeat(64),
      rootId: 'mmd-eeeeeeeeeeee',
      svg: '<svg id="mmd-eeeeeeeeeeee" viewBox="0 0 320 600"></svg>',
      width: 320,
      height: 600,
    };
    const both = figureHtml(
      {
        forms: [
          { name: 'author', diagram: wide },
          { name: 'compact', diagram: compact },
        ],
        pin: undefined,
      },
      { instance: 'card1' },
    );
    expect(both).toContain(
      '<svg id="mmd-ffffffffffff-card1" viewBox="0 0 400 100" width="400" height="100" class="diagram__form diagram__form--author" role="img"',
    );
    expect(both).toContain(
      '<svg id="mmd-eeeeeeeeeeee-card1" viewBox="0 0 320 600" class="diagram__form diagram__form--compact" role="img" aria-labelledby="mmd-eeeeeeeeeeee-card1-title"',
    );
    expect(both).toMatch(
      /<style>@media \(width < 640px\)\{@container diagram \(width < \d+px\)\{#mmd-ffffffffffff-card1-figure \.diagram__form--author\{display:none\}#mmd-ffffffffffff-card1-figure \.diagram__form--compact\{display:block\}/,
    );
    expect(both).toContain('data-forms="author compact"');
    expect(both).toContain('<p class="diagram__scroll-cue" aria-hidden="true">');
  });

  it('marks the form paper gets, and where the screen shows another, carries it last, hidden', () => {
    // On a phone the compact form shows, on a desktop the author's (its labels tie with the ELK form's,
    // and it is earlier); on paper, 174 mm wide, the ELK form draws its labels largest.
    const author = { ...diagram, width: 1000, height: 500 };
    const compact = {
      ...diagram,
      key: 'e'.repeat(64),
      rootId: 'mmd-eeeeeeeeeeee',
      svg: '<svg id="mmd-eeeeeeeeeeee"></svg>',
      width: 500,
      height: 1000,
    };
    const elk = {
      ...diagram,
      key: 'd'.repeat(64),
      rootId: 'mmd-dddddddddddd',
      svg: '<svg id="mmd-dddddddddddd"></svg>',
      width: 600,
      height: 900,
    };
    const forms: DiagramForms = {
      forms: [
        { name: 'author', diagram: author },
        { name: 'compact', diagram: compact },
        { name: 'elk', diagram: elk },
      ],
      pin: undefined,
    };
    const inline = figureHtml(forms, { caption: 'Check path' });
    // 900 px tall, under a heading it needs a page taller than a page of text: a portrait page of its own.
    expect(inline).toContain('data-print="page" style="--print-caption-lines:1" data-forms="author compact"');
    expect(inline.match(/<svg[^>]*>/g)?.map((svg) => /data-form="(\w+)"(?: data-print="(\w+)")?/.exec(svg)?.slice(1))).toEqual([
      ['author', undefined],
      ['compact', undefined],
      ['elk', 'full'],
    ]);
    // The figure's own rules name only the forms a screen shows: the last is hidden (diagrams.css).
    expect(inline).not.toContain('.diagram__form--elk{');
    // Paper's choice is an article's: a card and a full-size page print as they show.
    expect(figureHtml(forms, {}, 'card')).not.toContain('data-print');
  });

  it('links every use of a diagram to one full-size page', () => {
    expect(figureHtml(only(diagram), { instance: 'card1', fullSizeBase: '/portfolio/diagrams/' })).toContain(
      '<a class="diagram__full-size" href="/portfolio/diagrams/mmd-ffffffffffff/">Open full size</a></figcaption>',
    );
  });

  it('gives each instance its own ids', () => {
    const card = figureHtml(only(diagram), { instance: 'card1' });
    expect(card).toContain('id="mmd-ffffffffffff-card1"');
    expect(card).toContain('id="mmd-ffffffffffff-card1-0"');
    expect(card).toContain('aria-labelledby="mmd-ffffffffffff-card1-title"');
    expect(card).not.toMatch(/id="mmd-ffffffffffff(-0|-title)?"/);
  });
});
