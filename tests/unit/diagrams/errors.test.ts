import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkArchitectureFlow, classifyMermaidError, combineErrors, DiagramError, DiagramErrors, EMPTY_DIAGRAM, locateFailure, mermaidMarkdownPlugin, parseDocument, type DiagramRenderer, type DiagramResult } from '../../../src/lib/diagrams/testing.ts';

const ROOT = '/site';
const JISON_MESSAGE = "Parse error on line 3:\n...A --> B  B -->\n----------------^\nExpecting 'NODE_STRING', got 'EOF'";

describe('locateFailure', () => {
  const error = locateFailure(
    { problem: 'syntax', reason: JISON_MESSAGE, diagramLine: 3 },
    { file: '/site/content/case-studies/ledger.mdx', fenceLine: 40 },
    ROOT,
  );

  it('points at the file line of the broken diagram line', () => {
    expect(error.line).toBe(43);
    expect(error.loc).toEqual({ file: '/site/content/case-studies/ledger.mdx', line: 43, column: 1 });
  });

  it("says the file, the fence's line, the diagram line and Mermaid's message", () => {
    expect(error.message.split('\n')[0]).toBe('content/case-studies/ledger.mdx:43: mermaid diagram (fence at line 40, diagram line 3):');
    expect(error.message).toContain("│ Expecting 'NODE_STRING', got 'EOF'");
  });

  it('carries no stack trace, and a hint of what to do', () => {
    expect(error.stack).toBe('');
    expect(error.hint).toMatch(/syntax/);
  });
});

describe('classifyMermaidError', () => {
  it('takes the line a Jison parser reported', () => {
    expect(classifyMermaidError(JISON_MESSAGE, 3, 'flowchart LR\n  A --> B\n  B -->')).toMatchObject({ problem: 'syntax', diagramLine: 3 });
  });

  it("reads the line from a Langium parser's message", () => {
    const message = 'Parsing failed: Lexer error on line 2, column 5: unexpected character: ->:<- at offset: 18';
    expect(classifyMermaidError(message, undefined, 'pie\n  "a" := 1')).toMatchObject({ problem: 'syntax', diagramLine: 2 });
  });

  it('names an unknown diagram type, at its line', () => {
    const failure = classifyMermaidError('No diagram type detected matching given configuration for text: flowchat LR', undefined, '\nflowchat LR\n  A --> B');
    expect(failure).toMatchObject({ problem: 'unknown-type', diagramLine: 2 });
    expect(failure.reason).toMatch(/^Unknown diagram type "flowchat"/);
  });

  it('leaves the line out when Mermaid gives none', () => {
    expect(classifyMermaidError('Parse error on line ?, column ?: Expecting ;', undefined, 'x').diagramLine).toBeUndefined();
  });
});

describe('other errors', () => {
  it('reports an empty fence at the fence', () => {
    const error = locateFailure(EMPTY_DIAGRAM, { file: '/site/content/a.md', fenceLine: 7 }, ROOT);
    expect(error.message).toBe('content/a.md:7: mermaid diagram (fence at line 7):\n  │ The ```mermaid fence is empty.');
  });

  it('reports a case study without its Architecture Flow by file', () => {
    const { fence, errors } = checkArchitectureFlow(parseDocument('## Overview\n\nNo diagram.\n', 'mdx'), '/site/content/case-studies/x.mdx', { root: ROOT });
    expect(fence).toBeUndefined();
    expect(errors.map((error) => error.message)).toEqual(['content/case-studies/x.mdx:1: This case study has no Architecture Flow diagram (no ```mermaid fence).']);
    expect(errors[0]?.problem).toBe('missing-architecture-flow');
  });

  it('lists several at once, locating the first', () => {
    const first = locateFailure(EMPTY_DIAGRAM, { file: '/site/content/a.md', fenceLine: 7 }, ROOT);
    const [second] = checkArchitectureFlow(parseDocument('No diagram.\n', 'mdx'), '/site/content/case-studies/x.mdx', { root: ROOT }).errors;
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
      diagram: { key: 'a'.repeat(64), rootId: 'mmd-aaaaaaaaaaaa', svg: '<svg id="mmd-aaaaaaaaaaaa"></svg>', type: 'flowchart-v2', width: 10, height: 10, labelSize: 16 },
    };
  },
};

const plugin = (root: string) =>
  mermaidMarkdownPlugin({ pipeline: () => fakeRenderer, cacheDir: '/cache', root, caseStudyDirs: [join(root, 'case-studies')], fullSizeBase: '/diagrams/' });

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
    expect(html).toContain('<figure class="diagram diagram--inline" id="mmd-aaaaaaaaaaaa-figure" data-diagram="flowchart-v2" data-shape="tall" data-forms="author">');
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
    await expect(compiling).rejects.toMatchObject({ problem: 'empty', line: 5, loc: { file: join(root, 'empty.mdx'), line: 5, column: 1 } });
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
