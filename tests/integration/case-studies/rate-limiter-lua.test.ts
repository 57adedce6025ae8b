/**
 * The rate limiter case study's Lua script, exactly as published, run against
 * a real redis-server: the claims the article makes about it hold.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type RunningRedis } from './redis-server.ts';
import { caseStudySamples } from './samples.ts';

const samples = caseStudySamples(['lua']);
const script = samples[0]?.code ?? '';

const BURST = { log: 'rl:{tenant-42}:orders:burst', window: 1_000, limit: 3 };
const SUSTAINED = { log: 'rl:{tenant-42}:orders:sustained', window: 60_000, limit: 5 };
const REGION = 'eu';
const remoteKey = (log: string) => `${log}:from:${REGION}`;

let server: RunningRedis;
let redis: Redis;
let requests = 0;

/** One check through the published script: both rules, one other region. */
async function check(rules = [BURST, SUSTAINED]) {
  requests += 1;
  const keys = rules.flatMap(({ log }) => [log, remoteKey(log)]);
  const args = [`req-${requests}`, '1', ...rules.flatMap(({ window, limit }) => [window, limit])];
  const [allowed, remaining, retryAfter, ...held] = (await redis.eval(script, keys.length, ...keys, ...args)) as number[];
  return { allowed: allowed === 1, remaining, retryAfter, held };
}

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
  await redis.connect();
});

afterAll(async () => {
  await redis?.quit();
  await server?.stop();
});

beforeEach(async () => {
  await redis.flushall();
});

describe('the sliding-window Lua script in content/case-studies/sliding-window-rate-limiter.mdx', () => {
  it('is published once, in the rate limiter case study', () => {
    expect(samples.map(({ file }) => file)).toEqual(['content/case-studies/sliding-window-rate-limiter.mdx']);
  });

  it('admits up to the limit, counting the allowance down, then denies with a retry time within the window', async () => {
    const results = [await check(), await check(), await check(), await check()];
    expect(results.map(({ allowed }) => allowed)).toEqual([true, true, true, false]);
    expect(results.slice(0, 3).map(({ remaining }) => remaining)).toEqual([2, 1, 0]);
    expect(results[3]!.retryAfter).toBeGreaterThan(0);
    expect(results[3]!.retryAfter).toBeLessThanOrEqual(BURST.window);
  });

  it('checks both rules in one call and records a request in neither when one denies it', async () => {
    for (let index = 0; index < 3; index += 1) await check();
    const denied = await check();
    expect(denied.allowed).toBe(false);
    expect(denied.held).toEqual([3, 3]);
    expect(await redis.zcard(SUSTAINED.log)).toBe(3);
  });

  it('forgets requests that have slid out of the window', async () => {
    const [seconds] = await redis.time();
    const longAgo = Number(seconds) * 1000 - BURST.window - 1;
    await redis.zadd(BURST.log, longAgo, 'old-1', longAgo, 'old-2', longAgo, 'old-3');
    const result = await check([BURST]);
    expect(result.allowed).toBe(true);
    expect(result.held).toEqual([1]);
  });

  it('counts what the other regions reported, and gives the remote count\'s expiry as the retry time when only it blocks', async () => {
    await redis.set(remoteKey(BURST.log), '3', 'PX', 500);
    const blocked = await check([BURST]);
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfter).toBeGreaterThan(0);
    expect(blocked.retryAfter).toBeLessThanOrEqual(500);

    await redis.set(remoteKey(BURST.log), '2', 'PX', 500);
    expect((await check([BURST])).allowed).toBe(true);
    expect((await check([BURST])).allowed).toBe(false);
  });

  it('treats an expired remote count as nothing, so a stale count stops denying', async () => {
    await redis.set(remoteKey(BURST.log), '3', 'PX', 500);
    expect((await check([BURST])).allowed).toBe(false);
    await redis.del(remoteKey(BURST.log)); // what Redis does when the TTL runs out
    expect((await check([BURST])).allowed).toBe(true);
  });

  it('lets an idle log expire after one window', async () => {
    await check();
    expect(await redis.pttl(BURST.log)).toBeGreaterThan(0);
    expect(await redis.pttl(BURST.log)).toBeLessThanOrEqual(BURST.window);
    expect(await redis.pttl(SUSTAINED.log)).toBeLessThanOrEqual(SUSTAINED.window);
  });

  it('runs by hash with EVALSHA once loaded, as the limiter calls it', async () => {
    const sha = (await redis.script('LOAD', script)) as string;
    const keys = [BURST.log, remoteKey(BURST.log)];
    const [allowed] = (await redis.evalsha(sha, keys.length, ...keys, 'req-sha', '1', BURST.window, BURST.limit)) as number[];
    expect(allowed).toBe(1);
  });
});
