import { describe, expect, it } from 'vitest';
import { formatIssues, locateIssues } from '../../src/lib/frontmatter.ts';
import { caseStudySchema } from '../../src/lib/schemas.ts';

const source = `---
title: CQRS Ledger
summary: "Architected the core financial ledger API."
challenge: Migrate money movement.
constraints:
  - Zero downtime
  - No lost entries
decision: Event-source the write side.
tradeoff: Eventually consistent reads.
role: Architected the ledger API
stack: [TypeScript, PostgreSQL]
order: three
topics: [data, blockchain]
---

## Architecture Flow
`;

const data = {
  title: 'CQRS Ledger',
  summary: 'Architected the core financial ledger API.',
  challenge: 'Migrate money movement.',
  constraints: ['Zero downtime', ''],
  decision: 'Event-source the write side.',
  tradeoff: 'Eventually consistent reads.',
  guarantees: 'Every transfer balances.',
  role: 'Architected the ledger API',
  stack: ['TypeScript', 'PostgreSQL'],
  order: 'three',
  topics: ['data', 'blockchain'],
};

describe('locateIssues', () => {
  const issues = caseStudySchema.safeParse(data).error!.issues;
  const located = locateIssues(source, issues);

  it('points each issue at the line of its field, in file order', () => {
    expect(located.map(({ line, field }) => `${line} ${field}`)).toEqual([
      '7 constraints.1',
      '9 tradeoff',
      '12 order',
      '13 topics.1',
      '14 tradeOff',
    ]);
  });

  it('puts a missing field at the end of the frontmatter, where it would be added', () => {
    expect(located.find((issue) => issue.field === 'tradeOff')).toEqual({
      line: 14,
      field: 'tradeOff',
      message: 'required: write it as one sentence.',
    });
  });

  it('formats as file:line, field and the fix', () => {
    expect(formatIssues('content/case-studies/cqrs-ledger.mdx', located.slice(1, 3))).toBe(
      [
        'content/case-studies/cqrs-ledger.mdx:9  tradeoff: not a field of this collection: check the spelling against src/lib/schemas.ts.',
        'content/case-studies/cqrs-ledger.mdx:12  order: must be a whole number (1 comes first).',
      ].join('\n'),
    );
  });
});
