import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  architectureFlow,
  bodyLineOffset,
  checkArchitectureFlow,
  mermaidFences,
  parseDocument,
} from '../../../src/lib/diagrams/testing.ts';

const CASE_STUDY = `---
title: Ledger
---

## Architecture Flow

\`\`\`mermaid
flowchart LR
  A --> B
\`\`\`

## Design

- a list with a diagram inside:

  \`\`\`mermaid
  sequenceDiagram
    A->>B: hi
  \`\`\`
`;

describe('mermaidFences', () => {
  it('finds every mermaid fence with its file line and the heading it sits under, nested ones included', () => {
    const fences = mermaidFences(parseDocument(CASE_STUDY, 'mdx'));
    expect(fences.map(({ line, heading, source }) => ({ line, heading, first: source.split('\n')[0] }))).toEqual([
      { line: 7, heading: 'Architecture Flow', first: 'flowchart LR' },
      { line: 16, heading: 'Design', first: 'sequenceDiagram' },
    ]);
  });

  it('ignores other code', () => {
    expect(mermaidFences(parseDocument('```ts\nconst a = 1;\n```\n', 'markdown'))).toEqual([]);
  });
});

describe('architectureFlow', () => {
  it('is the fence that opens the Architecture Flow section', () => {
    const flow = architectureFlow(parseDocument(CASE_STUDY, 'mdx'));
    expect(flow.ok && flow.fence.line).toBe(7);
  });

  it('is the first diagram when there is no such section', () => {
    const flow = architectureFlow(parseDocument('## Overview\n\nText.\n\n```mermaid\npie\n  "a": 1\n```\n', 'mdx'));
    expect(flow.ok && flow.fence.line).toBe(5);
  });

  it('is an error, at the heading, when the section opens with something else', () => {
    expect(architectureFlow(parseDocument('Intro.\n\n## Architecture Flow\n\nProse first.\n\n```mermaid\npie\n```\n', 'mdx'))).toEqual({
      ok: false,
      line: 3,
      reason: expect.stringContaining('must open with its ```mermaid diagram, but it opens with a paragraph'),
    });
  });

  it('is an error when the case study has no diagram at all', () => {
    expect(architectureFlow(parseDocument('## Overview\n\nNo diagram.\n', 'mdx'))).toMatchObject({ ok: false, line: 1 });
  });
});

describe('checkArchitectureFlow', () => {
  const file = '/site/content/case-studies/x.mdx';

  it('gives the fence and no error for a case study that has one', () => {
    const { fence, errors } = checkArchitectureFlow(parseDocument(CASE_STUDY, 'mdx'), file);
    expect(fence?.line).toBe(7);
    expect(errors).toEqual([]);
  });

  it('adds the line offset from an entry body to its file', () => {
    const { errors } = checkArchitectureFlow(parseDocument('Intro.\n\n## Architecture Flow\n\nProse first.\n', 'mdx'), file, {
      root: '/site',
      lineOffset: 4,
    });
    expect(errors.map((error) => error.message.split('\n')[0])).toEqual([
      expect.stringMatching(/^content\/case-studies\/x\.mdx:7: The "Architecture Flow" section must open with its/),
    ]);
  });

  it('asks for positions only when the rule is broken, and points at their line', () => {
    const source = 'Intro.\n\n## Architecture Flow\n\nProse first.\n';
    const withoutPositions = JSON.parse(
      JSON.stringify(parseDocument(source, 'mdx'), (key, value: unknown) => (key === 'position' ? undefined : value)),
    );
    let located = 0;
    const locate = () => {
      located += 1;
      return { tree: parseDocument(source, 'mdx'), lineOffset: 2 };
    };
    expect(checkArchitectureFlow(parseDocument(CASE_STUDY, 'mdx'), file, { locate }).errors).toEqual([]);
    expect(located).toBe(0);
    const [error] = checkArchitectureFlow(withoutPositions, file, { root: '/site', locate }).errors;
    expect(located).toBe(1);
    expect(error?.loc).toMatchObject({ file, line: 5 });
  });
});

describe('bodyLineOffset', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'diagrams-outline-')), 'entry.md');
  writeFileSync(file, CASE_STUDY);

  it('counts the front matter lines Astro strips from a collection entry body', () => {
    const body = CASE_STUDY.replace(/^---[\s\S]*?---\n/, '').trim();
    expect(bodyLineOffset(file, body)).toBe(4);
  });

  it('is zero when the lines are kept (MDX blanks its front matter instead)', () => {
    const blanked = CASE_STUDY.replace(/^---[\s\S]*?---/, (frontMatter) => frontMatter.replace(/[^\n]/g, ' '));
    expect(bodyLineOffset(file, blanked)).toBe(0);
  });
});
