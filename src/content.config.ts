import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, caseStudySchema, draftArticleSchema, draftCaseStudySchema } from './lib/schemas.ts';
import { withFrontmatterLines } from './lib/located-loader.ts';

// The loader checks each entry against the build's schema (or, in `npm run dev`, the draft one)
// first, with lines; the collection's schema is the draft one, which Astro then applies.
const caseStudies = defineCollection({
  loader: withFrontmatterLines(glob({ pattern: '*.mdx', base: './content/case-studies' }), {
    build: caseStudySchema,
    draft: draftCaseStudySchema,
  }),
  schema: draftCaseStudySchema,
});

const articles = defineCollection({
  loader: withFrontmatterLines(glob({ pattern: '*.md', base: './content/articles' }), { build: articleSchema, draft: draftArticleSchema }),
  schema: draftArticleSchema,
});

export const collections = { caseStudies, articles };
