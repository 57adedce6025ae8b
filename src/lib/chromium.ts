/**
 * One answer, for the whole project, to "which Chromium do we drive?" — the
 * diagram pipeline (at build time), Playwright (tests) and Lighthouse all ask
 * here, so they never disagree.
 *
 * Order: $CHROMIUM_PATH, then a Chromium installed on the machine, then the
 * browser Playwright downloaded (`npx playwright install chromium`).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const onMachine = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (onMachine) return onMachine;
  // Loaded only here, the last resort: playwright-core takes a second or more to load, and
  // `npm run dev` and `npm run build` ask this question before they start.
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  const playwrights = chromium.executablePath();
  return playwrights && existsSync(playwrights) ? playwrights : undefined;
}

export const MISSING_CHROMIUM_HELP = [
  'No Chromium found. The build renders diagrams with it and the tests drive it. Any one of these fixes it:',
  '  • Debian/Ubuntu: sudo apt-get install -y chromium',
  '  • Any OS:        npx playwright install chromium',
  '  • Already have Chrome or Chromium elsewhere: export CHROMIUM_PATH=/path/to/chrome',
].join('\n');

export function requireChromium(): string {
  const path = findChromium();
  if (!path) throw new Error(MISSING_CHROMIUM_HELP);
  return path;
}

/**
 * Flags for a quiet, reproducible headless browser: no background traffic
 * (this project must never reach another origin), no GPU, and no sandbox when
 * running as root, where Chromium refuses to start with one.
 */
export function chromiumArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--font-render-hinting=none',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/**
 * The features Playwright turns off when it starts Chromium (its own
 * `--disable-features` switch). Chromium reads only the last such switch, so
 * ours must repeat them; tests/unit/chromium.test.ts holds this copy to the
 * installed Playwright's list.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The address bar's two popup pages, which headless Chromium loads at start
 * for a window nobody sees: a renderer of their own, and about a third of the
 * CPU that starting the browser costs. The diagrams' render browser starts on
 * every cold build, beside Astro's own start (tests/integration/chromium-start.test.ts).
 */
export const UNSEEN_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** The flags above for a Chromium that Playwright starts, with Playwright's own disabled features and the unseen UI. */
export function playwrightChromiumArgs(): string[] {
  return [...chromiumArgs(), `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNSEEN_BROWSER_UI].join(',')}`];
}

export function chromiumLaunchOptions(): { executablePath: string; args: string[]; headless: true } {
  return { executablePath: requireChromium(), args: playwrightChromiumArgs(), headless: true };
}
