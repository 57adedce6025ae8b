/**
 * Dev only: content errors that Astro logs but does not show in the browser
 * (a frontmatter field made wrong while `npm run dev` runs: Astro keeps
 * serving the entry's last good version) go to Vite's error overlay, on every
 * page open now or later, and a reload clears it once the file is fixed.
 *
 * Reported through a global, not a module variable: the content loader runs
 * in a module graph of its own (the content config's), apart from the
 * integration that owns the dev server.
 */
import { existsSync } from 'node:fs';
import type { ErrorPayload, ViteDevServer } from 'vite';

interface LocatedError extends Error {
  loc?: { file: string; line: number; column: number };
  hint?: string;
}

interface Channel {
  /** Errors by content file, shown until that file loads clean. */
  errors: Map<string, LocatedError>;
  server?: ViteDevServer | undefined;
}

const CHANNEL = Symbol.for('portfolio.contentOverlay');
const channel = (): Channel => ((globalThis as { [CHANNEL]?: Channel })[CHANNEL] ??= { errors: new Map() });

function payload(error: LocatedError): ErrorPayload {
  return {
    type: 'error',
    err: { name: error.name, message: error.message, stack: '', hint: error.hint, plugin: 'content', ...(error.loc && { loc: error.loc }) },
  };
}

/** A content file's error, or undefined once it loads clean. */
export function reportContentError(file: string, error: LocatedError | undefined): void {
  const { errors, server } = channel();
  if (!error) {
    if (errors.delete(file)) server?.ws.send({ type: 'full-reload' });
    return;
  }
  errors.set(file, error);
  server?.ws.send(payload(error));
}

/** Connects the channel to the dev server (astro:server:setup). */
export function connectContentOverlay(server: ViteDevServer): void {
  const state = channel();
  state.server = server;
  server.ws.on('vite:client:connect', (_data, client) => {
    for (const [file, error] of state.errors) {
      // A deleted file's error is gone with it.
      if (existsSync(file)) client.send(payload(error));
      else state.errors.delete(file);
    }
  });
}
