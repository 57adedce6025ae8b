import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, caseStudySchema } from './lib/schemas.ts';
import { withFrontmatterLines } from './lib/located-loader.ts';

const caseStudies = defineCollection({
  loader: withFrontmatterLines(glob({ pattern: '*.mdx', base: './content/case-studies' }), caseStudySchema),
  schema: caseStudySchema,
});

const articles = defineCollection({
  loader: withFrontmatterLines(glob({ pattern: '*.md', base: './content/articles' }), articleSchema),
  schema: articleSchema,
});

export const collections = { caseStudies, articles };
