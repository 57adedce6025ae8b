/**
 * The title and intro of each listing page, in one place: the page renders
 * them and its Open Graph card repeats them, so the two never drift apart.
 */
import { site } from '../site.config.ts';
import { topicLabel, type Topic } from './topics.ts';

export interface PageCopy {
  title: string;
  intro: string;
}

export const pageCopy = {
  caseStudies: { title: 'Case studies', intro: site.intros.caseStudies },
  writing: { title: 'Writing', intro: site.intros.writing },
  notFound: {
    title: 'Page not found',
    intro: 'There is no page at this address. It may have moved, or the link may be mistyped.',
  },
} satisfies Record<string, PageCopy>;

export function topicPageCopy(topic: Topic, articleCount: number): PageCopy {
  const label = topicLabel(topic);
  return {
    title: `Writing on ${label}`,
    intro: `${articleCount} ${articleCount === 1 ? 'article' : 'articles'} filed under ${label}.`,
  };
}
