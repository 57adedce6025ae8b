/**
 * Which Chromium took the pixel baselines. Debian serves only its current
 * Chromium, so the browser cannot be pinned, and a new version may move text by
 * a pixel on every page at once. The version that took the baselines is kept
 * beside them (written by `npm run test:update`); when the running Chromium is
 * another, the visual check fails once, saying so, instead of image by image
 * with no reason given. When the versions match, zero tolerance stands.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHROMIUM_VERSION_FILE = fileURLToPath(new URL('./__screenshots__/chromium-version.txt', import.meta.url));
const RELATIVE_FILE = 'tests/e2e/__screenshots__/chromium-version.txt';

export interface BaselineBrowser {
  /** Whether the images are compared: the versions match, the file is missing (unknown), or the baselines are being rewritten. */
  compareImages: boolean;
  /** Why the baselines cannot be trusted to compare as they are; `undefined` when they can. */
  problem: string | undefined;
}

const recordedVersion = (): string | undefined =>
  existsSync(CHROMIUM_VERSION_FILE) ? readFileSync(CHROMIUM_VERSION_FILE, 'utf8').trim() || undefined : undefined;

/** The baselines as the running Chromium (`browser.version()`) meets them. */
export function baselineBrowser(running: string, updating: boolean): BaselineBrowser {
  if (updating) return { compareImages: true, problem: undefined };
  const recorded = recordedVersion();
  if (recorded === undefined) {
    return {
      compareImages: true,
      problem:
        `No record of the Chromium that took the baselines (${RELATIVE_FILE}); this is Chromium ${running}: ` +
        'run `npm run test:update` and look at each changed image.',
    };
  }
  if (recorded !== running) {
    return {
      compareImages: false,
      problem: `The baselines were taken with Chromium ${recorded}, this is Chromium ${running}: run \`npm run test:update\` and look at each changed image.`,
    };
  }
  return { compareImages: true, problem: undefined };
}

/** Notes the running Chromium as the one that took the baselines (an update run). */
export function recordBaselineBrowser(running: string): void {
  writeFileSync(CHROMIUM_VERSION_FILE, `${running}\n`);
}
