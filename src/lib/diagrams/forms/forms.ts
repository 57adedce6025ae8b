/**
 * A fence's forms: the author's drawing, and where it is not seen whole
 * everywhere the site shows it, a compact one, a wide one and an overview
 * (sources.ts, overview.ts), each rendered by the same pipeline and cached by
 * its source. choose.ts decides which one each container shows; the rules
 * written here show it, with container queries and no script.
 *
 * An author pins a form with `layout="wide"` (the author's drawing only,
 * scrolling where it does not fit, with a build warning) or `layout="narrow"`
 * (the compact form everywhere) in the fence's info string.
 */
import type { DiagramFailure, DiagramRenderer, RenderedDiagram } from '../types.ts';
import {
  CONTAINERS,
  choiceRuns,
  fitOf,
  keptForms,
  SCREENS,
  seenWholeEverywhere,
  type Form,
  type FormName,
  type Placement,
} from './choose.ts';
import { isHorizontal } from './direction.ts';
import { overviewSource } from './overview.ts';
import { compactSource, elkSource, wideSource, withConfig } from './sources.ts';

export type LayoutPin = 'wide' | 'narrow';

export interface DiagramForms {
  /** In the order a tie is settled: the author's first. */
  forms: Form[];
  pin: LayoutPin | undefined;
}

export type FormsResult = { ok: true; forms: DiagramForms } | { ok: false; failure: DiagramFailure };

const LAYOUT_ATTRIBUTE = /(?:^|\s)layout=(?:"([^"]*)"|'([^']*)'|([^\s"']+))/;

/** Reads `layout="wide"` / `layout="narrow"` from a fence's info string. */
export function layoutPin(
  meta: string | null | undefined,
): { ok: true; pin: LayoutPin | undefined } | { ok: false; failure: DiagramFailure } {
  const match = LAYOUT_ATTRIBUTE.exec(meta ?? '');
  if (!match) return { ok: true, pin: undefined };
  const value = match[1] ?? match[2] ?? match[3] ?? '';
  if (value === 'wide' || value === 'narrow') return { ok: true, pin: value };
  return {
    ok: false,
    failure: {
      problem: 'syntax',
      reason: `layout="${value}" is not a layout. Write layout="wide" (the diagram as drawn everywhere, scrolling where it does not fit) or layout="narrow" (the compact form everywhere), or leave it out to let the page choose.`,
      diagramLine: undefined,
    },
  };
}

/** The placements a fence may be shown in: every fence inline and full size; an Architecture Flow on cards too. */
const placementsOf = (architectureFlow: boolean): Placement[] =>
  architectureFlow ? ['inline', 'full-size', 'card', 'hero'] : ['inline', 'full-size'];

export interface FormOptions {
  /** The fence is a case study's Architecture Flow: it is also shown on cards, and the home hero shows its overview. */
  architectureFlow?: boolean | undefined;
}

/**
 * Renders the forms a fence needs, each only when the ones before it are not
 * seen whole in every placement it is shown in (an Architecture Flow always
 * gets its overview, for the home hero). Only the author's drawing can fail
 * the fence: it is what the author wrote; a form that does not draw is left out.
 */
export async function renderForms(
  renderer: DiagramRenderer,
  source: string,
  meta: string | null | undefined,
  options: FormOptions = {},
): Promise<FormsResult> {
  const pinned = layoutPin(meta);
  if (!pinned.ok) return pinned;
  const author = await renderer.render(source);
  if (!author.ok) return author;
  const forms: Form[] = [{ name: 'author', diagram: author.diagram }];
  const done = (): FormsResult => ({ ok: true, forms: { forms, pin: pinned.pin } });
  if (pinned.pin === 'wide') return done();

  const { type, graph, accTitle } = author.diagram;
  /** Draws each source (one batch in the render page) and keeps the narrowest at the floor as the form `name`. */
  const draw = async (name: FormName, ...sources: (string | undefined)[]): Promise<Form[]> => {
    const drawn = await Promise.all(sources.filter((candidate) => candidate !== undefined).map((candidate) => renderer.render(candidate)));
    const narrowest = drawn
      .flatMap((result) => (result.ok ? [result.diagram] : []))
      .sort((a, b) => a.width / a.labelSize - b.width / b.labelSize)[0];
    return narrowest ? [{ name, diagram: narrowest }] : [];
  };
  const placements = placementsOf(options.architectureFlow ?? false);
  const needed = (drawn: readonly Form[]) => placements.some((placement) => !seenWholeEverywhere(drawn, placement));

  if (pinned.pin === 'narrow') {
    // The compact form everywhere, when there is one to show.
    const compact = await draw('compact', compactSource(source, type, graph));
    return { ok: true, forms: { forms: compact.length > 0 ? compact : forms, pin: pinned.pin } };
  }
  const overview = () => {
    const overviewFlow = graph ? overviewSource(graph, accTitle) : undefined;
    // Laid out by dagre and by ELK; the narrower is the overview.
    return overviewFlow === undefined
      ? Promise.resolve([])
      : draw('overview', compactSource(overviewFlow, type, undefined), withConfig(overviewFlow, { layout: 'elk' }));
  };
  // Both, where the author's drawing is not enough: dagre's tight one is often the smaller (and wins a
  // tie, being first), ELK's draws a group's title clear of its nodes and stacks nested groups.
  // A flow drawn top to bottom may use a wide screen better across (the hero, a desktop column), and
  // an Architecture Flow always has its overview (the home hero): what is known to be needed now is
  // drawn in one batch, so an edit in `npm run dev` waits for two round trips, not five.
  const tall = options.architectureFlow === true && !isHorizontal(source);
  const authorNotEnough = needed(forms);
  const [compact, elk, earlyWide, earlyOverview] = await Promise.all([
    authorNotEnough ? draw('compact', compactSource(source, type, graph)) : [],
    authorNotEnough ? draw('elk', elkSource(source, type, graph)) : [],
    tall ? draw('wide', wideSource(source, type, graph)) : [],
    options.architectureFlow ? overview() : [],
  ]);
  forms.push(...compact, ...elk);
  forms.push(...(tall ? earlyWide : needed(forms) ? await draw('wide', wideSource(source, type, graph)) : []));
  forms.push(...(options.architectureFlow ? earlyOverview : needed(forms) ? await overview() : []));
  return done();
}

/** The forms a placement shows: the overview never on a full-size page. */
export function formsFor(forms: DiagramForms, placement: Placement): Form[] {
  const candidates = placement === 'full-size' ? forms.forms.filter((form) => form.name !== 'overview') : forms.forms;
  return keptForms(candidates, placement);
}

/**
 * For the build's warning: how wide, labels at the floor, the narrowest of
 * `forms` is on the first screen where none is seen whole; undefined when one
 * always is.
 */
export function scrollingWidth(forms: readonly Form[], placement: Placement): number | undefined {
  for (const screen of SCREENS) {
    const width = CONTAINERS[placement][screen.name];
    const best = forms.map((form) => fitOf(form.diagram, screen, width, placement));
    if (!best.some((candidate) => candidate.whole)) return Math.ceil(Math.min(...best.map((candidate) => candidate.floorWidth)));
  }
  return undefined;
}

export const formClass = (name: FormName) => `diagram__form--${name}`;

/**
 * The figure's own rules (scoped by its id): per screen, per run of container
 * widths, which form shows, and whether the scroll cue does.
 */
export function formRules(figureId: string, forms: readonly Form[], placement: Placement): string {
  const scope = `#${figureId}`;
  return SCREENS.map((screen) => {
    const runs = choiceRuns(forms, screen, placement).map(({ from, to, form, whole }) => {
      const range = [from > 0 ? `(width >= ${from}px)` : '', Number.isFinite(to) ? `(width < ${to}px)` : ''].filter(Boolean).join(' and ');
      const shown = forms.map((other) => `${scope} .${formClass(other.name)}{display:${other === form ? 'block' : 'none'}}`).join('');
      const cue = whole ? '' : `${scope} .diagram__scroll-cue{display:flex}`;
      const rules = `${forms.length > 1 ? shown : ''}${cue}`;
      return rules && (range ? `@container diagram ${range}{${rules}}` : rules);
    });
    const body = runs.join('');
    return body ? `@media ${screen.media}{${body}}` : '';
  }).join('');
}

/** The fence's own drawing (its compact form, when pinned narrow): what names it and its full-size page. */
export const diagramOf = (forms: DiagramForms): RenderedDiagram => forms.forms[0]!.diagram;
