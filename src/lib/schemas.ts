/**
 * Frontmatter schemas, one per collection. They live here (not in
 * content.config.ts) so unit tests can validate entries without Astro.
 * Every message says what the field must hold, so a failing build tells the
 * author the fix, not just the rule.
 */
import { z } from 'astro/zod';
import { isPlaceholder } from './scaffold.ts';
import { TOPIC_IDS } from './topics.ts';

const notPlaceholder = <T extends z.ZodString>(schema: T, fix: string) =>
  schema.refine((text) => !isPlaceholder(text), { error: `still the placeholder npm run new wrote: ${fix}` });

// Messages are shown after the field's name and line (see src/lib/frontmatter.ts).
const sentence = () =>
  notPlaceholder(
    z
      .string({ error: 'required: write it as one sentence.' })
      .trim()
      .min(1, { error: 'must not be empty: write it as one sentence.' }),
    'write it as one sentence.',
  );

const GUARANTEES_FIX =
  'required: state what the design guarantees, in exact terms, in one line (e.g. "ordering: per device; delivery: at least once, with idempotent writes").';

const unknownFields = {
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? 'not a field of this collection: check the spelling against src/lib/schemas.ts.'
      : undefined,
};

const position = (meaning: string) =>
  z
    .number({ error: `must be a whole number (${meaning}).` })
    .int({ error: `must be a whole number (${meaning}).` })
    .positive({ error: 'must be 1 or more.' });

const topics = z
  .array(
    z.enum(TOPIC_IDS, {
      error: (issue) =>
        `unknown topic ${JSON.stringify(issue.input)}: use one of ${TOPIC_IDS.join(', ')} (defined in src/lib/topics.ts).`,
    }),
    { error: 'must be a list, e.g. topics: [caching, reliability].' },
  )
  .min(1, { error: 'needs at least one topic.' });

export const caseStudySchema = z.strictObject(
  {
    title: sentence(),
    summary: sentence(),
    challenge: sentence(),
    constraints: z
      .array(notPlaceholder(z.string().trim().min(1), 'write a constraint in a few words.'), {
        error: 'must be a list of short phrases.',
      })
      .min(1, { error: 'needs at least one entry.' }),
    decision: sentence(),
    tradeOff: sentence(),
    /** What the design guarantees, in exact terms: the snapshot's Guarantees line, which the body must agree with. */
    guarantees: notPlaceholder(
      z
        .string({ error: GUARANTEES_FIX })
        .trim()
        .min(1, { error: GUARANTEES_FIX }),
      'state what the design guarantees, in exact terms.',
    ),
    role: sentence(),
    stack: z
      .array(notPlaceholder(z.string().trim().min(1), 'name a technology.'), { error: 'must be a list of technologies.' })
      .min(1, { error: 'needs at least one technology.' }),
    order: position('1 comes first'),
    topics,
    /** Last changed, for structured data, when git history cannot say (src/lib/last-modified.ts). */
    updated: z.coerce.date({ error: 'must be a date, e.g. updated: 2026-05-01 (or leave it out: git history gives it).' }).optional(),
  },
  unknownFields,
);

export const articleSchema = z.strictObject(
  {
    title: sentence(),
    summary: sentence().refine((text) => !/(\.\.\.|…)$/.test(text), {
      error: 'summary ends with "...": finish the sentence or end at the last whole one.',
    }),
    topics,
    order: position('1 is the newest'),
    url: z.url({ error: 'must be an absolute http(s) URL, or be left out.' }).optional(),
  },
  unknownFields,
);

