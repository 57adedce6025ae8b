/**
 * The rate limiter case study's Lua scripts, exactly as published, run against
 * a real redis-server: the claims the article makes about them hold.
 *
 * Regions are simulated as three databases of one server (a script runs in
 * its connection's database), each with its own logs and its own copies of
 * the others' usage; `sync` is the usage sync: the published summary script in
 * one region, the published apply script in another. The scripts take the time
 * from the shard (TIME), so a test never waits for it to pass: it writes
 * requests with admit times relative to the shard's clock instead, with
 * margins of hundreds of milliseconds at least over the few it takes to run.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type RunningRedis } from './redis-server.ts';
import { caseStudySamples } from './samples.ts';

const samples = caseStudySamples(['lua']);
/** The published script whose first line is `heading`. */
function published(heading: string): string {
  const sample = samples.find(({ code }) => code.startsWith(heading));
  if (!sample) throw new Error(`No Lua sample starting "${heading}" in content/case-studies/.`);
  return sample.code;
}
const CHECK = published('-- Sliding-window log check');
const SUMMARY = published('-- Usage sync, publishing side');
const APPLY = published('-- Usage sync, receiving side');
const UNDO = published('-- Undo of an admission');

interface Rule {
  log: string;
  window: number;
  limit: number;
}
const BURST: Rule = { log: 'rl:{tenant-42}:orders:burst', window: 1_000, limit: 3 };
const SUSTAINED: Rule = { log: 'rl:{tenant-42}:orders:sustained', window: 60_000, limit: 5 };
/** The sync's bucket width for the sustained rule's window. */
const WIDTH = 1_000;

const REGIONS = ['us', 'eu', 'ap'] as const;
type Region = (typeof REGIONS)[number];
const others = (region: Region) => REGIONS.filter((other) => other !== region);
const usageKey = (log: string, from: Region) => `${log}:from:${from}`;

let server: RunningRedis;
const redis = {} as Record<Region, Redis>;
let requests = 0;
const nextRequestId = () => {
  requests += 1;
  return `req-${requests}`;
};

/** One check through the published script in `region`, which knows of the other two. */
async function check(region: Region, rules: readonly Rule[] = [BURST, SUSTAINED], id = nextRequestId()) {
  const keys = rules.flatMap(({ log }) => [log, ...others(region).map((from) => usageKey(log, from))]);
  const args = [id, others(region).length, ...rules.flatMap(({ window, limit }) => [window, limit])];
  const [allowed, remaining, retryAfter, ...held] = (await redis[region].eval(CHECK, keys.length, ...keys, ...args)) as number[];
  return { allowed: allowed === 1, remaining, retryAfter: retryAfter!, held, id };
}

/** The usage sync for one rule: a summary taken in `from`, applied in `to`. Returns what the apply script returned. */
async function sync(from: Region, to: Region, rule: Rule = SUSTAINED, summary?: (string | number)[]) {
  const published = summary ?? (await takeSummary(from, rule));
  return (await redis[to].eval(APPLY, 1, usageKey(rule.log, from), rule.window, ...published)) as number;
}

const takeSummary = async (region: Region, rule: Rule = SUSTAINED) =>
  (await redis[region].eval(SUMMARY, 1, rule.log, rule.window, WIDTH)) as number[];

/** The shard's clock, in ms, as the scripts read it. */
async function shardNow(): Promise<number> {
  const [seconds, micros] = await redis.us.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** How many of `count` checks in `region` are admitted. */
async function admitted(region: Region, count: number, rules: readonly Rule[] = [SUSTAINED]) {
  let admittedCount = 0;
  for (let index = 0; index < count; index += 1) if ((await check(region, rules)).allowed) admittedCount += 1;
  return admittedCount;
}

beforeAll(async () => {
  server = await startRedis();
  for (const [db, region] of REGIONS.entries()) {
    redis[region] = new Redis({ port: server.port, host: '127.0.0.1', db, lazyConnect: true });
    await redis[region].connect();
  }
});

afterAll(async () => {
  for (const region of REGIONS) await redis[region]?.quit();
  await server?.stop();
});

beforeEach(async () => {
  await redis.us.flushall();
});

describe('the Lua scripts in content/case-studies/sliding-window-rate-limiter.mdx', () => {
  it('are published in the rate limiter case study only: check, summary, apply and undo', () => {
    expect(samples.map(({ file }) => file)).toEqual(Array(4).fill('content/case-studies/sliding-window-rate-limiter.mdx'));
  });
});

describe('the check, in one region', () => {
  it('admits up to the limit, counting the allowance down, then denies with a retry time within the window', async () => {
    const results = [await check('us'), await check('us'), await check('us'), await check('us')];
    expect(results.map(({ allowed }) => allowed)).toEqual([true, true, true, false]);
    expect(results.slice(0, 3).map(({ remaining }) => remaining)).toEqual([2, 1, 0]);
    expect(results[3]!.retryAfter).toBeGreaterThan(0);
    expect(results[3]!.retryAfter).toBeLessThanOrEqual(BURST.window);
  });

  it('checks both rules in one call and records a request in neither when one denies it', async () => {
    for (let index = 0; index < 3; index += 1) await check('us');
    const denied = await check('us');
    expect(denied.allowed).toBe(false);
    expect(denied.held).toEqual([3, 3]);
    expect(await redis.us.zcard(SUSTAINED.log)).toBe(3);
  });

  it('forgets requests that have slid out of the window', async () => {
    const longAgo = (await shardNow()) - BURST.window - 1;
    await redis.us.zadd(BURST.log, longAgo, 'old-1', longAgo, 'old-2', longAgo, 'old-3');
    const result = await check('us', [BURST]);
    expect(result.allowed).toBe(true);
    expect(result.held).toEqual([1]);
  });

  it('lets an idle log expire after one window', async () => {
    await check('us');
    expect(await redis.us.pttl(BURST.log)).toBeGreaterThan(0);
    expect(await redis.us.pttl(BURST.log)).toBeLessThanOrEqual(BURST.window);
    expect(await redis.us.pttl(SUSTAINED.log)).toBeLessThanOrEqual(SUSTAINED.window);
  });

  it('runs by hash with EVALSHA once loaded, as the limiter calls it', async () => {
    const sha = (await redis.us.script('LOAD', CHECK)) as string;
    const keys = [BURST.log, ...others('us').map((from) => usageKey(BURST.log, from))];
    const [allowed] = (await redis.us.evalsha(sha, keys.length, ...keys, 'req-sha', 2, BURST.window, BURST.limit)) as number[];
    expect(allowed).toBe(1);
  });
});

describe('the route-wide limit', () => {
  it("refusing a request the client's rules admitted, leaves no record of it: the undo gives the allowance back", async () => {
    const first = await check('us');
    expect(first.allowed).toBe(true);
    // The route-wide limit refuses it: the limiter undoes the admission.
    expect(await redis.us.eval(UNDO, 2, BURST.log, SUSTAINED.log, first.id)).toBe(2);
    expect(await redis.us.zcard(BURST.log)).toBe(0);
    expect(await redis.us.zcard(SUSTAINED.log)).toBe(0);
    // The client still has its whole allowance.
    expect(await admitted('us', BURST.limit + 1, [BURST, SUSTAINED])).toBe(BURST.limit);
  });
});

describe('across regions, through the usage sync', () => {
  it('a client that moves region finds its requests still counted there for the whole window, not for a few sync intervals', async () => {
    expect(await admitted('eu', SUSTAINED.limit)).toBe(SUSTAINED.limit);
    await sync('eu', 'us');
    await sync('eu', 'ap');
    for (const region of ['us', 'ap'] as const) {
      const moved = await check(region, [SUSTAINED]);
      expect(moved.allowed).toBe(false);
      // A slot opens when eu's oldest request leaves the window: about a window from now.
      expect(moved.retryAfter).toBeGreaterThan(SUSTAINED.window - 5_000);
      expect(moved.retryAfter).toBeLessThanOrEqual(SUSTAINED.window);
      // And eu's usage is kept as long as that: it does not expire with a short TTL.
      expect(await redis[region].pttl(usageKey(SUSTAINED.log, 'eu'))).toBeGreaterThan(SUSTAINED.window - 5_000);
    }
    expect(await admitted('us', 3)).toBe(0);
  });

  it('admits over the limit at most what another region admitted within one sync delay', async () => {
    expect(await admitted('eu', 3)).toBe(3);
    await sync('eu', 'us');
    // Two more in eu that us has not heard of yet: the sync delay.
    expect(await admitted('eu', 2)).toBe(2);
    // us counts the three it heard of and admits two: seven in the window, the limit plus the two unheard of.
    expect(await admitted('us', SUSTAINED.limit)).toBe(2);
    // Once the sync has run both ways, neither region admits any more.
    await sync('eu', 'us');
    await sync('us', 'eu');
    expect(await admitted('us', 1)).toBe(0);
    expect(await admitted('eu', 1)).toBe(0);
  });

  it('with the sync down, each region admits the whole limit: N × limit across N regions', async () => {
    let total = 0;
    for (const region of REGIONS) total += await admitted(region, SUSTAINED.limit + 1);
    expect(total).toBe(REGIONS.length * SUSTAINED.limit);
  });

  it('stops counting a remote request when it leaves the window, and the retry time says when', async () => {
    const now = await shardNow();
    // eu admitted one request 59.5 s ago and four 10 s ago.
    const aboutToLeave = now - SUSTAINED.window + 500;
    await redis.eu.zadd(SUSTAINED.log, aboutToLeave, 'old', ...[1, 2, 3, 4].flatMap((n) => [now - 10_000, `recent-${n}`]));
    await sync('eu', 'us');
    const denied = await check('us', [SUSTAINED]);
    expect(denied.allowed).toBe(false);
    // Not a window, nor a TTL: when the one old request leaves.
    expect(denied.retryAfter).toBeGreaterThan(0);
    expect(denied.retryAfter).toBeLessThanOrEqual(500);
  });

  it('counts a remote request at most one bucket width longer than it is in the window', async () => {
    const now = await shardNow();
    // Two requests in one bucket of eu's summary, 600 ms apart, leaving 2 to 3 s from now.
    const bucket = Math.floor((now - SUSTAINED.window + 2_000) / WIDTH) * WIDTH + WIDTH;
    const [older, newer] = [bucket + 100, bucket + 700];
    await redis.eu.zadd(SUSTAINED.log, older, 'older', newer, 'newer');
    await sync('eu', 'us');
    const pair = { ...SUSTAINED, limit: 2 };
    const denied = await check('us', [pair]);
    expect(denied.allowed).toBe(false);
    const exact = older + SUSTAINED.window - now; // when the older one really leaves
    expect(denied.retryAfter).toBeGreaterThan(exact); // never early…
    expect(denied.retryAfter).toBeLessThanOrEqual(exact + WIDTH); // …late by one bucket at most
  });

  it('ignores a summary delivered after its requests left the window', async () => {
    const now = await shardNow();
    const late = [now - SUSTAINED.window - 1_000, now - 1_000, SUSTAINED.limit];
    await sync('eu', 'us', SUSTAINED, late);
    expect(await admitted('us', SUSTAINED.limit)).toBe(SUSTAINED.limit);
  });

  it("clears another region's usage with the empty summary published once its log has emptied", async () => {
    expect(await admitted('eu', SUSTAINED.limit)).toBe(SUSTAINED.limit);
    await sync('eu', 'us');
    expect(await admitted('us', 1)).toBe(0);
    await redis.eu.del(SUSTAINED.log); // what Redis does once eu's requests have left the window
    expect(await takeSummary('eu')).toHaveLength(1); // taken_at, and no bucket
    await sync('eu', 'us');
    expect(await admitted('us', SUSTAINED.limit)).toBe(SUSTAINED.limit);
  });

  it('never lets a delayed summary overwrite a newer one', async () => {
    const older = await takeSummary('eu'); // taken while eu held nothing
    expect(await admitted('eu', SUSTAINED.limit)).toBe(SUSTAINED.limit);
    const newer = await takeSummary('eu');
    expect(newer[0]).toBeGreaterThanOrEqual(older[0]!);
    expect(await sync('eu', 'us', SUSTAINED, newer)).toBe(1);
    expect(await sync('eu', 'us', SUSTAINED, older)).toBe(0); // arrives late: dropped
    expect(await admitted('us', 1)).toBe(0);
  });
});
