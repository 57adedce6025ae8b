import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  checkArchitectureFlow,
  classifyMermaidError,
  combineErrors,
  DiagramError,
  DiagramErrors,
  EMPTY_DIAGRAM,
  locateFailure,
  mermaidMarkdownPlugin,
  parseDocument,
  type DiagramRenderer,
  type DiagramResult,
} from '../../../src/lib/diagrams/testing.ts';

const ROOT = '/site';
const JISON_MESSAGE = "Parse error on line 3:\n...A --> B  B -->\n----------------^\nExpecting 'NODE_STRING', got 'EOF'";

describe('locateFailure', () => {
  const error = locateFailure(
    classifyMermaidError(JISON_MESSAGE, 3, 'flowchart LR\n  A --> B\n  B -->'),
    { file: '/site/content/case-studies/ledger.mdx', fenceLine: 40 },
    ROOT,
  );

  it('points at the file line of the broken diagram line', () => {
    expect(error.line).toBe(43);
    expect(error.loc).toEqual({ file: '/site/content/case-studies/ledger.mdx', line: 43, column: 1 });
  });

  it('says the file and one line number, what is wrong in plain words, the line as written and the fix', () => {
    expect(error.message).toBe(
      [
        'content/case-studies/ledger.mdx:43: mermaid diagram: the arrow "-->" at the end of this line leads nowhere.',
        '  │ B -->',
        '  Fix: write the node it goes to after it, e.g. B --> next, or remove the arrow.',
      ].join('\n'),
    );
  });

  it('carries no stack trace, and a hint of what to do', () => {
    expect(error.stack).toBe('');
    expect(error.hint).toMatch(/syntax/);
  });
});

/**
 * The common mistakes, with the message and line Mermaid 12.3 gives for each
 * (from its render page), as a fence at line 40 of a case study.
 */
const EXPECTING_CLOSER =
  "Expecting 'SQE', 'DOUBLECIRCLEEND', 'PE', '-)', 'STADIUMEND', 'SUBROUTINEEND', 'PIPE', 'CYLINDEREND', 'DIAMOND_STOP', 'TAGEND', 'TRAPEND', 'INVTRAPEND', 'UNICODE_TEXT', 'TEXT', 'TAGSTART'";
const MISTAKES = [
  {
    mistake: "a label's quote not closed",
    source: 'flowchart LR\n  accTitle: Flow\n  a["Client] --> b[Service]\n  b --> c',
    message: `Parse error on line 5:\n...[Service]  b --> c\n---------------------^\n${EXPECTING_CLOSER}, got '1'`,
    reported: 3,
    line: 43,
    says: "a label's quote is not closed.",
    fix: 'end the label\'s text with a quote: "Client".',
  },
  {
    mistake: "a label's bracket not closed",
    source: 'flowchart LR\n  a[Client --> b[Service]\n  b --> c',
    message: `Parse error on line 2:\n... LR  a[Client --> b[Service]  b --> c\n----------------------^\n${EXPECTING_CLOSER}, got 'SQS'`,
    reported: 2,
    line: 42,
    says: 'a label\'s bracket is not closed: "[Client" opens with "[", which needs "]".',
    fix: 'close the label with "]"',
  },
  {
    mistake: "a shape's brackets that do not pair",
    source: 'flowchart LR\n  a --> b[(Store]\n  b --> c',
    message:
      "Parse error on line 2:\n... LR  a --> b[(Store]  b --> c\n----------------------^\nExpecting 'CYLINDEREND', 'TAGEND', 'UNICODE_TEXT', 'TEXT', 'TAGSTART', got 'SQE'",
    reported: 2,
    line: 42,
    says: 'a label\'s bracket is not closed: "[(Store]" opens with "[(", which needs ")]".',
    fix: 'close the label with ")]"',
  },
  {
    mistake: 'an unknown arrow in a flowchart',
    source: 'flowchart LR\n  a --> b\n  b ->> c\n  c --> d',
    message:
      "Parse error on line 3:\n...rt LR  a --> b  b ->> c  c --> d\n---------------------^\nExpecting 'SEMI', 'NEWLINE', 'EOF', 'AMP', 'START_LINK', 'LINK', 'LINK_ID', got 'MINUS'",
    reported: 3,
    line: 43,
    says: '"->>" is not an arrow a flowchart has.',
    fix: 'use --> for an arrow',
  },
  {
    mistake: 'an arrow the lexer does not know',
    source: 'flowchart LR\n  a --> b\n  b => c',
    message: 'Lexical error on line 3. Unrecognized text.\n...rt LR  a --> b  b => c\n---------------------^',
    reported: 3,
    line: 43,
    says: '"=>" is not an arrow a flowchart has.',
    fix: 'use --> for an arrow',
  },
  {
    mistake: 'an unknown arrow in a sequence diagram',
    source: 'sequenceDiagram\n  A->B: hi\n  A=>B: hi',
    message:
      "Parse error on line 3:\n...gram  A->B: hi  A=>B: hi\n---------------------^\nExpecting 'NEWLINE', ',', 'SOLID_OPEN_ARROW', 'DOTTED_OPEN_ARROW', 'SOLID_ARROW', 'TXT', got 'INVALID'",
    reported: 3,
    line: 43,
    says: '"=>" is not an arrow a sequence diagram has.',
    fix: 'use ->> for a message',
  },
  {
    mistake: 'a subgraph without end',
    source: 'flowchart LR\n  subgraph one\n    a --> b\n  b --> c',
    message:
      "Parse error on line 5:\n...  a --> b  b --> c\n---------------------^\nExpecting 'SEMI', 'NEWLINE', 'SPACE', 'EOF', 'subgraph', 'end', 'acc_title', 'AMP', 'COLON', got '1'",
    reported: 5,
    line: 42,
    says: 'the subgraph "one" opened on this line has no `end`.',
    fix: 'add a line with just `end`',
  },
  {
    mistake: 'an unknown diagram type',
    source: 'flowchat LR\n  a --> b',
    message: 'No diagram type detected matching given configuration for text: flowchat LR',
    reported: undefined,
    line: 41,
    says: '"flowchat" is not a diagram type Mermaid knows: did you mean "flowchart"?',
    fix: 'start the diagram with its type, e.g. flowchart LR.',
  },
];

describe('the common mistakes, in plain words', () => {
  it.each(MISTAKES)("$mistake: one line number, the file's, with the fix", ({ source, message, reported, line, says, fix }) => {
    const error = locateFailure(
      classifyMermaidError(message, reported, source),
      { file: '/site/content/case-studies/ledger.mdx', fenceLine: 40 },
      ROOT,
    );
    const [first, written, fixLine] = error.message.split('\n');
    expect(first).toBe(`content/case-studies/ledger.mdx:${line}: mermaid diagram: ${says}`);
    expect(written).toBe(`  │ ${source.split('\n')[line - 41]!.trim()}`);
    expect(fixLine).toContain(`Fix: ${fix}`);
    expect(error.line).toBe(line);
    // No other line number (Mermaid's "line 5", the diagram's, the fence's), and no parser token names.
    expect(error.message.match(/(?<![\w-])\d+/g)).toEqual([String(line)]);
    expect(error.message).not.toMatch(/\b[A-Z][A-Z_]{2,}\b/);
  });

  it('says what the parser expected with words around it, never a token name alone', () => {
    const failure = classifyMermaidError(
      "Parse error on line 3:\n...\nExpecting 'TXT', got 'NEWLINE'",
      3,
      'sequenceDiagram\n  A->>B: hi\n  A-->B hi',
    );
    expect(failure.reason.split('\n')[0]).toBe('Mermaid cannot read this line. It expected a message text after a colon there.');
    expect(failure.reason).toContain("Mermaid's parser expected TXT and found NEWLINE");
    expect(failure.reason).not.toMatch(/line 3/);
  });

  it("reads the line from a Langium parser's message, and drops Mermaid's numbers", () => {
    const message = 'Parsing failed: Lexer error on line 2, column 5: unexpected character: ->:<- at offset: 18';
    const failure = classifyMermaidError(message, undefined, 'pie\n  "a" := 1');
    expect(failure).toMatchObject({ problem: 'syntax', diagramLine: 2 });
    expect(failure.reason).not.toMatch(/line 2|column 5/);
  });

  it('points at the last written line when the parser ran past the end', () => {
    expect(classifyMermaidError(JISON_MESSAGE, 9, 'flowchart LR\n  A --> B\n  B -->').diagramLine).toBe(3);
  });

  it('suggests a diagram type only for a near miss', () => {
    const failure = classifyMermaidError(
      'No diagram type detected matching given configuration for text: notADiagram',
      undefined,
      '\nnotADiagram\n  A --> B',
    );
    expect(failure).toMatchObject({ problem: 'unknown-type', diagramLine: 2 });
    expect(failure.reason.split('\n')[0]).toBe('"notADiagram" is not a diagram type Mermaid knows.');
  });

  it('leaves the line out when Mermaid gives none', () => {
    expect(classifyMermaidError('Parse error on line ?, column ?: Expecting ;', undefined, 'x').diagramLine).toBeUndefined();
  });
});

describe('other errors', () => {
  it('reports an empty fence at the fence', () => {
    const error = locateFailure(EMPTY_DIAGRAM, { file: '/site/content/a.md', fenceLine: 7 }, ROOT);
    expect(error.message).toBe('content/a.md:7: mermaid diagram: The ```mermaid fence is empty.');
  });

  it('reports a case study without its Architecture Flow by file', () => {
    const { fence, errors } = checkArchitectureFlow(
      parseDocument('## Overview\n\nNo diagram.\n', 'mdx'),
      '/site/content/case-studies/x.mdx',
      { root: ROOT },
    );
    expect(fence).toBeUndefined();
    expect(errors.map((error) => error.message)).toEqual([
      'content/case-studies/x.mdx:1: This case study has no Architecture Flow diagram (no ```mermaid fence).',
    ]);
    expect(errors[0]?.problem).toBe('missing-architecture-flow');
  });

  it('lists several at once, locating the first', () => {
    const first = locateFailure(EMPTY_DIAGRAM, { file: '/site/content/a.md', fenceLine: 7 }, ROOT);
    const [second] = checkArchitectureFlow(parseDocument('No diagram.\n', 'mdx'), '/site/content/case-studies/x.mdx', {
      root: ROOT,
    }).errors;
    if (!second) throw new Error('expected an Architecture Flow error');
    const combined = combineErrors([first, second]);
    expect(combined).toBeInstanceOf(DiagramErrors);
    expect(combined?.message).toContain(first.message);
    expect(combined?.message).toContain(second.message);
    expect(combined?.loc).toEqual(first.loc);
    expect(combineErrors([first])).toBe(first);
    expect(combineErrors([])).toBeUndefined();
  });
});

/** Stands in for the browser: "broken" fails the way Mermaid does, anything else renders. */
const fakeRenderer: DiagramRenderer = {
  async render(source: string): Promise<DiagramResult> {
    if (source.trim() === '') return { ok: false, failure: EMPTY_DIAGRAM };
    if (source.includes('broken')) return { ok: false, failure: classifyMermaidError(JISON_MESSAGE, 2, source) };
    return {
      ok: true,
      diagram: {
        key: 'a'.repeat(64),
        rootId: 'mmd-aaaaaaaaaaaa',
        svg: '<svg id="mmd-aaaaaaaaaaaa"></svg>',
        type: 'flowchart-v2',
        width: 10,
        height: 10,
        labelSize: 16,
      },
    };
  },
};

const plugin = (root: string) =>
  mermaidMarkdownPlugin({
    pipeline: () => fakeRenderer,
    cacheDir: '/cache',
    root,
    caseStudyDirs: [join(root, 'case-studies')],
    fullSizeBase: '/diagrams/',
  });

describe('the Markdown hook', () => {
  const root = mkdtempSync(join(tmpdir(), 'diagrams-hook-'));
  const file = (name: string, text: string) => {
    const path = join(root, name);
    writeFileSync(path, text);
    return path;
  };

  it('replaces a fence with its figure in Markdown and in MDX, named after the heading above it', async () => {
    const source = '## Flow\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n## Later\n';
    const { html } = await markdownToHtml(source, { mdastPlugins: [plugin(root)], fileURL: pathToFileURL(file('ok.md', source)) });
    expect(html).toContain(
      '<figure class="diagram diagram--inline" id="mmd-aaaaaaaaaaaa-figure" data-diagram="flowchart-v2" data-print="inline" style="--print-caption-lines:1" data-forms="author">',
    );
    expect(html).toContain('<title id="mmd-aaaaaaaaaaaa-title">Flow</title>');
    expect(html).not.toContain('language-mermaid');
    // MDX carries the key; the figure is read from the cache when the page renders (runtime.ts).
    const { code } = await mdxToJs(source, { mdastPlugins: [plugin(root)], fileURL: pathToFileURL(file('ok.mdx', source)) });
    expect(code.replace(/\s+/g, ' ')).toContain(
      `"set:html": globalThis[Symbol.for("portfolio.diagrams.cachedFigure")]("/cache", { "forms": [{ "name": "author", "key": "${'a'.repeat(64)}" }] }, { "heading": "Flow", "fullSizeBase": "/diagrams/" })`,
    );
  });

  it('fails a Markdown entry at the file line, front matter included', async () => {
    const text = '---\ntitle: A\n---\n\nIntro.\n\n```mermaid\nflowchart LR\n  broken -->\n```\n';
    const body = text.replace(/^---[\s\S]*?---\n/, '').trim();
    const rendering = markdownToHtml(body, { mdastPlugins: [plugin(root)], fileURL: pathToFileURL(file('broken.md', text)) });
    await expect(rendering).rejects.toBeInstanceOf(DiagramError);
    await expect(rendering).rejects.toMatchObject({ line: 9, fenceLine: 7, diagramLine: 2 });
  });

  it('fails an MDX document (whose error Astro shows in the dev overlay) at the file line', async () => {
    const text = '---\ntitle: A\n---\n\n```mermaid\n```\n';
    const compiling = mdxToJs(text, { mdastPlugins: [plugin(root)], fileURL: pathToFileURL(file('empty.mdx', text)) });
    await expect(compiling).rejects.toMatchObject({
      problem: 'empty',
      line: 5,
      loc: { file: join(root, 'empty.mdx'), line: 5, column: 1 },
    });
  });

  it('fails a case study without an Architecture Flow diagram', async () => {
    const text = '## Overview\n\nNo diagram.\n';
    mkdirSync(join(root, 'case-studies'), { recursive: true });
    const path = file('case-studies/ledger.mdx', text);
    await expect(mdxToJs(text, { mdastPlugins: [plugin(root)], fileURL: pathToFileURL(path) })).rejects.toMatchObject({
      problem: 'missing-architecture-flow',
      file: path,
    });
  });
});
