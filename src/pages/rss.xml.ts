import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArticles, getCaseStudies } from '../data/content.ts';
import { site } from '../site.config.ts';
import { routes } from '../lib/urls.ts';
import { topicLabel } from '../lib/topics.ts';

/** Case studies first (they are the proof), then the article summaries, newest first. */
export const GET: APIRoute = async (context) => {
  const caseStudies = await getCaseStudies();
  const articles = await getArticles();
  return rss({
    title: `${site.name}: case studies and writing`,
    description: site.seo.description,
    site: context.site!,
    customData: `<language>${site.locale}</language>`,
    items: [
      ...caseStudies.map((caseStudy) => ({
        title: caseStudy.data.title,
        description: caseStudy.data.summary,
        link: routes.caseStudy(caseStudy.id),
        categories: caseStudy.data.topics.map(topicLabel),
      })),
      ...articles.map((article) => ({
        title: article.data.title,
        description: article.data.summary,
        link: article.data.url ?? routes.article(article.id),
        categories: article.data.topics.map(topicLabel),
      })),
    ],
  });
};
