/**
 * The programs outside npm that the build and the tests use, how each is
 * found on the machine, the Debian package that provides it, and what to do
 * by hand where it cannot be installed unasked.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findChromium, MISSING_CHROMIUM_HELP } from '../src/lib/chromium.ts';

export interface Tool {
  /** The path of the program, or undefined when the machine does not have it. */
  find(): string | undefined;
  debianPackage: string;
  missingHelp: string;
}

export function findRedisServer(): string | undefined {
  const fromEnv = process.env['REDIS_SERVER_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const directories = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin', ...(process.env['PATH'] ?? '').split(delimiter)];
  return directories.map((directory) => join(directory, 'redis-server')).find((path) => existsSync(path));
}

export const MISSING_REDIS_HELP = [
  "No redis-server found. The rate limiter case study's Lua script is tested against a real Redis. Any one of these fixes it:",
  '  • Debian/Ubuntu: sudo apt-get install -y redis-server',
  '  • macOS:         brew install redis',
  '  • Already have it elsewhere: export REDIS_SERVER_PATH=/path/to/redis-server',
].join('\n');

export const TOOLS = {
  /** The build renders diagrams with it; the tests drive it. */
  chromium: { find: findChromium, debianPackage: 'chromium', missingHelp: MISSING_CHROMIUM_HELP },
  /** One integration test runs the rate limiter's Lua script against it. */
  'redis-server': { find: findRedisServer, debianPackage: 'redis-server', missingHelp: MISSING_REDIS_HELP },
} satisfies Record<string, Tool>;

export type ToolName = keyof typeof TOOLS;
