import { describe, expect, it } from 'vitest';
import { byOrder, neighbours, pickBySlugs, relatedBySharedTopics, topicsInUse, truncateAtWord, withTopic } from '../../src/lib/entries.ts';
import type { Topic } from '../../src/lib/topics.ts';

const entry = (id: string, order: number, topics: Topic[] = ['caching']) => ({ id, data: { order, topics } });

describe('byOrder', () => {
  it('sorts by order, then by id for ties, without mutating the input', () => {
    const input = [entry('c', 2), entry('b', 1), entry('a', 2)];
    expect(byOrder(input).map((e) => e.id)).toEqual(['b', 'a', 'c']);
    expect(input.map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('pickBySlugs', () => {
  it('returns entries in the order the slugs are listed', () => {
    const entries = [entry('a', 1), entry('b', 2), entry('c', 3)];
    expect(pickBySlugs(entries, ['c', 'a'], 'site.home.projects').map((e) => e.id)).toEqual(['c', 'a']);
  });

  it('names the config key and the known slugs when one is wrong', () => {
    expect(() => pickBySlugs([entry('a', 1)], ['zzz'], 'site.home.projects')).toThrow(
      'site.home.projects names "zzz", which is not a content entry. Known: a.',
    );
  });
});

describe('topics', () => {
  const articles = [entry('a', 1, ['caching', 'reliability']), entry('b', 2, ['caching']), entry('c', 3, ['security'])];

  it('lists the topics in use with counts, in canonical order', () => {
    expect(topicsInUse(articles)).toEqual([
      { topic: 'caching', count: 2 },
      { topic: 'reliability', count: 1 },
      { topic: 'security', count: 1 },
    ]);
  });

  it('filters by topic, ordered', () => {
    expect(withTopic(articles, 'caching').map((e) => e.id)).toEqual(['a', 'b']);
    expect(withTopic(articles, 'ai')).toEqual([]);
  });
});

describe('relatedBySharedTopics', () => {
  it('ranks by shared topics, then by order, and drops unrelated entries', () => {
    const subject = { data: { topics: ['caching', 'reliability'] as Topic[] } };
    const candidates = [
      entry('only-caching', 1, ['caching']),
      entry('both', 2, ['reliability', 'caching']),
      entry('unrelated', 3, ['ai']),
      entry('only-reliability', 4, ['reliability']),
    ];
    expect(relatedBySharedTopics(subject, candidates).map((e) => e.id)).toEqual(['both', 'only-caching', 'only-reliability']);
    expect(relatedBySharedTopics(subject, candidates, 1).map((e) => e.id)).toEqual(['both']);
  });
});

describe('neighbours', () => {
  const ordered = [entry('a', 1), entry('b', 2), entry('c', 3)];

  it('gives the previous and next entries', () => {
    expect(neighbours(ordered, 'b')).toEqual({ previous: ordered[0], next: ordered[2] });
  });

  it('has no previous for the first and no next for the last', () => {
    expect(neighbours(ordered, 'a').previous).toBeUndefined();
    expect(neighbours(ordered, 'c').next).toBeUndefined();
  });
});

describe('truncateAtWord', () => {
  it('leaves short text alone', () => {
    expect(truncateAtWord('Caching: one; two', 40)).toBe('Caching: one; two');
  });

  it('cuts at a word boundary, drops trailing punctuation and marks the cut', () => {
    const cut = truncateAtWord('Article summaries filed under Caching: Redis, Memcached and KeyDB', 45);
    expect(cut).toBe('Article summaries filed under Caching: Redis…');
    expect(cut.length).toBeLessThanOrEqual(45);
  });
});
