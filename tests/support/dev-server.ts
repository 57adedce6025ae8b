/**
 * `astro dev` in a copy of a site, for the tests that need the dev server:
 * started on a free loopback port, ready once it prints its address, its
 * output kept to read, stopped by its own process id.
 */
import { spawn } from 'node:child_process';
import { astroCli } from '../../scripts/astro-cli.ts';
import { freeLoopbackPort } from '../../scripts/free-port.ts';

export interface DevServer {
  origin: string;
  /** Everything it printed so far. */
  log: () => string;
  /** Resolves once its output matches (it keeps printing as it works). */
  printed: (pattern: RegExp) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Vitest's own settings, which it puts in its workers' environment
 * (import.meta.env's MODE, BASE_URL, DEV…): a dev server that inherits them
 * answered 404 to every page.
 */
const VITEST_ENV = /^(VITEST.*|TEST|NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR)$/;

export async function startDevServer(site: string): Promise<DevServer> {
  const port = await freeLoopbackPort();
  const server = spawn(process.execPath, [astroCli, 'dev', '--root', site, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: site,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.test(key))),
      ASTRO_DEV_BACKGROUND: '0',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const waiting = new Set<{ pattern: RegExp; resolve: () => void }>();
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
    for (const waiter of waiting) {
      if (waiter.pattern.test(log)) {
        waiting.delete(waiter);
        waiter.resolve();
      }
    }
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  const printed = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(log)) return resolve();
      waiting.add({ pattern, resolve });
      void exited.then(() => reject(new Error(`astro dev exited before printing ${pattern}:\n${log}`)));
    });
  await printed(/Local\s+http:\/\/127\.0\.0\.1:\d+/);
  return {
    origin: `http://127.0.0.1:${port}`,
    log: () => log,
    printed,
    stop: async () => {
      if (server.exitCode === null) server.kill('SIGTERM');
      await exited;
    },
  };
}
