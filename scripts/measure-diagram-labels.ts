/**
 * The smallest diagram label on every page of a running site, at a phone's
 * width and a desktop's, in CSS px (font size × the SVG's scale): the figures
 * the legibility floor is judged by (11 px at 390 px, 12 px at 1280 px).
 *
 * Usage: npm run preview, then node scripts/measure-diagram-labels.ts [url=http://127.0.0.1:4321] [dist]
 */
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { labelSizes } from '../tests/e2e/diagram-labels.ts';
import { sitemapPaths } from './sitemap.ts';

const origin = process.argv[2] ?? 'http://127.0.0.1:4321';
const dist = process.argv[3] ?? 'dist';
const paths = sitemapPaths(dist);

const widths = [390, 1280];
const browser = await chromium.launch(chromiumLaunchOptions());
console.log(`| page | diagrams | ${widths.map((width) => `smallest label at ${width} px`).join(' | ')} |`);
console.log(`|---|---:|${widths.map(() => '---:').join('|')}|`);
try {
  for (const path of paths) {
    const cells: string[] = [];
    let diagrams = 0;
    for (const width of widths) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const sizes = await labelSizes(page);
      diagrams = Math.max(diagrams, new Set(sizes.map(({ diagram }) => diagram)).size);
      const smallest = sizes.reduce<(typeof sizes)[number] | undefined>((least, entry) => (!least || entry.size < least.size ? entry : least), undefined);
      cells.push(smallest ? `${smallest.size.toFixed(2)} px ("${smallest.label}")` : '—');
      await page.close();
    }
    if (diagrams > 0) console.log(`| ${path} | ${diagrams} | ${cells.join(' | ')} |`);
  }
} finally {
  await browser.close();
}
