/**
 * package-lock.json must hold every platform's native packages, not only the
 * ones of the machine that last ran `npm install`: npm does not add an
 * optional platform package missing from the lockfile, so a Mac or Windows
 * laptop would install a build that cannot start.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lockfile = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, unknown> };
const installed = Object.keys(lockfile.packages);

/** The platforms the README promises, as native packages name them (Windows ones end in -msvc). */
const PLATFORMS = ['darwin-arm64', 'darwin-x64', 'linux-x64-gnu', 'win32-x64'];

/** Native packages the build cannot run without, by the prefix of their platform packages. */
const NATIVE_PACKAGES = {
  'the Astro compiler': '@astrojs/compiler-binding-',
  "Tailwind's oxide": '@tailwindcss/oxide-',
  'Sätteri (Markdown)': '@bruits/satteri-',
  'resvg (Open Graph images)': '@resvg/resvg-js-',
};

describe('package-lock.json', () => {
  it.each(Object.entries(NATIVE_PACKAGES))('holds %s for every platform', (_name, prefix) => {
    const missing = PLATFORMS.filter(
      (platform) => !installed.some((path) => path === `node_modules/${prefix}${platform}` || path === `node_modules/${prefix}${platform}-msvc`),
    );
    expect(missing, `${prefix}* missing from package-lock.json for these platforms`).toEqual([]);
  });
});
