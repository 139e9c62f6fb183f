import type { Kysely } from 'kysely';

/**
 * Rate-limit counters live in the database so that every process and replica on it counts
 * the same attempts (docs/decisions/006-rate-limits-in-the-database.md). Built with the
 * schema builder: the same statement serves SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    // Milliseconds since the epoch: compared as numbers on every attempt.
    .addColumn('reset_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_reset_at')
    .on('rate_limits')
    .column('reset_at')
    .execute();
}
