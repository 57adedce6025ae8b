/**
 * Each diagram's natural-size drawing as a file of its own, offered on its
 * full-size page: the browser opens, zooms and pans it natively, in the
 * reader's colour scheme.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getFullSizePages, type FullSizePage } from '../../data/content';
import { standaloneSvg } from '../../lib/diagrams/index.ts';

export const getStaticPaths = (async () =>
  (await getFullSizePages()).map(({ diagram }) => ({ params: { id: diagram.id }, props: { diagram } }))) satisfies GetStaticPaths;

export const GET: APIRoute<Pick<FullSizePage, 'diagram'>> = ({ props }) =>
  new Response(standaloneSvg(props.diagram.natural, props.diagram.name), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
