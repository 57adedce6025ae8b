/**
 * Every internal link, asset and #fragment in a built site resolves.
 *
 * linkinator serves the build folder itself and crawls every HTML page in it.
 * Links to other sites are not fetched (nothing here may reach the network);
 * the site's own absolute URLs (canonical, og:url, og:image…) are mapped onto
 * the local server and checked like every other link.
 *
 * Usage: node scripts/check-links.ts [folder=dist]
 * The folder is served as the host's root, so a build for a base path must
 * sit in a sub-folder of the same name (scripts/check-base-path.ts does that).
 */
import { LinkChecker, LinkState } from 'linkinator';
import { site } from '../src/site.config.ts';
import { freeLoopbackPort } from './free-port.ts';
import { escapeRegExp } from '../src/lib/regexp.ts';

/** Checks the site in `serverRoot`; prints what is broken and returns whether nothing is. */
export async function checkLinks(serverRoot: string, siteUrl = process.env['SITE_URL'] ?? site.url): Promise<boolean> {
  const port = await freeLoopbackPort();
  // linkinator's own static server listens here.
  const local = `http://127.0.0.1:${port}`;
  const checker = new LinkChecker();
  const result = await checker.check({
    path: '**/*.html',
    serverRoot,
    port,
    recurse: true,
    checkCss: true,
    checkFragments: true,
    concurrency: 8,
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(new URL(siteUrl).origin)}`), replacement: local }],
    linksToSkip: async (link) => !link.startsWith(local),
  });
  const broken = result.links.filter((link) => link.state === LinkState.BROKEN);
  const checked = result.links.filter((link) => link.state === LinkState.OK).length;
  for (const link of broken) {
    console.error(`  broken: ${link.url} (status ${link.status ?? 'none'}) on ${link.parent ?? 'the start page'}`);
  }
  console.log(`links in ${serverRoot}/: ${checked} resolved, ${broken.length} broken`);
  return broken.length === 0;
}

if (import.meta.main) {
  const ok = await checkLinks(process.argv[2] ?? 'dist');
  process.exit(ok ? 0 : 1);
}
