import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, caseStudySchema } from './lib/schemas';

const caseStudies = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/case-studies' }),
  schema: caseStudySchema,
});

const articles = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/articles' }),
  schema: articleSchema,
});

export const collections = { caseStudies, articles };
