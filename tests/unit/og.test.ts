import { describe, expect, it } from 'vitest';
import type { JSXNode } from 'satori/jsx';
import { fonts, ogFont } from '../../src/design-tokens.ts';
import { ogCard, type OgCardContent } from '../../src/lib/og/card.ts';
import { OG_IMAGE_SIZE, ogImagePath, ogImageSlug } from '../../src/lib/og/paths.ts';
import { renderOgImage } from '../../src/lib/og/render.ts';

const author = { name: 'Ankit', positioning: 'Senior Backend Engineer.' };
const caseStudy: OgCardContent = {
  kind: 'Case study',
  title: 'Sliding-Window Rate Limiter',
  summary: 'Protect multi-region APIs from abuse without penalizing legitimate spikes.',
  detail: { label: 'Trade-off', text: 'Chose sliding-window logs for precision at the cost of memory.' },
};

/** Every string in the tree, in document order. */
function texts(node: JSXNode): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node !== null && typeof node === 'object' && 'props' in node) return texts((node.props as { children?: JSXNode }).children);
  return [];
}

describe('ogImageSlug', () => {
  it('names the home page "index" and every other page by its path', () => {
    expect(ogImageSlug('/')).toBe('index');
    expect(ogImageSlug('/case-studies/')).toBe('case-studies');
    expect(ogImageSlug('/case-studies/telemetry-pipeline/')).toBe('case-studies/telemetry-pipeline');
    expect(ogImageSlug('/writing/rate-limiting')).toBe('writing/rate-limiting');
  });

  it('gives the same slug for a page however its URL is written', () => {
    expect(ogImageSlug('/404')).toBe('404');
    expect(ogImageSlug('/404.html')).toBe('404');
    expect(ogImageSlug('/index.html')).toBe('index');
    expect(ogImageSlug('/writing/index.html')).toBe('writing');
  });
});

describe('ogImagePath', () => {
  it('maps a page to /og/<slug>.png at the site root', () => {
    expect(ogImagePath('/', '/')).toBe('/og/index.png');
    expect(ogImagePath('/case-studies/cqrs-ledger/', '/')).toBe('/og/case-studies/cqrs-ledger.png');
  });

  it('keeps the base path, and strips it before naming the image', () => {
    expect(ogImagePath('/portfolio/', '/portfolio/')).toBe('/portfolio/og/index.png');
    expect(ogImagePath('/portfolio', '/portfolio/')).toBe('/portfolio/og/index.png');
    expect(ogImagePath('/portfolio/writing/caching/', '/portfolio/')).toBe('/portfolio/og/writing/caching.png');
    expect(ogImagePath('/portfolio/404.html', '/portfolio')).toBe('/portfolio/og/404.png');
  });

  it('strips the base only as a whole path segment', () => {
    expect(ogImagePath('/portfolio-old/', '/portfolio/')).toBe('/portfolio/og/portfolio-old.png');
  });
});

describe('ogCard', () => {
  it('carries the title, the summary, the detail and the author', () => {
    const text = texts(ogCard(caseStudy, author));
    expect(text).toEqual(
      expect.arrayContaining(['Case study', caseStudy.title, caseStudy.summary, 'Trade-off', caseStudy.detail!.text, 'Ankit']),
    );
  });

  it('leaves the detail out when a page has none', () => {
    expect(texts(ogCard({ ...caseStudy, detail: undefined }, author))).not.toContain('Trade-off');
  });

  it('uses the family the site sets its text in', () => {
    expect(fonts.sans[0]).toContain(ogFont.family);
  });
});

describe('renderOgImage', () => {
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

  it('renders a 1200×630 PNG, the same bytes every time', async () => {
    const card = ogCard(
      { ...caseStudy, title: 'A title long enough to wrap onto a second line and then be clamped with an ellipsis' },
      author,
    );
    const first = await renderOgImage(card);
    const second = await renderOgImage(card);

    expect([...first.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // The first chunk is IHDR: length (4 bytes), type (4), then width and height, big-endian.
    const header = new DataView(first.buffer, first.byteOffset, 24);
    expect(String.fromCharCode(...first.subarray(12, 16))).toBe('IHDR');
    expect({ width: header.getUint32(16), height: header.getUint32(20) }).toEqual(OG_IMAGE_SIZE);
    expect(Buffer.compare(first, second)).toBe(0);
  });
});
