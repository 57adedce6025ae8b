/**
 * The CQRS ledger's SQL, exactly as published in content/case-studies/cqrs-ledger.mdx,
 * run against a real PostgreSQL (PGlite, in process): the event store's
 * constraints, the outbox relay's query and the relay-lag query.
 *
 * PGlite has one connection, so a transaction that another client would hold
 * open is held open with PREPARE TRANSACTION: it stays in progress, in every
 * snapshot, until COMMIT PREPARED.
 */
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPostgres } from './postgres.ts';
import { caseStudySamples, sampleStarting } from './samples.ts';

const FILE = 'content/case-studies/cqrs-ledger.mdx';
const sql = caseStudySamples(['sql']);
const SCHEMA = sampleStarting(sql, FILE, '-- The event store, which is also the outbox').code;
const RELAY = sampleStarting(sql, FILE, 'SELECT stream_id, version, position, tx_id').code;
const LAG = sampleStarting(sql, FILE, '-- Relay lag').code;

let db: PGlite;

interface Row {
  stream_id: string;
  version: number;
  position: number;
  tx_id: string;
}

const append = (streamId: string, version: number, extra = '') =>
  `INSERT INTO events (stream_id, version, type, payload${extra ? ', recorded_at' : ''})
   VALUES ('${streamId}', ${version}, 'FundsCredited', '{}'${extra ? `, ${extra}` : ''});`;

/** One pass of the relay: the published query from its checkpoint; it then moves the checkpoint past what it published. */
async function relay(limit = 100): Promise<Row[]> {
  const {
    rows: [checkpoint],
  } = await db.query<{ tx_id: string; position: number }>(`SELECT tx_id, position FROM relay_checkpoint`);
  const { rows } = await db.query<Row>(RELAY, [checkpoint!.tx_id, checkpoint!.position, limit]);
  const last = rows.at(-1);
  if (last) await db.query(`UPDATE relay_checkpoint SET tx_id = $1, position = $2`, [last.tx_id, last.position]);
  return rows;
}

const lag = async () =>
  (await db.query<{ seconds: number }>(`SELECT extract(epoch FROM relay_lag)::float8 AS seconds FROM (${LAG.replace(/;\s*$/, '')}) AS lag`))
    .rows[0]!.seconds;

beforeAll(async () => {
  db = await startPostgres();
}, 60_000);

afterAll(async () => {
  await db?.close();
});

beforeEach(async () => {
  await db.exec(`ROLLBACK PREPARED 'slow'`).catch(() => undefined);
  await db.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  await db.exec(SCHEMA);
}, 60_000); // PGlite is WebAssembly: seconds, not milliseconds, on a busy machine

describe('the event store in content/case-studies/cqrs-ledger.mdx', () => {
  it('refuses a second event at a stream version: the concurrency control', async () => {
    await db.exec(append('acc-1', 1));
    await expect(db.exec(append('acc-1', 1))).rejects.toThrow(/duplicate key value violates unique constraint/);
  });

  it('keeps one result per client and key, so two clients can use the same key', async () => {
    const store = (client: string) =>
      db.query(`INSERT INTO idempotency_keys (client_id, key, request, result) VALUES ($1, 'k-1', '[]', '{}')`, [client]);
    await store('client-a');
    await store('client-b');
    await expect(store('client-a')).rejects.toThrow(/duplicate key value violates unique constraint/);
  });
});

describe('the outbox relay query', () => {
  it('publishes nothing past a transaction still open, then everything in (transaction, position) order once it commits', async () => {
    await db.exec(append('acc-0', 1));
    expect((await relay()).map(({ stream_id }) => stream_id)).toEqual(['acc-0']);

    // A slow transaction appends and stays open; a later one appends and commits.
    await db.exec(`BEGIN; ${append('acc-1', 1)} PREPARE TRANSACTION 'slow';`);
    await db.exec(append('acc-2', 1));

    // A reader following positions alone would publish acc-2 now and move past acc-1's position.
    const byPosition = await db.query<Row>(`SELECT stream_id FROM events WHERE position > 1 ORDER BY position`);
    expect(byPosition.rows.map(({ stream_id }) => stream_id)).toEqual(['acc-2']);
    // The relay holds everything back behind the open transaction…
    expect(await relay()).toEqual([]);

    // …and once it commits, publishes both, the slow transaction's first, and skips neither.
    await db.exec(`COMMIT PREPARED 'slow'`);
    const published = await relay();
    expect(published.map(({ stream_id }) => stream_id)).toEqual(['acc-1', 'acc-2']);
    expect(published[0]!.position).toBeLessThan(published[1]!.position);
    expect(await relay()).toEqual([]);
  });

  it('resumes after its checkpoint, a page at a time, without repeating or skipping an event', async () => {
    for (let version = 1; version <= 5; version += 1) await db.exec(append('acc-1', version));
    const pages = [await relay(2), await relay(2), await relay(2), await relay(2)];
    expect(pages.map((page) => page.map(({ version }) => version))).toEqual([[1, 2], [3, 4], [5], []]);
  });
});

describe('the relay-lag query', () => {
  it('reports the age of the oldest unpublished event, which keeps growing under steady writes while the relay is stalled', async () => {
    await db.exec(append('acc-1', 1, `now() - interval '10 minutes'`));
    await db.exec(append('acc-1', 2, `now() - interval '5 minutes'`));
    await db.exec(append('acc-2', 1)); // written just now: the newest unpublished event is a moment old
    expect(await lag()).toBeGreaterThanOrEqual(600);
    expect(await lag()).toBeLessThan(660);
    const newest = await db.query<{ seconds: number }>(
      `SELECT extract(epoch FROM now() - max(recorded_at))::float8 AS seconds FROM events`,
    );
    expect(newest.rows[0]!.seconds).toBeLessThan(60);
  });

  it('is zero once the relay has published everything', async () => {
    await db.exec(append('acc-1', 1, `now() - interval '10 minutes'`));
    await relay();
    expect(await lag()).toBe(0);
  });
});
