/**
 * The title and intro of each listing page, in one place: the page renders
 * them and its Open Graph card repeats them, so the two never drift apart.
 * The words themselves are the site config's (src/site.config.ts, `labels`).
 */
import { site } from '../site.config.ts';
import { topicLabel, type Topic } from './topics.ts';

export interface PageCopy {
  title: string;
  intro: string;
}

export const pageCopy = {
  caseStudies: { title: site.labels.sections.caseStudies, intro: site.intros.caseStudies },
  writing: { title: site.labels.sections.writing, intro: site.intros.writing },
  notFound: site.labels.notFound,
} satisfies Record<string, PageCopy>;

/** A label with its {name} slots filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}

export function topicPageCopy(topic: Topic, articleCount: number): PageCopy {
  const values = { topic: topicLabel(topic), count: articleCount, articles: articleCount === 1 ? 'article' : 'articles' };
  return { title: fill(site.labels.topicPage.title, values), intro: fill(site.labels.topicPage.intro, values) };
}
