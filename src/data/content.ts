/**
 * The one place pages get content from: each collection, ordered, plus the
 * lookups the site config asks for. Pages never call getCollection directly.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { fullSizeDiagrams, type FullSizeDiagram } from '../lib/diagrams/index.ts';
import { byOrder, pickBySlugs } from '../lib/entries.ts';
import { routes } from '../lib/urls.ts';
import { site } from '../site.config.ts';

export type CaseStudy = CollectionEntry<'caseStudies'>;
export type Article = CollectionEntry<'articles'>;

export async function getCaseStudies(): Promise<CaseStudy[]> {
  return byOrder(await getCollection('caseStudies'));
}

export async function getArticles(): Promise<Article[]> {
  return byOrder(await getCollection('articles'));
}

export async function getHeroCaseStudy(): Promise<CaseStudy> {
  const [hero] = pickBySlugs(await getCaseStudies(), [site.home.heroCaseStudy], 'site.home.heroCaseStudy (src/site.config.ts)');
  return hero!;
}

export async function getProjects(): Promise<CaseStudy[]> {
  return pickBySlugs(await getCaseStudies(), site.home.projects, 'site.home.projects (src/site.config.ts)');
}

export type FullSizePage = {
  diagram: FullSizeDiagram;
  /** The page the diagram is drawn on, for the way back. */
  origin: { href: string; title: string };
};

/** Every diagram of every entry, once each (a diagram drawn on two pages keeps the first): /diagrams/<id>/ and its SVG file. */
export async function getFullSizePages(): Promise<FullSizePage[]> {
  const entries = [
    ...(await getCaseStudies()).map((entry) => ({ entry, origin: { href: routes.caseStudy(entry.id), title: entry.data.title } })),
    ...(await getArticles()).map((entry) => ({ entry, origin: { href: routes.article(entry.id), title: entry.data.title } })),
  ];
  const pages = new Map<string, FullSizePage>();
  for (const { entry, origin } of entries) {
    for (const diagram of await fullSizeDiagrams(entry)) if (!pages.has(diagram.id)) pages.set(diagram.id, { diagram, origin });
  }
  return [...pages.values()];
}
