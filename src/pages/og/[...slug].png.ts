/**
 * One Open Graph card per page, rendered to PNG at build time. Titles come
 * from src/lib/pages.ts, as the pages' own do, so a card says what the link
 * preview's og:title says; case studies read their own frontmatter and show
 * their Architecture Flow's main path (src/lib/og/case-study.ts). Cards are
 * cached by content (src/lib/og/render.ts).
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getArticles, getCaseStudies } from '../../data/content.ts';
import { topicsInUse, withTopic } from '../../lib/entries.ts';
import { ogCard, type OgCardContent, type OgCardElement } from '../../lib/og/card.ts';
import { caseStudyCard } from '../../lib/og/case-study.ts';
import { ogImageSlug } from '../../lib/og/paths.ts';
import { cachedOgImage } from '../../lib/og/render.ts';
import { pageCopy, topicPageCopy } from '../../lib/pages.ts';
import { topicLabel } from '../../lib/topics.ts';
import { site } from '../../site.config.ts';

/** Short names in one line of a card, each kept whole: no line break inside "Data & storage". */
const names = (items: readonly string[]) => items.map((item) => item.replaceAll(' ', '\u00a0')).join(' · ');

const textCard = (content: OgCardContent) => ogCard(content, site);

export const getStaticPaths = (async () => {
  const caseStudies = await getCaseStudies();
  const articles = await getArticles();
  const caseStudyTitles = names(caseStudies.map((caseStudy) => caseStudy.data.title));

  const cards: { route: string; card: OgCardElement }[] = [
    {
      route: '/',
      card: textCard({
        kind: 'Portfolio',
        title: site.seo.titleSuffix,
        summary: site.subline,
        detail: { label: 'Case studies', text: caseStudyTitles },
      }),
    },
    {
      route: '/portfolio/',
      card: textCard({
        kind: 'Portfolio',
        title: site.seo.titleSuffix,
        summary: site.subline,
        detail: { label: 'Case studies', text: caseStudyTitles },
      }),
    },
    {
      route: '/case-studies/',
      card: textCard({
        kind: 'Portfolio',
        title: pageCopy.caseStudies.title,
        summary: pageCopy.caseStudies.intro,
        detail: { label: 'Systems', text: caseStudyTitles },
      }),
    },
    ...(await Promise.all(
      caseStudies.map(async (caseStudy) => ({ route: `/case-studies/${caseStudy.id}/`, card: await caseStudyCard(caseStudy, site) })),
    )),
    {
      route: '/writing/',
      card: textCard({
        kind: 'Portfolio',
        title: pageCopy.writing.title,
        summary: pageCopy.writing.intro,
        detail: { label: 'Topics', text: names(topicsInUse(articles).map(({ topic }) => topicLabel(topic))) },
      }),
    },
    ...topicsInUse(articles).map(({ topic, count }) => ({
      route: `/writing/${topic}/`,
      card: textCard({
        kind: 'Writing',
        title: topicPageCopy(topic, count).title,
        summary: topicPageCopy(topic, count).intro,
        // topicsInUse lists only topics with an article, so there is a newest one.
        detail: { label: 'Latest', text: withTopic(articles, topic)[0]!.data.title },
      }),
    })),
    {
      route: '/404',
      card: textCard({ kind: 'Portfolio', title: pageCopy.notFound.title, summary: pageCopy.notFound.intro }),
    },
  ];

  return cards.map(({ route, card }) => ({ params: { slug: ogImageSlug(route) }, props: { card } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await cachedOgImage(props.card), { headers: { 'Content-Type': 'image/png' } });
