import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import type { ViteDevServer } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  classifyMermaidError,
  type DiagramError,
  type DiagramRenderer,
  locateFailure,
  mermaidMarkdownPlugin,
  overlayReporter,
} from '../../../src/lib/diagrams/testing.ts';

const MESSAGE = "Parse error on line 3:\n...\nExpecting 'SEMI', 'LINK', got 'MINUS'";
const broken = (line: number) =>
  locateFailure(classifyMermaidError(MESSAGE, 2, 'flowchart LR\n  b ->> c'), { file: '/site/content/a.mdx', fenceLine: line }, '/site');

/** The dev server as the reporter sees it: what it sends to browsers. */
function fakeServer() {
  const sent: unknown[] = [];
  const server = { ws: { on: () => undefined, send: (payload: unknown) => sent.push(payload) } } as unknown as ViteDevServer;
  return { server, sent };
}

function fakeLogger() {
  const printed: string[] = [];
  return { logger: { error: (message: string) => printed.push(message) } as never, printed };
}

describe('the dev overlay reporter', () => {
  it('prints an error once per change of the file, however often the page compiles', () => {
    const { server, sent } = fakeServer();
    const { logger, printed } = fakeLogger();
    const report = overlayReporter(server, logger);
    const errors: DiagramError[] = [broken(10)];
    report('/site/content/a.mdx', errors);
    report('/site/content/a.mdx', [broken(10)]);
    report('/site/content/a.mdx', [broken(10)]);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^content\/a\.mdx:12: mermaid diagram: "->>" is not an arrow a flowchart has\./);
    // Edited, still broken, elsewhere: printed again; fixed: the overlay goes, with a reload.
    report('/site/content/a.mdx', [broken(20)]);
    expect(printed).toHaveLength(2);
    report('/site/content/a.mdx', []);
    expect(sent.at(-1)).toEqual({ type: 'full-reload' });
    expect(sent.filter((payload) => (payload as { type: string }).type === 'error')).toHaveLength(2);
  });
});

describe('the Markdown hook in dev', () => {
  const renderer: DiagramRenderer = {
    render: async (source) => ({ ok: false, failure: classifyMermaidError(MESSAGE, 2, source) }),
  };

  it('reports a broken diagram and leaves its fence as source, rather than fail the document', async () => {
    const root = mkdtempSync(join(tmpdir(), 'diagrams-dev-'));
    const path = join(root, 'a.mdx');
    const text = '## Flow\n\n```mermaid\nflowchart LR\n  b ->> c\n```\n';
    writeFileSync(path, text);
    const reported: DiagramError[][] = [];
    const plugin = mermaidMarkdownPlugin({
      pipeline: () => renderer,
      cacheDir: '/cache',
      root,
      caseStudyDirs: [],
      fullSizeBase: '/diagrams/',
      onErrors: (_file, errors) => reported.push([...errors]),
      keepGoing: true,
    });
    const { code } = await mdxToJs(text, { mdastPlugins: [plugin], fileURL: pathToFileURL(path) });
    expect(code).toContain('b ->> c');
    expect(reported).toHaveLength(1);
    expect(reported[0]![0]!.line).toBe(5);
  });
});
