/**
 * The deploy workflow's gate: exits non-zero, naming each one with its file
 * and line, while src/site.config.ts still holds a placeholder (an
 * example.com address, "your-handle"). The origin the deploy builds for
 * (SITE_URL) counts in place of the config's `url`, as in the build.
 *
 *   npm run check:placeholders
 *
 * Local builds and the tests only warn (src/lib/site-config/integration.ts);
 * a build with PORTFOLIO_DEPLOY=production refuses them too.
 */
import { site } from '../src/site.config.ts';
import { findPlaceholders, placeholderReport } from '../src/lib/site-config/placeholders.ts';
import { readConfigSource } from '../src/lib/site-config/source.ts';

const placeholders = findPlaceholders(site, readConfigSource(), process.env['SITE_URL'] || undefined);
if (placeholders.length > 0) {
  console.error(`Not deploying: ${placeholderReport(placeholders)}`);
  process.exit(1);
}
console.log('src/site.config.ts holds no placeholder: ready to deploy.');
