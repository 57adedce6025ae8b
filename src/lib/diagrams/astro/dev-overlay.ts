/**
 * Dev only: Astro logs (rather than throws) a Markdown collection entry's
 * render error, so diagram errors are fed to Vite's error overlay here, and
 * cleared (with a reload) once the file is fixed.
 */
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

export function overlayReporter(server: ViteDevServer): ErrorReporter {
  const pending = new Map<string, DiagramError[]>();
  server.ws.on('vite:client:connect', (_data, client) => {
    for (const [file, errors] of pending) {
      // A deleted file's errors are gone with it.
      if (existsSync(file)) client.send(overlayPayload(errors));
      else pending.delete(file);
    }
  });
  return (file, errors) => {
    if (errors.length === 0) {
      if (pending.delete(file)) server.ws.send({ type: 'full-reload' });
      return;
    }
    pending.set(file, [...errors]);
    server.ws.send(overlayPayload(errors));
  };
}
