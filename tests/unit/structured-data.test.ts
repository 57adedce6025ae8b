import { describe, expect, it } from 'vitest';
import { breadcrumbs, jobTitleFrom, profilePage, serialiseJsonLd, techArticle } from '../../src/lib/structured-data.ts';
import { site } from '../../src/site.config.ts';

const urls = { home: 'https://example.com/', page: 'https://example.com/case-studies/telemetry-pipeline/' };

describe('jobTitleFrom', () => {
  it('takes the capitalised words a positioning line opens with', () => {
    expect(jobTitleFrom('Senior Backend Engineer specializing in resilient architecture.')).toBe('Senior Backend Engineer');
    expect(jobTitleFrom('Staff Engineer, payments.')).toBe('Staff Engineer');
    expect(jobTitleFrom('engineer')).toBe('engineer');
  });
});

describe('profilePage', () => {
  it('describes the author from the site config', () => {
    const data = profilePage(site, { home: urls.home, page: urls.home });
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'ProfilePage', url: urls.home });
    expect(data.mainEntity).toMatchObject({
      '@type': 'Person',
      name: site.name,
      jobTitle: jobTitleFrom(site.positioning),
      sameAs: site.social.map((link) => link.href),
      knowsAbout: site.home.disciplines.map((discipline) => discipline.title),
    });
  });
});

describe('techArticle', () => {
  const data = { title: 'Telemetry Pipeline', summary: 'Built it.', stack: ['Kafka', 'PostgreSQL'], topics: ['messaging' as const] };

  it('carries the headline, description, author, image, subjects and dates', () => {
    const article = techArticle(site, urls, {
      data,
      image: 'https://example.com/og/x.png',
      dateModified: '2026-01-02T03:04:05Z',
      datePublished: '2025-01-01T00:00:00Z',
    });
    expect(article).toMatchObject({
      '@type': 'TechArticle',
      headline: data.title,
      description: data.summary,
      image: 'https://example.com/og/x.png',
      author: { '@type': 'Person', name: site.name, '@id': `${urls.home}#person` },
      about: [{ '@type': 'Thing', name: 'Messaging & streaming' }],
      keywords: ['Kafka', 'PostgreSQL', 'Messaging & streaming'],
      dateModified: '2026-01-02T03:04:05Z',
      datePublished: '2025-01-01T00:00:00Z',
    });
  });

  it('claims no date it does not know', () => {
    expect(techArticle(site, urls, { data, image: 'x' })).not.toHaveProperty('dateModified');
  });
});

describe('breadcrumbs', () => {
  it('numbers the trail from 1', () => {
    const trail = breadcrumbs([
      { name: 'Home', url: urls.home },
      { name: 'Case studies', url: 'https://example.com/case-studies/' },
    ]);
    expect(trail.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: urls.home },
      { '@type': 'ListItem', position: 2, name: 'Case studies', item: 'https://example.com/case-studies/' },
    ]);
  });
});

describe('serialiseJsonLd', () => {
  it('cannot close its script element early', () => {
    const json = serialiseJsonLd({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
