/**
 * An in-process PostgreSQL for tests that run the case studies' SQL:
 * PGlite (@electric-sql/pglite), real Postgres compiled to WebAssembly, so
 * no server to install or start. Prepared transactions are on, so a test can
 * hold a transaction open (PREPARE TRANSACTION) while running others on the
 * one connection PGlite has, as a second client would.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';

export const startPostgres = () => PGlite.create({ postgresqlconf: ['max_prepared_transactions = 4'] });

/** The part of node-postgres's Pool that the published samples call, over PGlite. */
export function asPool(db: PGlite): Pool {
  const query = async (text: string, values?: unknown[]) => {
    const result = await db.query(text, values);
    return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
  };
  return { query } as unknown as Pool;
}
