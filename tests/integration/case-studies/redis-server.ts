/**
 * A throwaway redis-server for tests that run the case studies' Lua against
 * the real thing: found on the machine (`npm run test:integration` first runs
 * scripts/ensure-tools.ts, which installs it where it can), started on a free
 * loopback port with nothing persisted, and stopped after.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort } from '../../../scripts/free-port.ts';
import { findRedisServer, MISSING_REDIS_HELP } from '../../../scripts/tools.ts';

export interface RunningRedis {
  port: number;
  stop(): Promise<void>;
}

/** Starts redis-server and resolves once it logs that it accepts connections. */
export async function startRedis(): Promise<RunningRedis> {
  const binary = findRedisServer();
  if (!binary) throw new Error(MISSING_REDIS_HELP);
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
