/**
 * Every page (the sitemap's and the 404 page), opened once in each project
 * and held to every per-page check in turn; each check is a step of its own
 * in the report, and its failures name the page:
 *
 * - it loads cleanly as a host would serve it, with the headers of
 *   dist/_headers (its Content-Security-Policy included): no console error,
 *   no failed request, nothing from another origin, no CSP violation. Its own
 *   CSP allows inline scripts by hash only, and its links to other sites do
 *   not hand them the page;
 * - it has one h1, headings that never skip a level going down, a main
 *   landmark, a description and a canonical URL;
 * - full length, it looks exactly as its approved baseline in
 *   tests/e2e/__screenshots__/<project>/, and so does each diagram on it
 *   (where baselines are comparable, see tests/playwright.config.ts, and taken
 *   with the Chromium that runs now, see tests/e2e/baseline-browser.ts). After
 *   an intended change or a new Chromium, `npm run test:update` rewrites the
 *   baselines and records the version: review the new images before committing them;
 * - WCAG 2.2 AA: axe finds no violation, and, where axe cannot look, the Tab
 *   key reaches every link and control, each showing where the focus is;
 * - every diagram on it is seen whole (tests/e2e/seen-whole.ts): at least
 *   99 % of its width in view with no sideways scroll, no box around it
 *   opening scrolled, and at most two screens tall on the phone (390×844),
 *   one on the desktop (1280×900); every label it shows is at least the
 *   legibility floor, in CSS px (font size × the scale the SVG is drawn at):
 *   12 on the desktop, 11 on the phone; the page does not scroll sideways, and
 *   a diagram that still scrolls inside its figure says so, opens at its left
 *   edge, and can be reached and scrolled from the keyboard;
 * - every JSON-LD block parses and names a schema.org type;
 * - opened on a 360 px screen, it does not scroll sideways, and no diagram
 *   reaches past the screen's edge.
 *
 * One page load serves the checks that only read the page; the ones that
 * change it (Tab moves the focus, the narrow screen reloads it) come last.
 */
import { sha256Source } from '../../src/lib/security.ts';
import { axeViolations, tabThrough } from './accessibility.ts';
import { expectBaseline } from './baseline.ts';
import { recordBaselineBrowser } from './baseline-browser.ts';
import { canvasReports, labelSizes } from './diagram-labels.ts';
import { seenWholeFaults } from './seen-whole.ts';
import { openAsHosted } from './integrity.ts';
import { ANY_COLOUR_SCHEME, ANY_SCREEN, expect, test } from './options.ts';
import { NOT_FOUND_PATH, sitePages } from './site-pages.ts';

/** A long page captured on a busy 2-core machine takes seconds. */
const CAPTURE_TIMEOUT = 30_000;
/**
 * The time the checks had when each was a test of its own (the page's load
 * under its CSP, then WCAG 2.2 AA, 30 s each; its screenshots, 90 s): one
 * load fewer does not make the rest any quicker on a busy machine.
 */
const PAGE_CHECKS_TIMEOUT = 30_000 + 30_000 + 90_000;
const NARROW_SCREEN = { width: 360, height: 740 };
/** The legibility floor in CSS px: 11 below 640 px wide (src/lib/diagrams/forms/choose.ts, SCREENS), 12 above. */
const floorAt = (width: number) => (width < 640 ? 11 : 12);

/**
 * Once per run (the desktop-light project): the baselines were taken with the
 * Chromium that runs now. If not, this fails, naming both versions, and the
 * pages skip their images rather than fail each one; an update run records
 * the running version (tests/e2e/baseline-browser.ts).
 */
test('the baselines were taken with this Chromium', { tag: [ANY_SCREEN, ANY_COLOUR_SCHEME] }, async ({
  browser,
  compareBaselines,
  baselineBrowser,
}) => {
  test.skip(!compareBaselines, 'this project does not compare screenshots');
  const updating = test.info().config.updateSnapshots === 'all' || test.info().config.updateSnapshots === 'changed';
  if (updating) recordBaselineBrowser(browser.version());
  else expect(baselineBrowser.problem, baselineBrowser.problem).toBeUndefined();
});

for (const { path, name } of sitePages) {
  /** The sitemap's pages; the 404 page is not one. */
  const inSitemap = path !== NOT_FOUND_PATH;

  test(`${path}: every per-page check`, async ({ page, baseURL, compareBaselines, baselineBrowser }) => {
    test.setTimeout(PAGE_CHECKS_TIMEOUT);
    const origin = new URL(baseURL!).origin;
    const problems = await openAsHosted(page, path, origin);

    await test.step('loads cleanly under its CSP, and links out safely', async () => {
      expect.soft(problems, `${path}: console errors, failed requests, other origins, CSP violations`).toEqual([]);

      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      const scriptSources =
        /(?:^|;)\s*script-src\s([^;]*)/
          .exec(policy ?? '')?.[1]
          ?.trim()
          .split(/\s+/) ?? [];
      expect.soft(scriptSources, `${path}: the meta CSP's script-src`).toContain("'self'");
      expect.soft(scriptSources, `${path}: the meta CSP's script-src`).not.toContain("'unsafe-inline'");
      expect.soft(scriptSources, `${path}: the meta CSP's script-src`).not.toContain("'unsafe-eval'");
      const inlineScripts = await page
        .locator('script:not([src])')
        .evaluateAll((scripts) =>
          (scripts as HTMLScriptElement[])
            .filter((script) => ['', 'module', 'text/javascript'].includes(script.type))
            .map((script) => script.text),
        );
      for (const script of inlineScripts) {
        expect
          .soft(scriptSources, `${path}: an inline script is not allowed by its hash: ${script.slice(0, 80)}`)
          .toContain(`'${sha256Source(script)}'`);
      }

      const unprotectedLinks = await page.locator('a[href]').evaluateAll(
        (links, pageOrigin) =>
          (links as HTMLAnchorElement[])
            .filter((link) => /^https?:$/.test(link.protocol) && link.origin !== pageOrigin)
            .filter((link) => !(link.relList.contains('noopener') && link.relList.contains('noreferrer')))
            .map((link) => `${link.href} rel="${link.rel}"`),
        origin,
      );
      expect.soft(unprotectedLinks, `${path}: links to other sites without rel="noopener noreferrer"`).toEqual([]);
    });

    if (inSitemap) {
      await test.step('has one h1, headings in order, a main landmark, a description and a canonical URL', async () => {
        await expect.soft(page.getByRole('heading', { level: 1 }), `${path}: h1`).toHaveCount(1);
        await expect.soft(page.getByRole('main'), `${path}: main landmark`).toHaveCount(1);
        await expect.soft(page.locator('meta[name="description"]'), `${path}: description`).toHaveAttribute('content', /^.{50,}$/);
        await expect.soft(page.locator('link[rel="canonical"]'), `${path}: canonical URL`).toHaveAttribute('href', /^https?:\/\//);
        // A screen-reader user moves by headings: going down, each is at most one level deeper than the last.
        const levels = await page
          .locator('h1, h2, h3, h4, h5, h6')
          .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])));
        const skips = levels.flatMap((level, index) =>
          level > (levels[index - 1] ?? 0) + 1 ? [`h${levels[index - 1] ?? 0} → h${level}`] : [],
        );
        expect.soft(skips, `${path}: heading levels skipped`).toEqual([]);
      });
    }

    await test.step('every diagram seen whole, its labels at the legibility floor or above', async () => {
      expect.soft(await seenWholeFaults(page, path), `${path}: diagrams not seen whole`).toEqual([]);
      const width = page.viewportSize()!.width;
      const floor = floorAt(width);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect.soft(overflow, `${path} at ${width} px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      const small = (await labelSizes(page)).filter(({ size }) => size < floor - 0.01);
      expect
        .soft(
          small.map(({ diagram, label, size }) => `${path} at ${width} px: diagram ${diagram}, label "${label}" is ${size} px`),
          `labels below the ${floor} px floor`,
        )
        .toEqual([]);
      for (const canvas of (await canvasReports(page)).filter(({ overflows }) => overflows)) {
        const where = `${path} at ${width} px: diagram ${canvas.diagram} is wider than its column`;
        expect.soft(canvas.scrollable, `${where} but does not scroll`).toBe(true);
        expect.soft(canvas.cueVisible, `${where} but shows no scroll cue`).toBe(true);
        expect.soft(canvas.focusable, `${where} but cannot be reached from the keyboard`).toBe(true);
        expect.soft(canvas.name, `${where} but its scroll area has no accessible name`).not.toBe('');
        expect.soft(canvas.scrolledBy, `${where} and opens scrolled away from its left edge`).toBe(0);
      }
    });

    await test.step('every JSON-LD block parses and names a schema.org type', async () => {
      for (const text of await page.locator('script[type="application/ld+json"]').allTextContents()) {
        const block = JSON.parse(text) as Record<string, unknown>;
        expect.soft(block['@context'], `${path}: a JSON-LD block's @context`).toBe('https://schema.org');
        expect.soft(typeof block['@type'], `${path}: a JSON-LD block's @type`).toBe('string');
      }
    });

    // Another Chromium than the baselines': the test above fails once, saying so, and the images wait for `npm run test:update`.
    if (compareBaselines && baselineBrowser.compareImages) {
      await test.step('matches its baseline, and so does each diagram on it', async () => {
        await expectBaseline(page, `${name}.png`, `${path}: the whole page`, { fullPage: true, timeout: CAPTURE_TIMEOUT });
        const diagrams = await page.locator('figure:has(svg)').all();
        for (const [index, diagram] of diagrams.entries()) {
          await expectBaseline(diagram, `${name}--diagram-${index + 1}.png`, `${path}: diagram ${index + 1}`, { timeout: CAPTURE_TIMEOUT });
        }
      });
    }

    await test.step('meets WCAG 2.2 AA: no axe violation', async () => {
      const violations = await axeViolations(page);
      expect.soft(violations, `${path}: ${violations.length} axe violations`).toEqual([]);
    });

    await test.step('Tab reaches every link and control, with visible focus', async () => {
      const { reachable, unreached, withoutIndicator } = await tabThrough(page);
      expect.soft(reachable.length, `${path}: no links or controls found`).toBeGreaterThan(0);
      expect.soft(unreached, `${path}: links and controls the Tab key never reaches`).toEqual([]);
      expect.soft(withoutIndicator, `${path}: focused without a visible indicator`).toEqual([]);
    });

    if (inSitemap) {
      await test.step('opened on a 360 px screen, does not scroll sideways; no diagram reaches past its edge', async () => {
        // Undo what the Tab walk set, so the page opens as a visitor's would.
        await page.emulateMedia({ reducedMotion: null });
        await page.setViewportSize(NARROW_SCREEN);
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect.soft(overflow, `${path} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
        const canvases = await page
          .locator('.diagram__canvas')
          .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right));
        for (const [index, right] of canvases.entries()) {
          expect.soft(right, `${path}: diagram ${index + 1} reaches past the screen's edge`).toBeLessThanOrEqual(NARROW_SCREEN.width);
        }
      });
    }
  });
}
