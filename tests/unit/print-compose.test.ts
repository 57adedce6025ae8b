/** The portfolio's one document from several pages (src/lib/print/compose.ts, contents.ts). */
import { describe, expect, it } from 'vitest';
import { composeDocument, partHrefs, partId, renameTakenIds } from '../../src/lib/print/compose.ts';
import { withPageNumbers } from '../../src/lib/print/contents.ts';
import { pdfMetadata } from '../../src/lib/print/pdf.ts';

const page = (head: string, main: string) =>
  `<html><head>${head}</head><body><main id="main">${main}</main><footer>f</footer></body></html>`;

const contents = page(
  '<meta http-equiv="content-security-policy" content="x"><link rel="stylesheet" href="/a.css">',
  '<h2 id="snapshot-heading">Profile</h2><ol><li><a class="link" href="/cs/one/" data-print-part>One</a></li><li><a href="/cs/two/" data-print-part>Two</a></li></ol>',
);
const one = page(
  '<link rel="stylesheet" href="/a.css">',
  '<h1>One</h1><section aria-labelledby="snapshot-heading"><h2 id="snapshot-heading">Snapshot</h2></section><a href="#snapshot-heading">up</a><a href="/cs/two/">see two</a>',
);
const two = page(
  '<link rel="stylesheet" href="/b.css">',
  '<h1>Two</h1><h2 id="snapshot-heading">Snapshot</h2><svg id="mmd-1"><path marker-end="url(#mmd-1-arrow)"/></svg>',
);

describe('composeDocument', () => {
  const html = composeDocument(contents, [
    { href: '/cs/one/', html: one },
    { href: '/cs/two/', html: two },
  ]);

  it("lists its parts in the contents' order", () => {
    expect(partHrefs(contents)).toEqual(['/cs/one/', '/cs/two/']);
    expect(partId('/cs/two/')).toBe('part-two');
  });

  it("appends each part's main content in a section of its own, after the contents and inside <main>", () => {
    expect(html.indexOf('<section class="print-part" id="part-one"><h1>One</h1>')).toBeGreaterThan(html.indexOf('Profile'));
    expect(html.indexOf('id="part-two"')).toBeGreaterThan(html.indexOf('id="part-one"'));
    expect(html.indexOf('</main>')).toBeGreaterThan(html.indexOf('id="part-two"'));
    expect(html).toContain('<footer>f</footer>');
  });

  it('points the contents, and links between parts, inside the document', () => {
    expect(html).toContain('<a class="link" href="#part-one" data-print-part>One</a>');
    expect(html).toContain('<a href="#part-two">see two</a>');
    expect(html).not.toContain('href="/cs/');
  });

  it('renames the ids a part shares with what came before, with their references, and leaves the others', () => {
    expect(html).toContain(
      '<section aria-labelledby="one--snapshot-heading"><h2 id="one--snapshot-heading">Snapshot</h2></section><a href="#one--snapshot-heading">up</a>',
    );
    expect(html).toContain('<h2 id="two--snapshot-heading">');
    expect(html).toContain('<svg id="mmd-1"><path marker-end="url(#mmd-1-arrow)"/>');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("carries every stylesheet the parts use, and drops the contents page's CSP", () => {
    expect(html.match(/href="\/a\.css"/g)).toHaveLength(1);
    expect(html).toContain('<link rel="stylesheet" href="/b.css"></head>');
    expect(html).not.toContain('content-security-policy');
  });
});

describe('renameTakenIds', () => {
  it('renames an id inside a list of references without touching longer ids', () => {
    const renamed = renameTakenIds('<p id="a"></p><p id="a-b"></p><div aria-describedby="x a a-b"></div>', new Set(['a']), 'p');
    expect(renamed).toBe('<p id="p--a"></p><p id="a-b"></p><div aria-describedby="x p--a a-b"></div>');
  });
});

describe('withPageNumbers', () => {
  it("puts each part's first page after its entry in the contents", () => {
    const numbered = withPageNumbers(
      '<a href="#part-one" data-print-part>One</a><a href="#part-two" data-print-part>Two</a>',
      new Map([
        ['part-one', 3],
        ['part-two', 14],
      ]),
    );
    expect(numbered).toBe(
      '<a href="#part-one" data-print-part>One</a><span class="portfolio__page" aria-label="page 3">3</span><a href="#part-two" data-print-part>Two</a><span class="portfolio__page" aria-label="page 14">14</span>',
    );
  });
});

describe('pdfMetadata', () => {
  const ld = (data: object) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

  it("reads a case study's TechArticle", () => {
    const html = ld({
      '@type': 'TechArticle',
      headline: 'Ledger',
      description: 'A ledger.',
      author: { name: 'Ankit' },
      keywords: ['Kafka'],
    });
    expect(pdfMetadata(html)).toEqual({ title: 'Ledger', author: 'Ankit', subject: 'A ledger.', keywords: ['Kafka'], modified: undefined });
  });

  it("reads the portfolio's ProfilePage: its name is the title, its Person the author", () => {
    const html = ld({
      '@type': 'ProfilePage',
      name: 'Ankit: portfolio',
      description: 'Backend.',
      mainEntity: { '@type': 'Person', name: 'Ankit', knowsAbout: ['Distributed data'] },
    });
    expect(pdfMetadata(html)).toEqual({ title: 'Ankit: portfolio', author: 'Ankit', subject: 'Backend.', keywords: ['Distributed data'] });
  });

  it('refuses a page with neither', () => {
    expect(() => pdfMetadata(ld({ '@type': 'WebPage' }))).toThrow(/TechArticle structured data[\s\S]*ProfilePage/);
  });
});
