import { sql, type Kysely } from 'kysely';
import { ddl, dialectOf } from '../dialect.js';

/**
 * The list's filters without walking every row (docs/decisions/008-list-filters-and-search.md):
 * - each label row carries its integration's name, so one label's integrations come out of
 *   the index already in list order (name, id) and a page stops after 50 of them;
 * - label_counts says how many integrations carry each label, so the narrowest label leads;
 * - an expression index lists integrations by verification status in list order;
 * - names are indexed by trigram (SQLite FTS5) for `?q=` substring search. FTS rows are
 *   keyed by a stable INTEGER key of their own, since VACUUM may renumber the implicit
 *   rowids of aws_integrations. Triggers keep it in step with every write, whoever makes it.
 *   PostgreSQL's pg_trgm indexes the name itself and needs neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  const t = ddl(dialect);
  await sql`ALTER TABLE integration_labels ADD COLUMN name ${t.nocaseText} NOT NULL DEFAULT ''`.execute(
    db,
  );
  await sql`UPDATE integration_labels SET name = (SELECT name FROM aws_integrations WHERE id = integration_id)`.execute(
    db,
  );
  await sql`DROP INDEX integration_labels_label`.execute(db);
  await sql`CREATE INDEX integration_labels_label ON integration_labels (label, name, integration_id)`.execute(
    db,
  );

  await sql`CREATE TABLE label_counts (label TEXT PRIMARY KEY, n INTEGER NOT NULL) ${t.withoutRowid}`.execute(
    db,
  );
  await sql`INSERT INTO label_counts SELECT label, count(*) FROM integration_labels GROUP BY label`.execute(
    db,
  );
  // The same expression as integrations/verification-status.ts, or queries cannot use it.
  await sql`
    CREATE INDEX aws_integrations_status ON aws_integrations (
      (CASE WHEN last_verification IS NULL THEN 'not-checked' WHEN substr(last_verification, 1, 10) = '{"ok":true' THEN 'verified' ELSE 'failing' END),
      name,
      id
    )`.execute(db);

  if (dialect === 'postgres') {
    // The expression dialect.ts searches with; pg_trgm answers ILIKE '%…%' from it.
    await sql`CREATE INDEX integration_search ON aws_integrations USING gin ((name::text) gin_trgm_ops)`.execute(
      db,
    );
    return;
  }
  await sql`
    CREATE TABLE integration_search_keys (
      key INTEGER PRIMARY KEY,
      integration_id TEXT NOT NULL UNIQUE
    )`.execute(db);
  await sql`CREATE VIRTUAL TABLE integration_search USING fts5(name, tokenize = 'trigram')`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER integration_search_insert AFTER INSERT ON aws_integrations BEGIN
      INSERT INTO integration_search_keys (integration_id) VALUES (new.id);
      INSERT INTO integration_search (rowid, name) VALUES (last_insert_rowid(), new.name);
    END`.execute(db);
  await sql`
    CREATE TRIGGER integration_search_rename AFTER UPDATE OF name ON aws_integrations
    WHEN new.name IS NOT old.name BEGIN
      UPDATE integration_search SET name = new.name
        WHERE rowid = (SELECT key FROM integration_search_keys WHERE integration_id = new.id);
    END`.execute(db);
  await sql`
    CREATE TRIGGER integration_search_delete AFTER DELETE ON aws_integrations BEGIN
      DELETE FROM integration_search
        WHERE rowid = (SELECT key FROM integration_search_keys WHERE integration_id = old.id);
      DELETE FROM integration_search_keys WHERE integration_id = old.id;
    END`.execute(db);
  await sql`INSERT INTO integration_search_keys (integration_id) SELECT id FROM aws_integrations`.execute(
    db,
  );
  await sql`
    INSERT INTO integration_search (rowid, name)
    SELECT k.key, i.name FROM integration_search_keys k JOIN aws_integrations i ON i.id = k.integration_id`.execute(
    db,
  );
}
