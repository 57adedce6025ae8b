/**
 * Placeholders in the site config: one warning listing each with its line on
 * every build and dev server start; with PORTFOLIO_DEPLOY=production (the
 * deploy workflow) the build stops instead, so a placeholder never goes live.
 */
import type { AstroIntegration } from 'astro';
import { site } from '../../site.config.ts';
import { DEPLOY_ENV, findPlaceholders, placeholderReport } from './placeholders.ts';
import { readConfigSource } from './source.ts';

export default function sitePlaceholders(): AstroIntegration {
  return {
    name: 'portfolio:site-config',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        const placeholders = findPlaceholders(site, readConfigSource(), config.site);
        if (placeholders.length === 0) return;
        const report = placeholderReport(placeholders);
        if (process.env[DEPLOY_ENV] === 'production') {
          throw new Error(`Refusing a production build (${DEPLOY_ENV}=production): ${report}`);
        }
        logger.warn(report);
      },
    },
  };
}
