/**
 * The one place pages get content from: each collection, ordered, plus the
 * lookups the site config asks for. Pages never call getCollection directly.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byOrder, pickBySlugs } from '../lib/entries.ts';
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
