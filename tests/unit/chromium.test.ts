/**
 * The Chromium that Playwright starts keeps the features Playwright turns off:
 * our --disable-features switch replaces Playwright's (Chromium reads only the
 * last one), so it must carry Playwright's whole list.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAYWRIGHT_DISABLED_FEATURES, playwrightChromiumArgs, UNSEEN_BROWSER_UI } from '../../src/lib/chromium.ts';

/** The list as the installed playwright-core writes it (`disabledFeatures = [...]` in its bundle). */
function playwrightsDisabledFeatures(): string[] {
  const bundle = readFileSync(
    join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'lib/coreBundle.js'),
    'utf8',
  );
  const list = /\bdisabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1];
  if (list === undefined)
    throw new Error(
      "playwright-core's disabledFeatures list was not found in lib/coreBundle.js: read its chromiumSwitches and update this test.",
    );
  return [...list.replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map(([, name]) => name ?? '');
}

describe('the Chromium Playwright starts', () => {
  it('keeps every feature Playwright turns off (update PLAYWRIGHT_DISABLED_FEATURES in src/lib/chromium.ts when this fails)', () => {
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(playwrightsDisabledFeatures());
  });

  it("adds one --disable-features switch of its own, carrying Playwright's features and the unseen browser UI", () => {
    const switches = playwrightChromiumArgs().filter((arg) => arg.startsWith('--disable-features='));
    expect(switches).toHaveLength(1);
    expect(switches[0]?.slice('--disable-features='.length).split(',')).toEqual([...PLAYWRIGHT_DISABLED_FEATURES, ...UNSEEN_BROWSER_UI]);
  });
});
