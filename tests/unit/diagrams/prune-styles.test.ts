import { describe, expect, it } from 'vitest';
import { pruneUnusedStyles } from '../../../src/lib/diagrams/testing.ts';

const css = [
  '#r{font-size:16px;}',
  '@keyframes dash{to{stroke-dashoffset:0;}}',
  '@keyframes unused{to{opacity:0;}}',
  '#r .node rect,#r .cluster rect{fill:red;}',
  '#r .edge{animation:dash 5s linear;}',
  '#r .error-icon{fill:blue;}',
  '#r [data-look="neo"].node path{stroke:green;}',
  '#r [data-look="classic"].node rect{stroke:black;}',
  '#r .node:not(.clickable) text{fill:white;}',
  '#r div.tooltip{position:absolute;}',
  '@media (prefers-reduced-motion: reduce){#r .edge{animation:none;}}',
].join('');

const svg = `<svg id="r"><style>${css}</style><g class="node" data-look="classic"><rect></rect><text>A</text></g><path class="edge"></path></svg>`;
const pruned = /<style>(.*)<\/style>/.exec(pruneUnusedStyles(svg))?.[1] ?? '';

describe('pruneUnusedStyles', () => {
  it('keeps the rules that can match, trimming selector lists to the selectors that can', () => {
    expect(pruned).toContain('#r{font-size:16px;}');
    expect(pruned).toContain('#r .node rect{fill:red;}');
    expect(pruned).toContain('#r .edge{animation:dash 5s linear;}');
    expect(pruned).toContain('#r [data-look="classic"].node rect{stroke:black;}');
  });

  it('drops rules for classes, elements and attribute values the SVG does not have', () => {
    expect(pruned).not.toContain('.cluster');
    expect(pruned).not.toContain('error-icon');
    expect(pruned).not.toContain('data-look="neo"');
    expect(pruned).not.toContain('tooltip');
  });

  it('does not count a class inside :not() as required', () => {
    expect(pruned).toContain('#r .node:not(.clickable) text{fill:white;}');
  });

  it('keeps keyframes that a kept rule uses, and at-rules it does not analyse', () => {
    expect(pruned).toContain('@keyframes dash{to{stroke-dashoffset:0;}}');
    expect(pruned).not.toContain('@keyframes unused');
    expect(pruned).toContain('@media (prefers-reduced-motion: reduce){#r .edge{animation:none;}}');
  });

  it('leaves a style sheet it cannot parse as it is', () => {
    const broken = '<svg><style>#r .x{fill:red;</style><g class="y"></g></svg>';
    expect(pruneUnusedStyles(broken)).toBe(broken);
  });
});
