import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../src/lib/placeholders.ts';
import { caseStudyTemplate } from '../../src/lib/scaffold.ts';
import { caseStudySchema, draftCaseStudySchema } from '../../src/lib/schemas.ts';

describe('findPlaceholders', () => {
  const source = caseStudyTemplate({ title: 'Billing', order: 4, sections: ['Architecture Flow', 'How it works'] });
  const lines = source.split('\n');
  const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;

  it('finds each one npm run new writes, frontmatter and body, at its line', () => {
    const found = findPlaceholders(source);
    expect(found.map(({ line }) => line)).toEqual(lines.flatMap((line, index) => (line.includes('TODO') ? [index + 1] : [])));
    expect(found).toContainEqual({
      line: lineOf('summary:'),
      field: 'summary',
      text: expect.stringMatching(/^TODO: one or two sentences/),
    });
    expect(found).toContainEqual({ line: lineOf('topics:'), field: 'topics', text: 'TODO' });
    expect(found).toContainEqual({ line: lineOf('accDescr:'), field: undefined, text: expect.stringMatching(/^accDescr: TODO/) });
    expect(found).toContainEqual({ line: lineOf('TODO: write this section.'), field: undefined, text: 'TODO: write this section.' });
  });

  it('leaves alone a TODO in a code sample, mid-sentence, or in a word', () => {
    const text = [
      '---',
      'title: Done',
      'topics: [data]',
      '---',
      '',
      'Nothing TODO here; TODOs are fine.',
      '',
      '```ts',
      '// TODO: the author’s own',
      'TODO();',
      '```',
      '',
    ].join('\n');
    expect(findPlaceholders(text)).toEqual([]);
  });

  it('finds one in a list item, a quote or a heading of the body', () => {
    const text = ['- TODO: a step', '> TODO quote', '### TODO heading'].join('\n');
    expect(findPlaceholders(text).map(({ line }) => line)).toEqual([1, 2, 3]);
  });
});

describe('the draft schema', () => {
  const scaffolded = {
    title: 'Billing',
    summary: 'TODO: one or two sentences.',
    challenge: 'TODO: the problem.',
    constraints: ['TODO: a constraint'],
    decision: 'TODO: the decision.',
    tradeOff: 'TODO: the trade-off.',
    guarantees: 'TODO: what the design guarantees.',
    role: 'TODO: your part.',
    stack: ['TODO: a technology'],
    order: 4,
    topics: ['TODO'],
  };

  it('lets the placeholders through for npm run dev, filing the page under no topic yet', () => {
    const result = draftCaseStudySchema.safeParse(scaffolded);
    expect(result.success).toBe(true);
    expect(result.data?.topics).toEqual([]);
    expect(result.data?.summary).toBe('TODO: one or two sentences.');
  });

  it('still refuses every other mistake, as the build does', () => {
    expect(draftCaseStudySchema.safeParse({ ...scaffolded, order: 'four' }).success).toBe(false);
    expect(draftCaseStudySchema.safeParse({ ...scaffolded, topics: ['kubernetes'] }).success).toBe(false);
    expect(draftCaseStudySchema.safeParse({ ...scaffolded, tradeoff: 'x' }).success).toBe(false);
    expect(caseStudySchema.safeParse(scaffolded).success).toBe(false);
  });
});
