import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * PostgreSQL only: migration 120's lock, which puts integration writes in commit order, is
 * taken per schema instead of once for the whole database. Two installations in different
 * schemas of one database (or test suites running side by side) no longer wait for each
 * other's integration writes; within a schema nothing changes. The key is the two-integer
 * form (a class, and the hash of the written table's schema), a key space apart from the
 * single 64-bit keys, so it cannot meet the start-up migration lock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`
    CREATE OR REPLACE FUNCTION integration_writes_serialise() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(${sql.lit(INTEGRATION_WRITES_CLASS)}, hashtext(TG_TABLE_SCHEMA));
      RETURN NULL;
    END $$`.execute(db);
}

/** Any fixed 32-bit number: the class of lock, beside the schema's hash. */
const INTEGRATION_WRITES_CLASS = 723_691_458;
