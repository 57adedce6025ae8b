/**
 * From Mermaid's raw SVG to what is cached: accessible text taken out (the
 * figure puts it back, named for its page), intrinsic size set, ids scoped,
 * the site's shapes drawn, colours themed, dead CSS dropped.
 */
import { decodeEntities } from '../../html.ts';
import type { RenderedDiagram } from '../types.ts';
import { scopeIds } from './ids.ts';
import { pruneUnusedStyles } from './prune-styles.ts';
import { recolourSvg } from './recolour.ts';
import { siteStyle } from './site-style.ts';

/** Pulls out the element Mermaid wrote for accTitle/accDescr; its text goes to the figure instead. */
function takeElement(svg: string, tag: 'title' | 'desc', id: string): { svg: string; text: string | undefined } {
  const pattern = new RegExp(`<${tag} id="${id}"[^>]*>([\\s\\S]*?)</${tag}>`);
  const match = pattern.exec(svg);
  if (!match) return { svg, text: undefined };
  return { svg: svg.replace(pattern, ''), text: decodeEntities(match[1] ?? '') };
}

const ROOT_ATTRIBUTES_TO_DROP = /\s(?:width|height|style|role|aria-roledescription|aria-labelledby|aria-describedby)="[^"]*"/g;

const round = (value: number) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : 0);

export function normaliseSvg(raw: string, identity: { key: string; rootId: string; type: string; labelSize: number }): RenderedDiagram {
  const { key, rootId } = identity;
  const title = takeElement(raw, 'title', `chart-title-${rootId}`);
  const description = takeElement(title.svg, 'desc', `chart-desc-${rootId}`);
  const rootTag = /^<svg\b[^>]*>/.exec(description.svg)?.[0] ?? '<svg>';
  const type = /aria-roledescription="([^"]*)"/.exec(rootTag)?.[1] ?? identity.type;
  const viewBox =
    /viewBox="([^"]*)"/
      .exec(rootTag)?.[1]
      ?.split(/[\s,]+/)
      .map(Number) ?? [];
  const attribute = (name: string) => Number.parseFloat(new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(rootTag)?.[1] ?? '');
  const width = round(viewBox[2] ?? attribute('width'));
  const height = round(viewBox[3] ?? attribute('height'));
  const sizedRoot = rootTag.replace(ROOT_ATTRIBUTES_TO_DROP, '').replace(/>$/, ` width="${width}" height="${height}">`);
  const svg = pruneUnusedStyles(recolourSvg(scopeIds(siteStyle(description.svg.replace(rootTag, sizedRoot)), rootId), rootId));
  return { key, rootId, svg, type, width, height, labelSize: identity.labelSize, accTitle: title.text, accDescr: description.text };
}
