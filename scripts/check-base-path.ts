/**
 * The site must work from a sub-path: GitHub Pages serves a project site from
 * /<repository>/. Builds it with BASE_PATH=/portfolio/ into a folder of its
 * own (dist/ is left alone) and checks every link, asset and #fragment in
 * that build, served from /portfolio/ as a host would.
 *
 * Usage: node scripts/check-base-path.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroCli } from './astro-cli.ts';
import { checkLinks } from './check-links.ts';

const BASE_PATH = '/portfolio/';

const hostRoot = mkdtempSync(join(tmpdir(), 'base-path-check-'));
try {
  const outDir = join(hostRoot, BASE_PATH);
  console.log(`base path: building with BASE_PATH=${BASE_PATH} into ${outDir}`);
  const build = spawnSync(process.execPath, [astroCli, 'build', '--outDir', outDir], {
    env: { ...process.env, BASE_PATH },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    throw new Error(`base path: the build with BASE_PATH=${BASE_PATH} failed (exit ${build.status}).`);
  }
  if (!(await checkLinks(hostRoot))) {
    throw new Error(`base path: the site built for ${BASE_PATH} has broken links (listed above).`);
  }
  console.log(`base path: the site works from ${BASE_PATH}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(hostRoot, { recursive: true, force: true });
}
