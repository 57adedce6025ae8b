/**
 * A throwaway redis-server for tests that run the case studies' Lua against
 * the real thing: found on the machine (or installed from Debian's package
 * when we run as root there, as scripts/ensure-chromium.ts does for Chromium),
 * started on a free loopback port with nothing persisted, and stopped after.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { aptInstall, canAptInstall } from '../../../src/lib/apt.ts';

const MISSING_REDIS_HELP = [
  'No redis-server found. The rate limiter case study\'s Lua script is tested against a real Redis. Any one of these fixes it:',
  '  • Debian/Ubuntu: sudo apt-get install -y redis-server',
  '  • macOS:         brew install redis',
  '  • Already have it elsewhere: export REDIS_SERVER_PATH=/path/to/redis-server',
].join('\n');

function findRedisServer(): string | undefined {
  const fromEnv = process.env['REDIS_SERVER_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const directories = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin', ...(process.env['PATH'] ?? '').split(delimiter)];
  return directories.map((directory) => join(directory, 'redis-server')).find((path) => existsSync(path));
}

function ensureRedisServer(): string {
  const found = findRedisServer() ?? (canAptInstall() && aptInstall('redis-server') ? findRedisServer() : undefined);
  if (!found) throw new Error(MISSING_REDIS_HELP);
  return found;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningRedis {
  port: number;
  stop(): Promise<void>;
}

/** Starts redis-server and resolves once it logs that it accepts connections. */
export async function startRedis(): Promise<RunningRedis> {
  const binary = ensureRedisServer();
  const port = await freeLoopbackPort();
  const directory = mkdtempSync(join(tmpdir(), 'redis-test-'));
  const server = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    };
    server.stdout.on('data', onOutput);
    server.stderr.on('data', onOutput);
    server.once('error', reject);
    void exited.then(() => reject(new Error(`redis-server (${binary}) exited before it was ready:\n${output}`)));
  });
  return {
    port,
    async stop() {
      server.kill('SIGTERM');
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
