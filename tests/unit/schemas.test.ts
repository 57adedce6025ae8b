import { describe, expect, it } from 'vitest';
import { articleSchema, caseStudySchema } from '../../src/lib/schemas.ts';

const validCaseStudy = {
  title: 'Telemetry Pipeline',
  summary: 'Built an event streaming architecture.',
  challenge: 'Ingest bursty IoT traffic.',
  constraints: ['Bursty traffic'],
  decision: 'Partition by device id.',
  tradeOff: 'Per-partition ordering.',
  guarantees: 'Ordering: per device; delivery: at least once, with idempotent writes.',
  role: 'Built the architecture',
  stack: ['Kafka'],
  order: 1,
  topics: ['messaging'],
};

const validArticle = {
  title: 'Kafka vs Message Queue',
  summary: 'Queues delete messages after consumption; logs retain them.',
  topics: ['messaging'],
  order: 1,
};

/** The messages an author would see, keyed by the field's path. */
function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.') || '(entry)', issue.message]));
}

describe('case study schema', () => {
  it('accepts a complete entry', () => {
    expect(caseStudySchema.safeParse(validCaseStudy).success).toBe(true);
  });

  it('names a missing field and says what to write', () => {
    const { tradeOff: _omitted, ...entry } = validCaseStudy;
    expect(messages(caseStudySchema.safeParse(entry))).toEqual({
      tradeOff: 'required: write it as one sentence.',
    });
  });

  it('wants the Guarantees line, and says what it holds', () => {
    const { guarantees: _omitted, ...entry } = validCaseStudy;
    expect(messages(caseStudySchema.safeParse(entry))).toEqual({
      guarantees:
        'required: state what the design guarantees, in exact terms, in one line (e.g. "ordering: per device; delivery: at least once, with idempotent writes").',
    });
    expect(messages(caseStudySchema.safeParse({ ...validCaseStudy, guarantees: 'TODO: later' }))).toEqual({
      guarantees: 'still the placeholder npm run new wrote: state what the design guarantees, in exact terms.',
    });
  });

  it('rejects an unknown topic and lists the known ones', () => {
    const result = messages(caseStudySchema.safeParse({ ...validCaseStudy, topics: ['kubernetes'] }));
    expect(result['topics.0']).toMatch(/^unknown topic "kubernetes": use one of rate-limiting, caching, messaging/);
  });

  it('catches a misspelt field instead of ignoring it', () => {
    const result = messages(caseStudySchema.safeParse({ ...validCaseStudy, tradeoff: 'x' }));
    expect(result['(entry)']).toBe('not a field of this collection: check the spelling against src/lib/schemas.ts.');
  });

  it('wants a positive whole order', () => {
    expect(messages(caseStudySchema.safeParse({ ...validCaseStudy, order: 1.5 }))).toEqual({
      order: 'must be a whole number (1 comes first).',
    });
  });

  it('refuses an empty stack', () => {
    expect(messages(caseStudySchema.safeParse({ ...validCaseStudy, stack: [] }))).toEqual({
      stack: 'needs at least one technology.',
    });
  });
});

describe('article schema', () => {
  it('accepts an entry with or without a URL', () => {
    expect(articleSchema.safeParse(validArticle).success).toBe(true);
    expect(articleSchema.safeParse({ ...validArticle, url: 'https://example.com/post' }).success).toBe(true);
  });

  it('refuses a summary cut off with an ellipsis', () => {
    expect(messages(articleSchema.safeParse({ ...validArticle, summary: 'Logs retain data. These...' }))).toEqual({
      summary: 'summary ends with "...": finish the sentence or end at the last whole one.',
    });
  });

  it('refuses a URL that is not absolute', () => {
    expect(messages(articleSchema.safeParse({ ...validArticle, url: '/posts/kafka' }))).toEqual({
      url: 'must be an absolute http(s) URL, or be left out.',
    });
  });

  it('needs at least one topic', () => {
    expect(messages(articleSchema.safeParse({ ...validArticle, topics: [] }))).toEqual({
      topics: 'needs at least one topic.',
    });
  });
});
