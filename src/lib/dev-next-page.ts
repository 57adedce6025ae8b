/**
 * Dev only: work the dev server does for later (open the diagrams' browser,
 * look at every diagram, check every link in content) waits until a page has
 * been served, so the page the author is waiting for — the first one, or the
 * one reloading after an edit — does not share the machine with it. The work
 * starts anyway if no page is asked for within a few seconds.
 */
import type { ViteDevServer } from 'vite';

/** How long work waits for a page to be asked for, and served, before it starts anyway. */
const NO_PAGE_MS = 5_000;

interface PageWatch {
  waiting: Set<() => void>;
  listening: boolean;
}

const WATCH = Symbol.for('portfolio.dev.pageWatch');
type WatchedServer = ViteDevServer & { [WATCH]?: PageWatch };

/** Vite's own requests (its client, modules, assets) are not a page. */
const isPage = (url: string | undefined) => url !== undefined && !/^\/(?:@|node_modules\/|src\/|_astro\/)|\.\w+(?:\?|$)/.test(url);

function watch(server: ViteDevServer): PageWatch {
  const watched = server as WatchedServer;
  if (watched[WATCH]) return watched[WATCH];
  const state: PageWatch = { waiting: new Set(), listening: server.httpServer?.listening ?? false };
  watched[WATCH] = state;
  const flush = () => {
    const tasks = [...state.waiting];
    state.waiting.clear();
    for (const task of tasks) task();
  };
  server.middlewares.use((request, response, next) => {
    // A page served whole: not an answer given while the server is still starting (a 404 then).
    if (isPage(request.url)) response.once('finish', () => response.statusCode === 200 && String(response.getHeader('content-type')).includes('text/html') && flush());
    next();
  });
  server.httpServer?.once('listening', () => {
    state.listening = true;
  });
  return state;
}

/** Runs `task` once the next page has been served, or after a few seconds without one. */
export function afterNextPage(server: ViteDevServer, task: () => void): void {
  const state = watch(server);
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    state.waiting.delete(once);
    clearTimeout(timer);
    task();
  };
  state.waiting.add(once);
  const start = () => setTimeout(once, NO_PAGE_MS).unref();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Before the server listens nobody can ask for a page: the wait starts when it does.
  if (state.listening) timer = start();
  else server.httpServer?.once('listening', () => (timer = done ? undefined : start()));
}
