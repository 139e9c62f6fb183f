import { sql, type Kysely } from 'kysely';
import { ddl, dialectOf } from '../dialect.js';

/** Stacks, direct attachments, runs (never their credentials) and expiring API tokens. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = ddl(dialectOf(db));
  await sql`
    CREATE TABLE stacks (
      slug TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      space_id TEXT NOT NULL REFERENCES spaces (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX stacks_space ON stacks (space_id, slug)`.execute(db);
  await sql`
    CREATE TABLE stack_labels (
      stack_slug TEXT NOT NULL REFERENCES stacks (slug) ON DELETE CASCADE,
      label TEXT NOT NULL,
      PRIMARY KEY (stack_slug, label)
    ) ${t.withoutRowid}`.execute(db);
  await sql`CREATE INDEX stack_labels_label ON stack_labels (label, stack_slug)`.execute(db);
  // Direct attachments only: auto-attachments are computed from labels when read
  // (docs/decisions/003-autoattach-computed.md). No cascade from integrations: deleting an
  // attached integration is refused, so a stack never silently loses its credentials.
  await sql`
    CREATE TABLE attachments (
      stack_slug TEXT NOT NULL REFERENCES stacks (slug) ON DELETE CASCADE,
      integration_id TEXT NOT NULL REFERENCES aws_integrations (id),
      read INTEGER NOT NULL,
      write INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      PRIMARY KEY (stack_slug, integration_id),
      CHECK (read = 1 OR write = 1)
    ) ${t.withoutRowid}`.execute(db);
  await sql`CREATE INDEX attachments_integration ON attachments (integration_id, stack_slug)`.execute(
    db,
  );
  // What was assumed for which run; the credentials themselves live only in memory
  // (docs/decisions/004-run-credentials.md).
  await sql`
    CREATE TABLE runs (
      id TEXT PRIMARY KEY,
      stack_slug TEXT NOT NULL REFERENCES stacks (slug) ON DELETE CASCADE,
      phase TEXT NOT NULL CHECK (phase IN ('plan', 'apply')),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT,
      integration_id TEXT,
      role_arn TEXT,
      external_id TEXT,
      duration_seconds INTEGER,
      region TEXT,
      assume_role_on_worker INTEGER NOT NULL,
      assumed_role_arn TEXT,
      variable_names TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX runs_stack ON runs (stack_slug, id)`.execute(db);
  await sql`ALTER TABLE api_tokens ADD COLUMN expires_at TEXT`.execute(db);
}
