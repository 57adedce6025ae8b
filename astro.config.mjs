// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import diagrams from './src/lib/diagrams/index.ts';
import contentLinks from './src/lib/content-links/index.ts';
import ogImages from './src/lib/og/integration.ts';
import caseStudyPdfs from './src/lib/print/integration.ts';
import tailwindcss from '@tailwindcss/vite';
import { site } from './src/site.config.ts';
import { csp, securityHeaders } from './src/lib/security.ts';

const base = process.env.BASE_PATH ?? site.base;

export default defineConfig({
  site: process.env.SITE_URL ?? site.url,
  base,
  trailingSlash: 'ignore',
  output: 'static',
  integrations: [diagrams(), contentLinks(), mdx(), sitemap(), securityHeaders(), ogImages(), caseStudyPdfs()],
  security: { csp },
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
    },
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
  },
  vite: {
    plugins: [tailwindcss()],
    // Font files stay files, even the small subsets Vite would inline as data:
    // URLs: the Content-Security-Policy takes fonts from this origin only.
    build: { assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined) },
  },
});
