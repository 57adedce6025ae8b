/**
 * The Markdown side of content references, a Sätteri mdast plugin:
 *
 * - A local image that is not there stops the compile at the line the author
 *   wrote it. Left to the bundler, the same mistake is reported at a line of
 *   the compiled MDX module (`ledger.mdx:76:38` in a 22-line file) or, in
 *   Markdown, at a line of Astro's own source.
 * - Under a base path (BASE_PATH=/portfolio/) a root-relative link written in
 *   content (`/case-studies/x/`) gets the base, as the site's own links do
 *   (src/lib/urls.ts), so content is written once for any host.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition, MdastPluginEntry, MdxJsxFlowElement, MdxJsxTextElement, PluginFactoryContext } from 'satteri';
import { ContentError, combineContentErrors, displayPath, nearest } from '../content-error.ts';
import { joinBase } from '../urls.ts';
import { documentReferences, isInternal, type DocumentFormat, type WrittenImage } from './collect.ts';

export const MISSING_IMAGES = { what: 'images in content do not exist', hint: 'Each image above says where it was looked for.' };

const MAY_HAVE_IMAGE = /!\[|^[ \t]*\[[^\]]+\]:/m;

export function missingImages(file: string, format: DocumentFormat, root: string): ContentError[] {
  const directory = dirname(file);
  const missing = documentReferences(readFileSync(file, 'utf8'), format).images.filter(
    (image) => !existsSync(join(directory, decodeURI(image.url.split(/[?#]/)[0]!))),
  );
  return missing.map((image) => missingImageError(file, image, root));
}

function missingImageError(file: string, image: WrittenImage, root: string): ContentError {
  const wanted = join(dirname(image.url), '');
  const folder = join(dirname(file), wanted);
  const siblings = existsSync(folder) ? readdirSync(folder).filter((name) => /\.(avif|gif|jpe?g|png|svg|webp)$/i.test(name)) : [];
  const suggestions = nearest(
    image.url,
    siblings.map((name) => `./${join(wanted, name)}`),
  );
  return new ContentError(
    { file, line: image.line, column: image.column },
    `the image "${image.url}" does not exist (looked for ${displayPath(join(dirname(file), image.url), root)}).`,
    suggestions.length > 0
      ? `Images are found relative to the content file. Nearest images there: ${suggestions.join(', ')}.`
      : 'Images are found relative to the content file: put the image next to it, or fix the path.',
    root,
  );
}

const withBase = (base: string, url: string) => (base !== '/' && url.startsWith('/') && !url.startsWith('//') ? joinBase(base, url) : url);

export function contentReferencesPlugin(options: { root: string; base: string }): MdastPluginEntry {
  return (document: PluginFactoryContext): MdastPluginDefinition | null => {
    const file = document.fileURL ? fileURLToPath(document.fileURL) : undefined;
    const checkImages = file !== undefined && existsSync(file) && MAY_HAVE_IMAGE.test(document.source);
    const rebase = options.base !== '/';
    if (!checkImages && !rebase) return null;
    return {
      name: 'content-references',
      ...(checkImages && {
        before() {
          // The file on disk, not the processed body: its lines are the author's lines.
          const failure = combineContentErrors(missingImages(file, document.sourceFormat, options.root), MISSING_IMAGES);
          if (failure) throw failure;
        },
      }),
      ...(rebase && {
        link(node, context) {
          if (isInternal(node.url)) context.setProperty(node, 'url', withBase(options.base, node.url));
        },
        definition(node, context) {
          if (isInternal(node.url)) context.setProperty(node, 'url', withBase(options.base, node.url));
        },
        mdxJsxFlowElement: rebaseHref,
        mdxJsxTextElement: rebaseHref,
      }),
    };

    /** A JSX element's attributes cannot be set in place: it is replaced by a copy, children and all. */
    function rebaseHref(node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>) {
      const rebased = node.attributes.map((attribute) =>
        attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string'
          ? { ...attribute, value: withBase(options.base, attribute.value) }
          : attribute,
      );
      return rebased.some((attribute, index) => attribute !== node.attributes[index]) ? { ...node, attributes: rebased } : undefined;
    }
  };
}
