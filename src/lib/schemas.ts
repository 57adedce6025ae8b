/**
 * Frontmatter schemas, one per collection. They live here (not in
 * content.config.ts) so unit tests can validate entries without Astro.
 * Every message says what the field must hold, so a failing build tells the
 * author the fix, not just the rule.
 *
 * Each comes twice: as the build checks it, refusing the TODO placeholders
 * `npm run new` writes, and as a draft, which lets them through so
 * `npm run dev` shows a half-written page (with its placeholders listed on it,
 * src/components/PlaceholderBanner.astro). Both give the same data type.
 */
import { z } from 'astro/zod';
import { isPlaceholder, PLACEHOLDER_MARK } from './scaffold.ts';
import { TOPIC_IDS, type Topic } from './topics.ts';

/** 'refuse' for the build, 'allow' for a draft in `npm run dev`. */
type Placeholders = 'refuse' | 'allow';

const GUARANTEES_FIX =
  'required: state what the design guarantees, in exact terms, in one line (e.g. "ordering: per device; delivery: at least once, with idempotent writes").';

function schemasFor(placeholders: Placeholders) {
  const notPlaceholder = <T extends z.ZodString>(schema: T, fix: string) =>
    placeholders === 'allow'
      ? schema
      : schema.refine((text) => !isPlaceholder(text), { error: `still the placeholder npm run new wrote: ${fix}` });

  // Messages are shown after the field's name and line (see src/lib/frontmatter.ts).
  const sentence = () =>
    notPlaceholder(
      z.string({ error: 'required: write it as one sentence.' }).trim().min(1, { error: 'must not be empty: write it as one sentence.' }),
      'write it as one sentence.',
    );

  const unknownFields = {
    error: (issue: { code: string; keys?: string[] }) =>
      issue.code === 'unrecognized_keys' ? 'not a field of this collection: check the spelling against src/lib/schemas.ts.' : undefined,
  };

  const position = (meaning: string) =>
    z
      .number({ error: `must be a whole number (${meaning}).` })
      .int({ error: `must be a whole number (${meaning}).` })
      .positive({ error: 'must be 1 or more.' });

  const topic = z.enum(TOPIC_IDS, {
    error: (issue) => `unknown topic ${JSON.stringify(issue.input)}: use one of ${TOPIC_IDS.join(', ')} (defined in src/lib/topics.ts).`,
  });
  const topicList = { error: 'must be a list, e.g. topics: [caching, reliability].' };
  // A draft's `topics: [TODO]` is no topic yet: the page files it under none.
  const topics =
    placeholders === 'allow'
      ? z
          .array(z.union([topic, z.literal(PLACEHOLDER_MARK)]), topicList)
          .min(1, { error: 'needs at least one topic.' })
          .transform((list) => list.filter((entry): entry is Topic => entry !== PLACEHOLDER_MARK))
      : z.array(topic, topicList).min(1, { error: 'needs at least one topic.' });

  const caseStudy = z.strictObject(
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
        z.string({ error: GUARANTEES_FIX }).trim().min(1, { error: GUARANTEES_FIX }),
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

  const article = z.strictObject(
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
  return { caseStudy, article };
}

const built = schemasFor('refuse');
const draft = schemasFor('allow');

export const caseStudySchema = built.caseStudy;
export const articleSchema = built.article;
/** What `npm run dev` accepts: the same, with the placeholders of `npm run new` let through. */
export const draftCaseStudySchema = draft.caseStudy;
export const draftArticleSchema = draft.article;
