// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import diagrams from './src/lib/diagrams/index.ts';
import contentLinks from './src/lib/content-links/index.ts';
import placeholderCheck from './src/lib/placeholder-check.ts';
import ogImages from './src/lib/og/integration.ts';
import caseStudyPdfs from './src/lib/print/integration.ts';
import sitePlaceholders from './src/lib/site-config/integration.ts';
import tailwindcss from '@tailwindcss/vite';
import { site } from './src/site.config.ts';
import { csp, securityHeaders } from './src/lib/security.ts';

const base = process.env.BASE_PATH ?? site.base;

/**
 * Shiki stops tokenizing a line after 500 ms by default and leaves the rest of
 * it uncoloured. On a loaded machine (CI, two cores) that made the same code
 * block come out in different colours from one build to the next; with no
 * limit every build colours every line the same way.
 * @type {import('shiki').ShikiTransformer}
 */
const wholeLineTokenizing = {
  name: 'whole-line-tokenizing',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = 0;
  },
};

export default defineConfig({
  site: process.env.SITE_URL ?? site.url,
  base,
  trailingSlash: 'ignore',
  output: 'static',
  // A diagram's full-size page is that diagram again, at natural size: not a page to index.
  integrations: [
    // First: a build with TODO placeholders left in the content stops before anything else starts.
    placeholderCheck(),
    sitePlaceholders(),
    diagrams(),
    contentLinks(),
    mdx(),
    sitemap({ filter: (page) => !new URL(page).pathname.includes('/diagrams/') }),
    securityHeaders(),
    ogImages(),
    caseStudyPdfs(),
  ],
  security: { csp },
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      transformers: [wholeLineTokenizing],
    },
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
  },
  vite: {
    plugins: [tailwindcss()],
    // Font files stay files, even the small subsets Vite would inline as data:
    // URLs: the Content-Security-Policy takes fonts from this origin only.
    build: {
      assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
      rolldownOptions: {
        // Every MDX entry made rolldown warn that Astro's own "use astro:head-inject" marker may
        // not survive bundling: Astro's bug, harmless here (withastro/astro#18087), and it buried
        // the warnings an author should read.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
});
