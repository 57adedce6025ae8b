/**
 * Structured data (schema.org JSON-LD) built from the site config and the
 * content entries — no words of its own, so it can never disagree with the
 * page. Typed with schema-dts; pure, so unit tests can reach it.
 */
import type { BreadcrumbList, Person, ProfilePage, TechArticle, WithContext } from 'schema-dts';
import { topicLabel, type Topic } from './topics.ts';
import type { SiteConfig } from '../site.config.ts';

/** Absolute URLs, resolved against the deployed site (base path included). */
export interface PageUrls {
  /** The home page. */
  home: string;
  /** The page the data describes. */
  page: string;
}

/**
 * The job title a positioning line opens with: its leading capitalised words.
 * "Senior Backend Engineer specializing in…" → "Senior Backend Engineer".
 */
export function jobTitleFrom(positioning: string): string {
  const words = positioning.split(/\s+/);
  const title = words
    .slice(
      0,
      Math.max(
        1,
        words.findIndex((word) => !/^[A-Z]/.test(word)),
      ),
    )
    .join(' ');
  return title.replace(/[,.;:]$/, '');
}

const personId = (home: string) => `${home}#person`;

/** The author, in full on the home page; elsewhere pages refer to it by @id. */
function person(site: SiteConfig, home: string): Person {
  return {
    '@type': 'Person',
    '@id': personId(home),
    name: site.name,
    url: home,
    jobTitle: jobTitleFrom(site.positioning),
    description: site.positioning,
    sameAs: site.social.map((link) => link.href),
    knowsAbout: site.home.disciplines.map((discipline) => discipline.title),
  };
}

export function profilePage(site: SiteConfig, urls: PageUrls): WithContext<ProfilePage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: urls.page,
    name: site.seo.titleSuffix,
    description: site.seo.description,
    inLanguage: site.locale,
    mainEntity: person(site, urls.home),
  };
}

export interface CaseStudyFacts {
  /** From the case study's frontmatter (src/lib/schemas.ts). */
  data: { title: string; summary: string; stack: readonly string[]; topics: readonly Topic[] };
  /** Absolute URL of its Open Graph card. */
  image: string;
  /** ISO 8601, from the content file's history (src/lib/last-modified.ts). */
  dateModified?: string | undefined;
  datePublished?: string | undefined;
}

export function techArticle(site: SiteConfig, urls: PageUrls, caseStudy: CaseStudyFacts): WithContext<TechArticle> {
  const { data } = caseStudy;
  const author = { '@type': 'Person', '@id': personId(urls.home), name: site.name, url: urls.home } satisfies Person;
  return {
    '@context': 'https://schema.org',
    '@type': 'TechArticle',
    headline: data.title,
    description: data.summary,
    url: urls.page,
    mainEntityOfPage: urls.page,
    inLanguage: site.locale,
    image: caseStudy.image,
    author,
    publisher: author,
    about: data.topics.map((topic) => ({ '@type': 'Thing', name: topicLabel(topic) })),
    keywords: [...data.stack, ...data.topics.map(topicLabel)],
    ...(caseStudy.datePublished ? { datePublished: caseStudy.datePublished } : {}),
    ...(caseStudy.dateModified ? { dateModified: caseStudy.dateModified } : {}),
  };
}

export function breadcrumbs(trail: readonly { name: string; url: string }[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map(({ name, url }, index) => ({ '@type': 'ListItem', position: index + 1, name, item: url })),
  };
}

/**
 * JSON for a <script type="application/ld+json">: "<" escaped, so no string
 * in it can close the element early.
 */
export function serialiseJsonLd(data: object): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
