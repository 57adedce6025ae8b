/**
 * Every diagram view on every page the build wrote, as a reader meets it on a
 * 390×844 phone and a 1280×900 desktop: the form shown, the share of its
 * width in view, how far it opens scrolled, its height in screens and its
 * smallest label in CSS px (font size × scale). The figures the "seen whole"
 * checks (tests/e2e/seen-whole.ts) and the legibility floor are judged by,
 * as a table for reports.
 *
 * Usage: npm run preview, then node scripts/measure-diagrams.ts [url=http://127.0.0.1:4321] [dist]
 */
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { labelSizes } from '../tests/e2e/diagram-labels.ts';
import { diagramViews } from '../tests/e2e/seen-whole.ts';

const origin = process.argv[2] ?? 'http://127.0.0.1:4321';
const dist = process.argv[3] ?? 'dist';
const paths = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('index.html'))
  .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
  .sort();
const screens = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];

const browser = await chromium.launch(chromiumLaunchOptions());
console.log('| page | diagram | screen | form | width seen | opens scrolled by | height | smallest label |');
console.log('|---|---|---|---|---:|---:|---:|---:|');
try {
  for (const path of paths) {
    for (const screen of screens) {
      const page = await browser.newPage({ viewport: screen });
      await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const labels = await labelSizes(page);
      for (const view of await diagramViews(page)) {
        const smallest = Math.min(...labels.filter(({ diagram }) => diagram === view.diagram).map(({ size }) => size));
        const cells = [path, view.diagram.replace(/ \(.*$/, ''), `${screen.width}×${screen.height}`, view.form];
        cells.push(
          `${(view.seen * 100).toFixed(1)} %`,
          `${view.scrolledBy} px`,
          `${view.screens.toFixed(2)} screens`,
          `${smallest.toFixed(2)} px`,
        );
        console.log(`| ${cells.join(' | ')} |`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
