/**
 * Dev only: a document's diagram errors go to Vite's error overlay (on every
 * page opened now or later) and to the terminal, and are cleared (with a
 * reload) once the file is fixed.
 *
 * Each error is printed once per change of the file, not once per request:
 * the Markdown hook does not fail the document in dev (it would be compiled,
 * and its error printed, again on every request: twice, by Vite's module
 * runner and by Astro's request handler), and the same errors reported again
 * (the start-up look at every diagram, then the page's own compile) are not
 * printed again.
 */
import type { AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import type { ErrorPayload, ViteDevServer } from 'vite';
import { combineErrors, type DiagramError } from '../errors.ts';

export type ErrorReporter = (file: string, errors: readonly DiagramError[]) => void;

function overlayPayload(errors: readonly DiagramError[]): ErrorPayload {
  const error = combineErrors(errors);
  return {
    type: 'error',
    err: {
      name: error?.name ?? 'DiagramError',
      message: error?.message ?? '',
      stack: error?.stack ?? '',
      hint: error?.hint,
      plugin: 'diagrams',
      ...(error?.loc ? { loc: error.loc } : {}),
    },
  };
}

export function overlayReporter(server: ViteDevServer, logger?: AstroIntegrationLogger): ErrorReporter {
  const pending = new Map<string, DiagramError[]>();
  server.ws.on('vite:client:connect', (_data, client) => {
    for (const [file, errors] of pending) {
      // A deleted file's errors are gone with it.
      if (existsSync(file)) client.send(overlayPayload(errors));
      else pending.delete(file);
    }
  });
  const same = (a: readonly DiagramError[] | undefined, b: readonly DiagramError[]) =>
    a !== undefined && a.length === b.length && a.every((error, index) => error.message === b[index]?.message);
  return (file, errors) => {
    if (errors.length === 0) {
      if (pending.delete(file)) server.ws.send({ type: 'full-reload' });
      return;
    }
    if (same(pending.get(file), errors)) return;
    pending.set(file, [...errors]);
    const error = combineErrors(errors);
    if (error) logger?.error(`${error.message}\n  Hint: ${error.hint.replaceAll('\n', '\n  ')}`);
    server.ws.send(overlayPayload(errors));
  };
}
