import { describe, expect, it } from 'vitest';
import {
  choiceRuns,
  choose,
  CONTAINERS,
  fitOf,
  keptForms,
  SCREENS,
  type Form,
  type FormName,
  formRules,
  layoutPin,
  renderForms,
  type DiagramRenderer,
  type RenderedDiagram,
} from '../../../../src/lib/diagrams/testing.ts';

const [phone, desktop] = SCREENS as [(typeof SCREENS)[number], (typeof SCREENS)[number]];
const drawn = (width: number, height: number, labelSize = 16): RenderedDiagram => ({
  key: `${width}x${height}`,
  rootId: `mmd-${width}x${height}`,
  svg: '',
  type: 'flowchart-v2',
  width,
  height,
  labelSize,
});
const form = (name: FormName, width: number, height: number): Form => ({ name, diagram: drawn(width, height) });

describe('fitOf: seen whole, measured at the floor', () => {
  it('is whole when, labels at the floor, it is no wider than the room and no taller than the screen allows', () => {
    // 16 px labels → 11 px on a phone: 500 px natural is 344 px at the floor; the room is 358 − 10.
    expect(fitOf(drawn(500, 400), phone, 358, 'inline')).toMatchObject({ whole: true, floorWidth: 343.75 });
    expect(fitOf(drawn(520, 400), phone, 358, 'inline').whole).toBe(false);
    // Two phone screens (1,688 px) at the floor: 2,455 px natural at most.
    expect(fitOf(drawn(300, 2450), phone, 358, 'inline').whole).toBe(true);
    expect(fitOf(drawn(300, 2500), phone, 358, 'inline').whole).toBe(false);
    // … but a full-size page may be as tall as the flow needs.
    expect(fitOf(drawn(300, 5000), phone, 358, 'full-size').whole).toBe(true);
  });

  it('draws as large as the room, natural size and the screen’s height allow', () => {
    // One desktop screen: 1,000 × 2,000 natural is drawn 450 px wide (900 px tall), labels at 7.2 px: below 12, not whole.
    expect(fitOf(drawn(1000, 2000), desktop, 1088, 'inline')).toMatchObject({ whole: false });
    expect(fitOf(drawn(400, 600), desktop, 1088, 'inline')).toMatchObject({ whole: true, label: 16, drawn: 400 });
  });
});

describe('choose', () => {
  const author = form('author', 900, 500);
  const compact = form('compact', 450, 900);
  const overview = form('overview', 300, 300);

  it('shows the author’s form where it is seen whole and draws labels at least as large', () => {
    expect(choose([author, compact, overview], desktop, CONTAINERS.inline.desktop, 'inline')).toBe(author);
  });

  it('falls to the compact form, then to the overview, as the room narrows', () => {
    expect(choose([author, compact, overview], phone, CONTAINERS.inline.phone, 'inline')).toBe(compact);
    expect(choose([author, compact, overview], phone, 250, 'inline')).toBe(overview);
  });

  it('prefers the overview on the home hero, and never keeps it for a full-size page', () => {
    expect(choose([author, compact, overview], desktop, CONTAINERS.hero.desktop, 'hero')).toBe(overview);
    expect(keptForms([author, compact], 'full-size')).toEqual([author, compact]);
  });

  it('lets the narrowest scroll where nothing is seen whole', () => {
    expect(choose([author, compact], phone, 200, 'inline')).toBe(compact);
  });

  it('keeps only the forms chosen where the placement shows them', () => {
    const spare = form('wide', 2000, 300);
    expect(keptForms([author, compact, spare], 'inline')).toEqual([author, compact]);
  });
});

describe('choiceRuns and formRules', () => {
  const author = form('author', 900, 500);
  const compact = form('compact', 450, 900);

  it('cover every container width, switching forms where one stops being seen whole', () => {
    const runs = choiceRuns([author, compact], phone, 'inline');
    expect(runs[0]).toMatchObject({ from: 0, form: compact });
    expect(runs.at(-1)).toMatchObject({ to: Number.POSITIVE_INFINITY, form: author, whole: true });
    // The author's form is seen whole from 629 px (900 × 11/16 at the floor, + 10 px of frame), but the
    // compact one draws its labels larger (16 px) until the author's reach 15.5 px: 900 × 15.5/16 + 10.
    expect(runs.find((run) => run.form === author)?.from).toBe(882);
  });

  it('show each form in its runs, per screen, and the cue where the shown one scrolls', () => {
    const rules = formRules('f', [author, compact], 'inline');
    expect(rules).toContain('@media (width < 640px){');
    expect(rules).toContain(
      '@container diagram (width >= 882px){#f .diagram__form--author{display:block}#f .diagram__form--compact{display:none}}',
    );
    expect(rules).toMatch(
      /@container diagram \(width < \d+px\)\{#f \.diagram__form--author\{display:none\}#f \.diagram__form--compact\{display:block\}#f \.diagram__scroll-cue\{display:flex\}\}/,
    );
  });
});

/** Which form a source is: the author's has no config of ours; an overview draws groups as `[[…]]` nodes; ELK's says so. */
const formOf = (source: string): FormName => {
  if (!source.startsWith('%%{init')) return 'author';
  if (source.includes('[[')) return 'overview';
  if (source.includes('\nflowchart LR')) return 'wide';
  return source.includes('"layout":"elk"') ? 'elk' : 'compact';
};

/** A stand-in renderer: a form's size is read from `%% <form> WxH` lines of the source, by which config it carries. */
function fakeRenderer() {
  const rendered: string[] = [];
  const renderer: DiagramRenderer = {
    async render(source: string) {
      rendered.push(source);
      if (source.includes('broken')) return { ok: false, failure: { problem: 'syntax', reason: 'Parse error', diagramLine: 2 } };
      const name = formOf(source);
      const size = new RegExp(`%% ${name} (\\d+)x(\\d+)`).exec(source) ?? ['', '200', '100'];
      const graph = {
        direction: 'TB',
        nodes: [
          { id: 'a', label: 'A', shape: 'square' },
          { id: 'b', label: 'B', shape: 'square' },
        ],
        edges: [{ from: 'a', to: 'b', label: '', arrow: 'arrow_point', stroke: 'normal' }],
        groups: [{ id: 'g', title: 'G', members: ['b'] }],
      };
      return { ok: true, diagram: { ...drawn(Number(size[1]), Number(size[2])), key: source, rootId: `mmd-${name}`, graph } };
    },
  };
  return { renderer, rendered };
}

describe('renderForms: which forms a fence gets', () => {
  const flow = (sizes: string) => `flowchart TB\n  ${sizes}\n  a --> b`;

  it('renders the author’s form alone where it is seen whole everywhere', async () => {
    const { renderer, rendered } = fakeRenderer();
    const result = await renderForms(renderer, flow('%% author 300x200'), undefined);
    expect(result.ok && result.forms.forms.map((candidate) => candidate.name)).toEqual(['author']);
    expect(rendered).toHaveLength(1);
  });

  it('adds forms until one is seen whole everywhere, the overview last', async () => {
    // Dagre's compact form and ELK's together, where the author's is not enough.
    const enough = await renderForms(fakeRenderer().renderer, flow('%% author 1400x300 %% elk 400x600 %% compact 400x600'), undefined);
    expect(enough.ok && enough.forms.forms.map((candidate) => candidate.name)).toEqual(['author', 'compact', 'elk']);
    const all = await renderForms(
      fakeRenderer().renderer,
      flow('%% author 1400x300 %% compact 900x900 %% elk 900x900 %% wide 1400x300 %% overview 300x200'),
      undefined,
    );
    expect(all.ok && all.forms.forms.map((candidate) => candidate.name)).toEqual(['author', 'compact', 'elk', 'wide', 'overview']);
  });

  it('gives an Architecture Flow its wide form and its overview, for the cards and the home hero', async () => {
    const result = await renderForms(fakeRenderer().renderer, flow('%% author 300x200'), undefined, { architectureFlow: true });
    expect(result.ok && result.forms.forms.map((candidate) => candidate.name)).toEqual(['author', 'wide', 'overview']);
  });

  it('honours the pins: layout="wide" draws the author’s form only, layout="narrow" the compact one', async () => {
    const wide = await renderForms(fakeRenderer().renderer, flow('%% author 1400x300'), 'layout="wide"');
    expect(wide.ok && [wide.forms.pin, wide.forms.forms.map((candidate) => candidate.name)]).toEqual(['wide', ['author']]);
    const narrow = await renderForms(fakeRenderer().renderer, flow('%% author 1400x300 %% compact 300x300'), 'layout="narrow"');
    expect(narrow.ok && [narrow.forms.pin, narrow.forms.forms.map((candidate) => candidate.name)]).toEqual(['narrow', ['compact']]);
  });

  it('passes a broken diagram’s failure and a bad pin on', async () => {
    const broken = await renderForms(fakeRenderer().renderer, 'flowchart LR\n  broken -->', undefined);
    expect(broken.ok ? undefined : broken.failure.reason).toBe('Parse error');
    expect(layoutPin('layout="tall"').ok).toBe(false);
  });
});
