/**
 * The browser the build draws diagrams in (and prints PDFs and runs the e2e
 * tests with) starts with its pages and nothing else: no browser-UI page
 * loading in a renderer of its own for a window nobody sees.
 */
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../src/lib/chromium.ts';

// Chromium's launch alone took over 5 s (vitest's default) in a full `npm test`, where the end-to-end
// run shares the machine's two cores: the same 120 s as the other tests that start a browser.
describe('headless Chromium, as the project starts it', { timeout: 120_000 }, () => {
  it('opens no browser-UI pages beside its own', async () => {
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto('about:blank');
      const session = await browser.newBrowserCDPSession();
      const { targetInfos } = await session.send('Target.getTargets');
      expect(targetInfos.filter((target) => target.type === 'browser_ui').map((target) => target.url)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
