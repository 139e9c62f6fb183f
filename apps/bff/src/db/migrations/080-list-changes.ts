import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * SQLite only: which integrations changed, and in what order, for the in-memory list index
 * (docs/decisions/012-in-memory-list-index.md). Triggers record every write to an
 * integration or its labels, whoever makes it — the repository, a cascade, another process
 * on the file, a test writing rows directly — so the index refreshes exactly those rows.
 * One row per integration ever written, holding its latest sequence number; a deleted
 * integration's row stays as its tombstone. PostgreSQL's is migration 120's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`
    CREATE TABLE integration_changes (
      integration_id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE UNIQUE INDEX integration_changes_seq ON integration_changes (seq)`.execute(db);
  const record = (id: string) =>
    sql.raw(`
      INSERT INTO integration_changes (integration_id, seq)
        VALUES (${id}, (SELECT coalesce(max(seq), 0) + 1 FROM integration_changes))
        ON CONFLICT (integration_id) DO UPDATE SET seq = excluded.seq;`);
  const triggers = [
    ['integration_changed_insert', 'AFTER INSERT ON aws_integrations', 'new.id'],
    ['integration_changed_update', 'AFTER UPDATE ON aws_integrations', 'new.id'],
    ['integration_changed_delete', 'AFTER DELETE ON aws_integrations', 'old.id'],
    ['integration_label_insert', 'AFTER INSERT ON integration_labels', 'new.integration_id'],
    ['integration_label_update', 'AFTER UPDATE ON integration_labels', 'new.integration_id'],
    ['integration_label_delete', 'AFTER DELETE ON integration_labels', 'old.integration_id'],
  ] as const;
  for (const [name, on, id] of triggers)
    await sql`CREATE TRIGGER ${sql.raw(name)} ${sql.raw(on)} BEGIN ${record(id)} END`.execute(db);
}
