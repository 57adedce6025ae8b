import { existsSync } from 'node:fs';
import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import { firefox, webkit } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { ANY_COLOUR_SCHEME, ANY_SCREEN, SCREENSHOTS, type CheckOptions } from './e2e/options.ts';

// E2E_PORT lets two checkouts on one machine run their suites side by side.
const port = Number(process.env['E2E_PORT'] ?? 4329);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Pixel baselines are only comparable with renders from the browser that made
 * them: Chromium on Linux (the machine kind of this project and of CI). Other
 * browsers and platforms run every other check, but not the screenshots.
 */
const canCompareBaselines = process.platform === 'linux';
const PRINT_SPEC = 'print.spec.ts';

const screens = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true },
} as const;
const colorSchemes = ['light', 'dark'] as const;

type Project = NonNullable<PlaywrightTestConfig<CheckOptions>['projects']>[number];
type Use = NonNullable<Project['use']>;

/**
 * Partial raster repaints only the invalidated part of a tile, which leaves
 * some text a pixel different from one full-page capture to the next; with
 * whole tiles every capture of a page is identical, as a zero-tolerance
 * comparison needs.
 */
const projectChromium = chromiumLaunchOptions();
const chromiumLaunch = { ...projectChromium, args: [...projectChromium.args, '--disable-partial-raster'] };

/**
 * Each browser's version of the two screens. Firefox cannot emulate a mobile
 * device (`isMobile`), so its phone is a narrow touch screen; WebKit's is an iPhone.
 */
const browsers: { name: string; installed: boolean; screens: Record<keyof typeof screens, Use> }[] = [
  {
    name: 'chromium',
    installed: true, // src/lib/chromium.ts finds it, or launching explains what to install.
    screens: {
      desktop: { ...devices['Desktop Chrome'], ...screens.desktop, launchOptions: chromiumLaunch },
      phone: { ...devices['Pixel 7'], ...screens.phone, launchOptions: chromiumLaunch },
    },
  },
  {
    name: 'firefox',
    installed: existsSync(firefox.executablePath()),
    screens: {
      desktop: { ...devices['Desktop Firefox'], ...screens.desktop },
      phone: { ...devices['Desktop Firefox'], ...screens.phone },
    },
  },
  {
    name: 'webkit',
    installed: existsSync(webkit.executablePath()),
    screens: {
      desktop: { ...devices['Desktop Safari'], ...screens.desktop },
      phone: { ...devices['iPhone 14'], ...screens.phone },
    },
  },
];

/**
 * A test tagged as not depending on the colour scheme runs in the light
 * projects only, and one not depending on the screen on the desktop only.
 */
function onlyWhereTheyDiffer(screen: keyof typeof screens, colorScheme: (typeof colorSchemes)[number]): Pick<Project, 'grepInvert'> {
  const skipped = [...(colorScheme === 'light' ? [] : [ANY_COLOUR_SCHEME]), ...(screen === 'desktop' ? [] : [ANY_SCREEN])];
  return skipped.length === 0 ? {} : { grepInvert: new RegExp(skipped.join('|')) };
}

/**
 * Desktop and phone, each light and dark, in every browser. Chromium's keep
 * their plain names (desktop-light…); Firefox and WebKit are defined the same
 * way but only run where Playwright's build of them is installed (a GitHub
 * runner after `npx playwright install`), and skip the pixel comparison.
 * Tagged tests skip the projects that would only repeat them (tests/e2e/options.ts).
 */
const projects: Project[] = browsers
  .filter((browser) => browser.installed)
  .flatMap((browser) =>
    (Object.keys(screens) as (keyof typeof screens)[]).flatMap((screen) =>
      colorSchemes.map((colorScheme) => ({
        name: browser.name === 'chromium' ? `${screen}-${colorScheme}` : `${browser.name}-${screen}-${colorScheme}`,
        use: { ...browser.screens[screen], colorScheme, compareBaselines: browser.name === 'chromium' && canCompareBaselines },
        // page.pdf() is Chromium's alone.
        testIgnore: browser.name === 'chromium' ? [] : [`**/${PRINT_SPEC}`],
        ...onlyWhereTheyDiffer(screen, colorScheme),
      })),
    ),
  );

const config: PlaywrightTestConfig<CheckOptions> = {
  testDir: './e2e',
  outputDir: '../test-results',
  snapshotPathTemplate: '{testDir}/__screenshots__/{projectName}/{arg}{ext}',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 2,
  // The JSON report says where the time went: node scripts/e2e-timings.ts test-results/e2e-report.json
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: '../playwright-report' }],
    ['json', { outputFile: '../test-results/e2e-report.json' }],
  ],
  expect: {
    // Any changed pixel fails: a heading moved by 1 px or a text colour nudged
    // is exactly what these checks exist to catch. Renders are deterministic
    // (same Chromium, fonts awaited, animations off), so no slack is needed.
    toHaveScreenshot: SCREENSHOTS,
  },
  use: {
    baseURL,
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
  },
  projects,
  webServer: {
    // --ignore-lock: run beside a preview the author may have open (npm start).
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    cwd: '..',
    url: baseURL,
    reuseExistingServer: !process.env['CI'],
    env: { ASTRO_PREVIEW_BACKGROUND: '0' },
    stdout: 'ignore',
  },
};

export default defineConfig(config);
