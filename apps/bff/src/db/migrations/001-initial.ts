import { sql, type Kysely } from 'kysely';
import { ddl, dialectOf, postgresExtensions } from '../dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  const t = ddl(dialect);
  if (dialect === 'postgres') {
    for (const name of postgresExtensions)
      await sql`CREATE EXTENSION IF NOT EXISTS ${sql.raw(name)}`.execute(db);
  }
  await sql`
    CREATE TABLE account (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email ${t.nocaseText} NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE spaces (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      parent_id TEXT REFERENCES spaces (id),
      description TEXT NOT NULL DEFAULT '',
      inherit_entities INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE memberships (
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('admin', 'write', 'read')),
      PRIMARY KEY (user_id, space_id)
    )`.execute(db);
  await sql`
    CREATE TABLE sessions (
      id_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE api_tokens (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'write', 'read', 'worker')),
      space_id TEXT NOT NULL REFERENCES spaces (id),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_used_at TEXT
    )`.execute(db);
  await sql`
    CREATE TABLE aws_integrations (
      id TEXT PRIMARY KEY,
      name ${t.nocaseText} NOT NULL,
      space_id TEXT NOT NULL REFERENCES spaces (id),
      role_arn TEXT NOT NULL,
      assume_role_on_worker INTEGER NOT NULL,
      external_id TEXT,
      duration_seconds INTEGER NOT NULL,
      region TEXT,
      autoattach_enabled INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL,
      last_verification TEXT
    )`.execute(db);
  // One index serves both uniqueness and the list's ORDER BY name, id.
  await sql`CREATE UNIQUE INDEX aws_integrations_name ON aws_integrations (name ${t.nocase})`.execute(
    db,
  );
  await sql`CREATE INDEX aws_integrations_space ON aws_integrations (space_id, name)`.execute(db);
  await sql`
    CREATE TABLE integration_labels (
      integration_id TEXT NOT NULL REFERENCES aws_integrations (id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      PRIMARY KEY (integration_id, label)
    ) ${t.withoutRowid}`.execute(db);
  await sql`CREATE INDEX integration_labels_label ON integration_labels (label, integration_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE audit_events (
      id ${t.serialKey},
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target_type TEXT NOT NULL,
      target_id TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    )`.execute(db);
}
