import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * PostgreSQL's `integration_changes`, as 080 made SQLite's: every write to an integration
 * or its labels, whoever makes it, upserts the integration's id with the next sequence
 * number, and each replica's in-memory list index reads the changes above the last it
 * applied (docs/decisions/015-list-index-on-postgresql.md).
 *
 * SQLite has one writer at a time, so its sequence follows commit order. Here a sequence
 * value is taken at write time and transactions commit in any order: a reader could see 11
 * committed, move past it, and never see 10. So every statement writing these tables first
 * takes one transaction-level advisory lock, held until commit or rollback: integration
 * writes commit one at a time, each takes its numbers after the previous one is visible,
 * and a reader that has seen a number has seen every smaller one. The lock is taken before
 * the statement locks any row (a BEFORE STATEMENT trigger), so two such writers cannot
 * deadlock on each other's rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`CREATE SEQUENCE integration_changes_seq`.execute(db);
  await sql`
    CREATE TABLE integration_changes (
      integration_id TEXT PRIMARY KEY,
      seq BIGINT NOT NULL UNIQUE
    )`.execute(db);
  await sql`
    CREATE FUNCTION integration_writes_serialise() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(${sql.lit(INTEGRATION_WRITES_LOCK)});
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION integration_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      changed TEXT;
    BEGIN
      IF TG_TABLE_NAME = 'aws_integrations' THEN
        changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
      ELSE
        changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.integration_id ELSE NEW.integration_id END;
      END IF;
      INSERT INTO integration_changes (integration_id, seq)
        VALUES (changed, nextval('integration_changes_seq'))
        ON CONFLICT (integration_id) DO UPDATE SET seq = excluded.seq;
      RETURN NULL;
    END $$`.execute(db);
  for (const table of ['aws_integrations', 'integration_labels']) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_serialise`)}
        BEFORE INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION integration_writes_serialise()`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_changed`)}
        AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION integration_changed()`.execute(db);
  }
}

/** Any fixed 64-bit number, distinct from the start-up lock's. */
const INTEGRATION_WRITES_LOCK = 7_236_914_582_113_004_002n;
