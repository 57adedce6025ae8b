/**
 * Icon packs a diagram may draw from, all Iconify JSON sets installed from
 * npm: an icon is inlined as SVG paths, with no web font and no request to
 * another origin. Monochrome icons are drawn in `currentColor`, so they take
 * the text colour of either theme; logos keep their own colours.
 *
 * The packs are read from node_modules by the render page when a diagram first
 * asks for one (browser.ts), and are part of the cache key (pipeline.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DiagramFailure } from '../types.ts';

/** Pack name as written in a diagram (`logos:kafka`, `fab:fa-github`) → the npm packages that hold it, searched in order. */
const ICON_PACKS: Readonly<Record<string, readonly string[]>> = {
  logos: ['@iconify-json/logos'],
  mdi: ['@iconify-json/mdi'],
  // Font Awesome's label syntax: `fa:` and `fas:` are the solid style (`fa:` also finds
  // brands, as Font Awesome 4's single font did), `far:` regular, `fab:` brands.
  fa: ['@iconify-json/fa6-solid', '@iconify-json/fa6-brands'],
  fas: ['@iconify-json/fa6-solid'],
  far: ['@iconify-json/fa6-regular'],
  fab: ['@iconify-json/fa6-brands'],
};

interface IconifyIcon {
  body: string;
  width?: number;
  height?: number;
  [key: string]: unknown;
}

export interface IconifyJson {
  prefix: string;
  icons: Record<string, IconifyIcon>;
  aliases?: Record<string, { parent: string; [key: string]: unknown }>;
  width?: number;
  height?: number;
}

/** Resolves the packs' files from the project at `root`. */
export function iconPackFiles(root: string): Record<string, string[]> {
  const resolve = createRequire(join(root, 'package.json')).resolve;
  return Object.fromEntries(
    Object.entries(ICON_PACKS).map(([name, packages]) => [name, packages.map((pkg) => resolve(`${pkg}/icons.json`))]),
  );
}

const loaded = new Map<string, IconifyJson>();

/**
 * One pack, under the name diagrams use for it. A pack made of several sets
 * (`fa`) is merged, the first set winning; each icon keeps its own set's
 * default size, which merging would otherwise lose.
 */
export function loadIconPack(name: string, files: readonly string[]): IconifyJson {
  const key = `${name}\n${files.join('\n')}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const pack: IconifyJson = { prefix: name, icons: {}, aliases: {} };
  for (const file of [...files].reverse()) {
    const set = JSON.parse(readFileSync(file, 'utf8')) as IconifyJson;
    const sized = (icon: IconifyIcon): IconifyIcon => ({ width: set.width ?? 16, height: set.height ?? 16, ...icon });
    for (const [iconName, icon] of Object.entries(set.icons)) pack.icons[iconName] = sized(icon);
    for (const [alias, target] of Object.entries(set.aliases ?? {})) {
      const parent = set.icons[target.parent];
      // An alias of another set would point at the wrong icon once merged: give it its own copy.
      if (parent) pack.icons[alias] = sized({ ...parent, ...target, body: parent.body });
    }
  }
  loaded.set(key, pack);
  return pack;
}

/** Changes when an icon pack's version does (part of the cache key). */
export function iconPacksFingerprint(root: string): string {
  const resolve = createRequire(join(root, 'package.json')).resolve;
  const versions = [...new Set(Object.values(ICON_PACKS).flat())].sort().map((pkg) => {
    const { version } = JSON.parse(readFileSync(resolve(`${pkg}/package.json`), 'utf8')) as { version: string };
    return `${pkg}@${version}`;
  });
  return createHash('sha256').update(versions.join('\n')).digest('hex').slice(0, 16);
}

interface IconReference {
  pack: string;
  icon: string;
  /** 1-based line inside the diagram. */
  line: number;
}

/** Icon names in a diagram: `@{ icon: "pack:name" }`, architecture's `service id(pack:name)`, and Font Awesome's `fa:fa-name`. */
function iconReferences(source: string): IconReference[] {
  const patterns = [
    /\bicon\s*:\s*["']?([\w-]+):([\w-]+)/g,
    /^\s*(?:service|group|junction)\s+[\w-]+\s*\(\s*([\w-]+):([\w-]+)\s*\)/g,
    /\b(fa[bklrs]?):fa-([\w-]+)/g,
  ];
  return source
    .split('\n')
    .flatMap((text, index) =>
      patterns.flatMap((pattern) =>
        [...text.matchAll(pattern)].map((match) => ({ pack: match[1] ?? '', icon: match[2] ?? '', line: index + 1 })),
      ),
    );
}

/** The first icon a diagram names that no registered pack has, as a failure at its line. */
export function unknownIcon(source: string, files: Record<string, string[]>): DiagramFailure | undefined {
  for (const reference of iconReferences(source)) {
    const packFiles = files[reference.pack];
    if (packFiles && loadIconPack(reference.pack, packFiles).icons[reference.icon]) continue;
    const written = reference.pack.startsWith('fa') ? `${reference.pack}:fa-${reference.icon}` : `${reference.pack}:${reference.icon}`;
    const why = packFiles
      ? `the "${reference.pack}" icon pack has no icon "${reference.icon}"`
      : `there is no icon pack "${reference.pack}"`;
    return {
      problem: 'unknown-icon',
      reason: `Unknown icon "${written}": ${why}. Icon packs: ${Object.keys(ICON_PACKS).join(', ')}.`,
      diagramLine: reference.line,
    };
  }
  return undefined;
}
