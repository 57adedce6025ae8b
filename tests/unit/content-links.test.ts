import { describe, expect, it } from 'vitest';
import { deadLinks, type Site } from '../../src/lib/content-links/check.ts';
import { documentReferences } from '../../src/lib/content-links/collect.ts';
import { idsInHtml } from '../../src/lib/content-links/site.ts';

const DOCUMENT = `---
title: Ledger
---

## Write path

Events go to [the log](/case-studies/ledger/#event-log) and [the feed](/rss.xml),
then [projections][p]. See <a href="#write-path">above</a> and [elsewhere](https://example.com/).

![Chart](./chart.png)

[p]: /case-studies/ledger/#projections

## Write path
`;

describe('documentReferences', () => {
  const references = documentReferences(DOCUMENT, 'mdx');

  it('finds every internal link at the line and column it is written', () => {
    expect(references.links).toEqual([
      { url: '/case-studies/ledger/#event-log', line: 7, column: 14 },
      { url: '/rss.xml', line: 7, column: 61 },
      { url: '#write-path', line: 8, column: 28 },
      { url: '/case-studies/ledger/#projections', line: 12, column: 1 },
    ]);
  });

  it('gives headings the ids Astro gives them, repeats numbered', () => {
    expect([...references.ids]).toEqual(['write-path', 'write-path-1']);
  });

  it('finds local images', () => {
    expect(references.images).toEqual([{ url: './chart.png', line: 10, column: 1 }]);
  });

  it('reads hrefs and ids in raw HTML of Markdown', () => {
    const html = documentReferences('Intro.\n\n<p id="top">\n  <a href="/writing/#x">x</a>\n</p>\n', 'markdown');
    expect(html.links).toEqual([{ url: '/writing/#x', line: 4, column: 6 }]);
    expect(html.ids).toContain('top');
  });
});

describe('deadLinks', () => {
  const site: Site = {
    has: async (path) => ['/', '/case-studies/', '/case-studies/ledger/', '/rss.xml'].includes(path),
    ids: async (path) => (path === '/case-studies/ledger/' ? new Set(['event-log', 'projection']) : new Set()),
    paths: async () => ['/', '/case-studies/', '/case-studies/ledger/', '/rss.xml'],
  };

  it('names each dead link with the nearest pages or ids that exist', async () => {
    const errors = await deadLinks('/site/content/ledger.mdx', documentReferences(DOCUMENT, 'mdx'), site, '/site');
    expect(errors.map((error) => error.message)).toEqual([
      'content/ledger.mdx:12:1: the link "/case-studies/ledger/#projections" points at #projections, which /case-studies/ledger/ does not have.',
    ]);
    expect(errors[0]?.hint).toContain('Nearest ids there: #projection');
    expect(errors[0]?.loc).toEqual({ file: '/site/content/ledger.mdx', line: 12, column: 1 });
  });

  it('accepts a page written without its trailing slash, and reports a page that is not there', async () => {
    const document = documentReferences('[a](/case-studies/ledger)\n[b](/case-studies/ledgr/)\n', 'markdown');
    const errors = await deadLinks('/site/content/a.md', document, site, '/site');
    expect(errors.map((error) => error.message)).toEqual([
      'content/a.md:2:1: the link "/case-studies/ledgr/" goes to no page or file of this site.',
    ]);
    expect(errors[0]?.hint).toMatch(/^Nearest pages: \/case-studies\/ledger\/, /);
  });
});

it('idsInHtml reads ids however they are quoted', () => {
  expect([...idsInHtml('<h2 id="a">A</h2><p id=\'b\'></p><div id=c></div><div data-id="no"></div>')]).toEqual(['a', 'b', 'c']);
});
