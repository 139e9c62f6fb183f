import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';

/**
 * Tables a refused request may legitimately write: attempt counters, the audit trail of
 * refusals, migration bookkeeping; and the webhook delivery queue, which the background
 * sender updates between requests (retries of an earlier "Send test"). Everything else
 * must be as it was after a 4xx.
 */
const MAY_CHANGE_ON_REFUSAL = /^(rate_limits|audit_events|webhook_deliveries|kysely_migration.*)$/;
/** A bearer token is used (and stamped) before its request is refused for other reasons. */
const VOLATILE_COLUMNS = new Set(['last_used_at']);

export type Snapshot = Map<string, string>;

/**
 * This database's tables. On PostgreSQL only the schema in use: Kysely's introspection reads
 * every schema, resolving names as it goes, and fails when another test file drops its
 * schema at that moment (they run in parallel, each in a schema of its own).
 */
async function tableNames(db: Db): Promise<string[]> {
  const { rows } =
    dialectOf(db) === 'postgres'
      ? await sql<{
          name: string;
        }>`SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = current_schema()`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(
          db,
        );
  return rows.map((r) => r.name);
}

/** Every row of every table, as sorted JSON per table. */
export async function snapshot(db: Db): Promise<Snapshot> {
  const tables = (await tableNames(db)).filter((name) => !MAY_CHANGE_ON_REFUSAL.test(name));
  const result: Snapshot = new Map();
  for (const table of tables) {
    const rows = await db
      .selectFrom(table as 'spaces')
      .selectAll()
      .execute();
    const lines = rows.map((row) =>
      JSON.stringify(Object.entries(row).filter(([column]) => !VOLATILE_COLUMNS.has(column))),
    );
    result.set(table, lines.sort().join('\n'));
  }
  return result;
}

/** Names of the tables whose rows differ. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name));
}
