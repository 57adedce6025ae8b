/**
 * One answer, for the whole project, to "which Chromium do we drive?" — the
 * diagram pipeline (at build time), Playwright (tests) and Lighthouse all ask
 * here, so they never disagree.
 *
 * Order: $CHROMIUM_PATH, then a Chromium installed on the machine, then the
 * browser Playwright downloaded (`npx playwright install chromium`).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

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

export function chromiumLaunchOptions(): { executablePath: string; args: string[]; headless: true } {
  return { executablePath: requireChromium(), args: chromiumArgs(), headless: true };
}
