import { describe, expect, it } from 'vitest';
import { formatIssues, locateIssues } from '../../src/lib/frontmatter.ts';
import {
  articleTemplate,
  articleUrlProblem,
  caseStudyTemplate,
  nextOrder,
  slugFor,
  slugProblem,
  usualSections,
} from '../../src/lib/scaffold.ts';
import { articleSchema, caseStudySchema } from '../../src/lib/schemas.ts';
import { MAIN_PATH_CLASS, mermaidFences, parseDocument } from '../../src/lib/diagrams/testing.ts';

/** The frontmatter as YAML would give it: enough of YAML for what the templates write. */
function frontmatter(source: string): Record<string, unknown> {
  const block = source.split(/^---$/m)[1] ?? '';
  const data: Record<string, unknown> = {};
  let list: unknown[] | undefined;
  for (const line of block.split('\n')) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && list) list.push(JSON.parse(item[1]!));
    const field = /^(\w+):\s*(.*?)(?:\s+#.*)?$/.exec(line);
    if (!field) continue;
    const [, key = '', value = ''] = field;
    if (value === '') data[key] = list = [];
    else if (value.startsWith('['))
      data[key] = value
        .slice(1, -1)
        .split(',')
        .map((entry) => entry.trim());
    else data[key] = value.startsWith('"') ? JSON.parse(value) : Number.isNaN(Number(value)) ? value : Number(value);
  }
  return data;
}

describe('slugs', () => {
  it('makes a URL-safe slug from a title', () => {
    expect(slugFor('Event Sourced Billing')).toBe('event-sourced-billing');
    expect(slugFor('  Café — CQRS & Sagas! ')).toBe('cafe-cqrs-sagas');
  });

  it('rejects an empty, reserved or taken slug, saying why', () => {
    expect(slugProblem('!!!', slugFor('!!!'), [])).toMatch(/no letters or digits/);
    expect(slugProblem('Index', 'index', [])).toMatch(/already uses/);
    expect(slugProblem('CQRS Ledger', 'cqrs-ledger', ['cqrs-ledger'])).toMatch(/already exists/);
    expect(slugProblem('Billing', 'billing', ['cqrs-ledger'])).toBeUndefined();
  });
});

describe('nextOrder and usualSections', () => {
  const a = '---\ntitle: A\norder: 2\n---\n## Architecture Flow\n## How data flows\n## Scaling\n';
  const b = '---\ntitle: B\norder: 7\n---\n## Architecture Flow\n## How a request is checked\n## Scaling\n';
  const c = '---\ntitle: C\norder: 1\n---\n## Architecture Flow\n## How data flows\n## Scaling\n';

  it('takes the next order after the highest', () => {
    expect(nextOrder([a, b, c])).toBe(8);
    expect(nextOrder([])).toBe(1);
  });

  it('keeps the sections most case studies have, in their order', () => {
    expect(usualSections([a, b, c])).toEqual(['Architecture Flow', 'How data flows', 'Scaling']);
  });
});

describe('the scaffold', () => {
  it('writes a case study the schema refuses, naming each placeholder on its line', () => {
    const source = caseStudyTemplate({ title: 'Event Sourced Billing', order: 4, sections: ['Architecture Flow', 'Scaling'] });
    const result = caseStudySchema.safeParse(frontmatter(source));
    expect(result.success).toBe(false);
    const report = formatIssues('content/case-studies/event-sourced-billing.mdx', locateIssues(source, result.error!.issues));
    const lines = source.split('\n');
    for (const field of ['summary', 'challenge', 'decision', 'tradeOff', 'guarantees', 'role', 'topics']) {
      const line = lines.findIndex((text) => text.startsWith(`${field}:`)) + 1;
      expect(report).toContain(`event-sourced-billing.mdx:${line}  ${field}`);
    }
    expect(report).toMatch(/constraints\.0: still the placeholder/);
    expect(report).toMatch(/stack\.0: still the placeholder/);
    expect(source).toMatch(/^## Architecture Flow\n\n```mermaid\nflowchart LR\n/m);
    expect(source).toContain('## Scaling');
  });

  it('is accepted once every placeholder is replaced', () => {
    const source = caseStudyTemplate({ title: 'Event Sourced Billing', order: 4, sections: [] })
      .replace(/"TODO: [^"]*"/g, '"A real sentence."')
      .replace('[TODO]', '[data]');
    expect(caseStudySchema.safeParse(frontmatter(source)).success).toBe(true);
  });

  it("marks its flow's main path with the pipeline's class, so the new page and its card show one from the start", () => {
    const source = caseStudyTemplate({ title: 'Event Sourced Billing', order: 4, sections: [] });
    const [flow] = mermaidFences(parseDocument(source, 'mdx'));
    expect(flow?.source).toMatch(new RegExp(`^\\s*class \\S+ ${MAIN_PATH_CLASS}$`, 'm'));
  });

  it('writes an article summary the schema refuses until it is written', () => {
    const source = articleTemplate({ title: 'Why Idempotency Keys Expire', order: 16 });
    expect(articleSchema.safeParse(frontmatter(source)).success).toBe(false);
    const filled = source.replace(/"TODO: [^"]*"/g, '"A whole sentence."').replace('[TODO]', '[data]');
    expect(articleSchema.safeParse(frontmatter(filled)).success).toBe(true);
  });

  it("writes the article's URL when it is given, and the title links there", () => {
    const source = articleTemplate({ title: 'Why Idempotency Keys Expire', order: 16, url: 'https://blog.example.dev/idempotency' })
      .replace(/"TODO: [^"]*"/g, '"A whole sentence."')
      .replace('[TODO]', '[data]');
    expect(source).toMatch(/^url: "https:\/\/blog\.example\.dev\/idempotency"/m);
    expect(articleSchema.parse(frontmatter(source)).url).toBe('https://blog.example.dev/idempotency');
  });

  it('takes no URL, or an http(s) one', () => {
    expect(articleUrlProblem('')).toBeUndefined();
    expect(articleUrlProblem('https://blog.dev/a')).toBeUndefined();
    expect(articleUrlProblem('blog.dev/a')).toMatch(/is not an http\(s\) URL/);
    expect(articleUrlProblem('ftp://blog.dev/a')).toMatch(/is not an http\(s\) URL/);
  });
});
