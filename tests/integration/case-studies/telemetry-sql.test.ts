/**
 * The telemetry pipeline's SQL and its write path, exactly as published in
 * content/case-studies/telemetry-pipeline.mdx, run against a real PostgreSQL
 * (PGlite, in process): the deduplication key, the late-bucket mark, the
 * default partition's trap and its remedy, the guarded state update and the
 * gap query.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asPool, startPostgres } from './postgres.ts';
import { caseStudySamples, importSample, sampleStarting } from './samples.ts';

const FILE = 'content/case-studies/telemetry-pipeline.mdx';
const sql = caseStudySamples(['sql']);
const SCHEMA = sampleStarting(sql, FILE, '-- Raw readings, partitioned by day').code;
const PARTITION_FUNCTION = sampleStarting(sql, FILE, 'CREATE FUNCTION create_readings_partition').code;
const STATE_UPDATE = sampleStarting(sql, FILE, 'INSERT INTO device_state').code;
const GAPS = sampleStarting(sql, FILE, '-- Missing sequence numbers').code;

interface Reading {
  deviceId: string;
  bootEpoch: number;
  seq: number;
  recordedAt: string;
  metric: string;
  value: number;
}
interface WritePath {
  writeReadings(pool: Pool, batch: readonly Reading[]): Promise<number>;
  writeOrIsolate(pool: Pool, batch: readonly Reading[], deadLetter: (reading: Reading, reason: string) => Promise<void>): Promise<number>;
}

let db: PGlite;
let pool: Pool;
let write: WritePath;

const reading = (seq: number, recordedAt: string, overrides: Partial<Reading> = {}): Reading => ({
  deviceId: 'dev-1',
  bootEpoch: 1,
  seq,
  recordedAt,
  metric: 'temperature',
  value: 20 + seq,
  ...overrides,
});

const count = async (query: string) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${query}`)).rows[0]!.n);

beforeAll(async () => {
  [db, write] = await Promise.all([startPostgres(), importSample<WritePath>(FILE, 'write-readings.ts')]);
  pool = asPool(db);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

beforeEach(async () => {
  await db.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  await db.exec(SCHEMA);
  await db.exec(PARTITION_FUNCTION);
  await db.query(`SELECT create_readings_partition('2026-03-01'), create_readings_partition('2026-03-02')`);
}, 60_000); // PGlite is WebAssembly: seconds, not milliseconds, on a busy machine

describe('the write path in content/case-studies/telemetry-pipeline.mdx', () => {
  it("stores an event once when it is resent with another timestamp (another gateway's receive time)", async () => {
    expect(await write.writeReadings(pool, [reading(1, '2026-03-01T10:00:00Z'), reading(2, '2026-03-01T10:00:01Z')])).toBe(2);
    // The same identities again: one with the same timestamp, one restamped on the next day.
    expect(await write.writeReadings(pool, [reading(1, '2026-03-01T10:00:00Z'), reading(2, '2026-03-02T08:00:00Z')])).toBe(0);
    expect(await count('readings')).toBe(2);
    const kept = await db.query<{ recorded_at: Date }>(`SELECT recorded_at FROM readings WHERE seq = 2`);
    expect(kept.rows.map(({ recorded_at }) => recorded_at.toISOString())).toEqual(['2026-03-01T10:00:01.000Z']);
  });

  it("stores a copy sent twice within one batch once, and a new epoch's seq 1 beside the old one's", async () => {
    const batch = [
      reading(1, '2026-03-01T10:00:00Z'),
      reading(1, '2026-03-01T10:00:05Z'),
      reading(1, '2026-03-01T11:00:00Z', { bootEpoch: 2 }),
    ];
    expect(await write.writeReadings(pool, batch)).toBe(2);
    expect(await count('event_ids')).toBe(2);
  });

  it('marks a closed rollup bucket when a late reading lands in it, and only then', async () => {
    await db.query(`UPDATE rollup_watermark SET closed_until = '2026-03-01T12:00:00Z'`);
    await write.writeReadings(pool, [reading(1, '2026-03-01T10:15:00Z'), reading(2, '2026-03-01T12:30:00Z')]);
    const marked = await db.query<{ bucket: Date }>(`SELECT bucket FROM rollup_dirty`);
    expect(marked.rows.map(({ bucket }) => bucket.toISOString())).toEqual(['2026-03-01T10:00:00.000Z']);
    // A resent copy is not a late reading: it changes nothing, so it marks nothing.
    await db.query(`DELETE FROM rollup_dirty`);
    await write.writeReadings(pool, [reading(1, '2026-03-01T10:15:00Z')]);
    expect(await count('rollup_dirty')).toBe(0);
  });

  it('isolates the row the database refuses and writes the rest of the batch', async () => {
    const refused: { seq: number; reason: string }[] = [];
    const batch = [1, 2, 3, 4, 5].map((seq) => reading(seq, '2026-03-01T10:00:00Z', seq === 4 ? { metric: 'bad\u0000name' } : {}));
    const written = await write.writeOrIsolate(pool, batch, async ({ seq }, reason) => {
      refused.push({ seq, reason });
    });
    expect(written).toBe(4);
    expect(refused.map(({ seq }) => seq)).toEqual([4]);
    expect(await count('readings')).toBe(4);
  });
});

describe('the readings partitions', () => {
  it('a stray row in the default partition makes a bare CREATE … PARTITION OF fail for its day', async () => {
    await write.writeReadings(pool, [reading(1, '2026-03-05T09:00:00Z')]);
    expect(await count('readings_default')).toBe(1);
    await expect(
      db.exec(`CREATE TABLE readings_20260305 PARTITION OF readings FOR VALUES FROM ('2026-03-05T00:00:00Z') TO ('2026-03-06T00:00:00Z')`),
    ).rejects.toThrow(/default partition "readings_default" would be violated/);
  });

  it('the published function creates that day and moves its rows out of the default partition', async () => {
    await write.writeReadings(pool, [reading(1, '2026-03-05T09:00:00Z'), reading(2, '2026-03-09T09:00:00Z')]);
    await db.query(`SELECT create_readings_partition('2026-03-05')`);
    expect(await count('readings_20260305')).toBe(1);
    expect(await count('readings_default')).toBe(1); // the 9th still has no partition of its own
    expect(await count('readings')).toBe(2);
    // The identity key still holds across the move.
    expect(await write.writeReadings(pool, [reading(1, '2026-03-05T09:00:00Z')])).toBe(0);
  });
});

describe('ordering and gaps', () => {
  it("the guarded update never lets a late event move a device's state backwards", async () => {
    await db.exec(
      `CREATE TABLE device_state (device_id text PRIMARY KEY, boot_epoch int NOT NULL, last_seq bigint NOT NULL, status text NOT NULL)`,
    );
    const update = (epoch: number, seq: number, status: string) => db.query(STATE_UPDATE, ['dev-1', epoch, seq, status]);
    await update(1, 5, 'online');
    await update(1, 3, 'late'); // older: ignored
    await update(1, 5, 'duplicate'); // same: ignored
    expect((await db.query(`SELECT last_seq, status FROM device_state`)).rows).toEqual([{ last_seq: 5, status: 'online' }]);
    await update(2, 1, 'reset'); // a new epoch orders after every seq of the old one
    expect((await db.query(`SELECT boot_epoch, last_seq, status FROM device_state`)).rows).toEqual([
      { boot_epoch: 2, last_seq: 1, status: 'reset' },
    ]);
  });

  it("the gap query finds the missing ranges of each device's epoch, and a late event closes its gap", async () => {
    await write.writeReadings(
      pool,
      [1, 2, 5, 6, 9].map((seq) => reading(seq, '2026-03-01T10:00:00Z')),
    );
    const gaps = async () => (await db.query(GAPS, ['2026-03-01T00:00:00Z'])).rows;
    expect(await gaps()).toEqual([
      { device_id: 'dev-1', boot_epoch: 1, first_missing: 3, last_missing: 4 },
      { device_id: 'dev-1', boot_epoch: 1, first_missing: 7, last_missing: 8 },
    ]);
    await write.writeReadings(
      pool,
      [3, 4].map((seq) => reading(seq, '2026-03-01T10:05:00Z')),
    );
    expect(await gaps()).toEqual([{ device_id: 'dev-1', boot_epoch: 1, first_missing: 7, last_missing: 8 }]);
  });
});
