/**
 * The fixed set of topics an article or case study can be filed under.
 * Kept small on purpose: a topic earns its place by grouping several pieces.
 */
const TOPICS = {
  'rate-limiting': 'Rate limiting',
  caching: 'Caching',
  messaging: 'Messaging & streaming',
  observability: 'Observability',
  reliability: 'Reliability',
  data: 'Data & storage',
  architecture: 'Architecture',
  security: 'Security',
  interviews: 'Interviews',
  ai: 'AI systems',
} as const;

export type Topic = keyof typeof TOPICS;

export const TOPIC_IDS = Object.keys(TOPICS) as [Topic, ...Topic[]];

export function topicLabel(topic: Topic): string {
  return TOPICS[topic];
}
