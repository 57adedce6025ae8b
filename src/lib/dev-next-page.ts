/**
 * Dev only: work the dev server does for later (open the diagrams' browser,
 * look at every diagram, check every link in content) waits until a page has
 * been served, so the page the author is waiting for — the first one, or the
 * one reloading after an edit — does not share the machine with it. While a
 * page is being served the work waits for it, however long it takes; when no
 * page is asked for within a few seconds, the work starts anyway.
 */
import type { ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';

/** How long work waits for a page to be asked for before it starts anyway. */
const NO_PAGE_MS = 5_000;

interface PageWatch {
  waiting: Set<() => void>;
  /** Pages being served now. */
  serving: number;
  listening: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const WATCH = Symbol.for('portfolio.dev.pageWatch');
type WatchedServer = ViteDevServer & { [WATCH]?: PageWatch };

/** Vite's own requests (its client, modules, assets) are not a page. */
const isPage = (url: string | undefined) => url !== undefined && !/^\/(?:@|node_modules\/|src\/|_astro\/)|\.\w+(?:\?|$)/.test(url);

/** A page served whole: not an answer given while the server is still starting (a 404 then). */
const servedWhole = (response: ServerResponse) =>
  response.statusCode === 200 && String(response.getHeader('content-type')).includes('text/html');

function flush(state: PageWatch): void {
  clearTimeout(state.timer);
  state.timer = undefined;
  const tasks = [...state.waiting];
  state.waiting.clear();
  for (const task of tasks) task();
}

/** Starts the wait for a page to be asked for, unless one is being served or the server cannot be asked yet. */
function armTimer(state: PageWatch): void {
  if (state.timer !== undefined || state.serving > 0 || !state.listening || state.waiting.size === 0) return;
  state.timer = setTimeout(() => flush(state), NO_PAGE_MS);
  state.timer.unref();
}

function watch(server: ViteDevServer): PageWatch {
  const watched = server as WatchedServer;
  if (watched[WATCH]) return watched[WATCH];
  const state: PageWatch = { waiting: new Set(), serving: 0, listening: server.httpServer?.listening ?? false, timer: undefined };
  watched[WATCH] = state;
  server.middlewares.use((request, response, next) => {
    if (!isPage(request.url)) return next();
    state.serving += 1;
    clearTimeout(state.timer);
    state.timer = undefined;
    response.once('close', () => {
      state.serving -= 1;
      if (servedWhole(response)) flush(state);
      else armTimer(state);
    });
    next();
  });
  server.httpServer?.once('listening', () => {
    state.listening = true;
    armTimer(state);
  });
  return state;
}

/** Runs `task` once the next page has been served, or when no page is asked for within a few seconds. */
export function afterNextPage(server: ViteDevServer, task: () => void): void {
  const state = watch(server);
  state.waiting.add(task);
  armTimer(state);
}
