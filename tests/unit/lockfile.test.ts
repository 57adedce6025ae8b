/**
 * package-lock.json must hold every platform's native packages, not only the
 * ones of the machine that last ran `npm install`: npm does not add an
 * optional platform package missing from the lockfile, so a Mac or Windows
 * laptop would install a build that cannot start.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lockfile = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, unknown>;
};
const installed = Object.keys(lockfile.packages);

/** The platforms the README promises, as most native packages name them (Windows ones end in -msvc). */
const PLATFORMS = ['darwin-arm64', 'darwin-x64', 'linux-x64-gnu', 'win32-x64'];
/** Biome names Linux's glibc build without the C library, and Windows' without -msvc. */
const BIOME_PLATFORMS = ['darwin-arm64', 'darwin-x64', 'linux-x64', 'win32-x64'];

/** Native packages the build and its gates cannot run without: the prefix of their platform packages, and the platforms. */
const NATIVE_PACKAGES: Record<string, [prefix: string, platforms: string[]]> = {
  'the Astro compiler': ['@astrojs/compiler-binding-', PLATFORMS],
  "Tailwind's oxide": ['@tailwindcss/oxide-', PLATFORMS],
  'Sätteri (Markdown)': ['@bruits/satteri-', PLATFORMS],
  'resvg (Open Graph images)': ['@resvg/resvg-js-', PLATFORMS],
  "Biome's CLI (format and lint)": ['@biomejs/cli-', BIOME_PLATFORMS],
};

describe('package-lock.json', () => {
  it.each(Object.entries(NATIVE_PACKAGES))('holds %s for every platform', (_name, [prefix, platforms]) => {
    const missing = platforms.filter(
      (platform) =>
        !installed.some((path) => path === `node_modules/${prefix}${platform}` || path === `node_modules/${prefix}${platform}-msvc`),
    );
    expect(missing, `${prefix}* missing from package-lock.json for these platforms`).toEqual([]);
  });
});
