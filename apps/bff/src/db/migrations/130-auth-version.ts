import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * SQLite only: a counter that every write to `users`, `memberships` or `sessions` moves,
 * whoever makes it (the repository, a cascade from a deleted space or user, another process
 * on the file). The session cache is keyed on it, so an integration edit no longer empties
 * the cache every request's session lookup goes through (docs/decisions/005-generation-cache.md).
 * PostgreSQL caches no sessions: other replicas write too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`
    CREATE TABLE auth_version (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL
    )`.execute(db);
  await sql`INSERT INTO auth_version (id, version) VALUES (1, 0)`.execute(db);
  for (const table of ['users', 'memberships', 'sessions'])
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      await sql`
        CREATE TRIGGER ${sql.raw(`auth_version_${table}_${event.toLowerCase()}`)}
        AFTER ${sql.raw(event)} ON ${sql.raw(table)}
        BEGIN UPDATE auth_version SET version = version + 1; END`.execute(db);
}
