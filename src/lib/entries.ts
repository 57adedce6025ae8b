/**
 * Pure helpers over collection entries: ordering, topics, related writing and
 * neighbours. They take plain objects (not Astro's runtime) so unit tests can
 * reach them; src/data/ feeds them the real collections.
 */
import { TOPIC_IDS, type Topic } from './topics.ts';

interface Ordered {
  id: string;
  data: { order: number };
}

interface Topical {
  id: string;
  data: { order: number; topics: readonly Topic[] };
}

/** Ascending `order`; ties broken by id so two builds never disagree. */
export function byOrder<T extends Ordered>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/**
 * Picks entries in the order the slugs are listed (the site config names which
 * case studies the home page shows, and in what order).
 */
export function pickBySlugs<T extends { id: string }>(entries: readonly T[], slugs: readonly string[], where: string): T[] {
  return slugs.map((slug) => {
    const entry = entries.find((candidate) => candidate.id === slug);
    if (!entry) {
      const known = entries.map((candidate) => candidate.id).join(', ');
      throw new Error(`${where} names "${slug}", which is not a content entry. Known: ${known}.`);
    }
    return entry;
  });
}

export interface TopicCount {
  topic: Topic;
  count: number;
}

/** Topics that have at least one entry, in the canonical order of topics.ts. */
export function topicsInUse(entries: readonly Topical[]): TopicCount[] {
  return TOPIC_IDS.map((topic) => ({
    topic,
    count: entries.filter((entry) => entry.data.topics.includes(topic)).length,
  })).filter(({ count }) => count > 0);
}

export function withTopic<T extends Topical>(entries: readonly T[], topic: Topic): T[] {
  return byOrder(entries.filter((entry) => entry.data.topics.includes(topic)));
}

/**
 * Articles that share a topic with the subject, most shared topics first, then
 * newest first; at most `limit`.
 */
export function relatedBySharedTopics<T extends Topical>(
  subject: { data: { topics: readonly Topic[] } },
  candidates: readonly T[],
  limit = 4,
): T[] {
  const shared = (entry: T) => entry.data.topics.filter((topic) => subject.data.topics.includes(topic)).length;
  return byOrder(candidates)
    .map((entry) => ({ entry, score: shared(entry) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ entry }) => entry);
}

export interface Neighbours<T> {
  previous: T | undefined;
  next: T | undefined;
}

/** The entries either side of `id` in an already ordered list. */
export function neighbours<T extends { id: string }>(ordered: readonly T[], id: string): Neighbours<T> {
  const index = ordered.findIndex((entry) => entry.id === id);
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: ordered[index - 1], next: ordered[index + 1] };
}

/** Shortens text to at most `max` characters at a word boundary, ending with "…". */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1; // one character is kept for the ellipsis
  // A word that runs past the cut is dropped whole; one that ends exactly there is kept.
  const end = /[\s,;:.]/.test(text.charAt(room)) ? room : text.lastIndexOf(' ', room);
  return `${text.slice(0, end > 0 ? end : room).replace(/[\s,;:.]+$/, '')}…`;
}
