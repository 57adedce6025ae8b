/**
 * The browser the build draws diagrams in (and prints PDFs and runs the e2e
 * tests with) starts with its pages and nothing else: no browser-UI page
 * loading in a renderer of its own for a window nobody sees.
 */
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../src/lib/chromium.ts';

describe('headless Chromium, as the project starts it', () => {
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
