import { sql, type Kysely } from 'kysely';
import { ddl, dialectOf } from '../dialect.js';

/** LaunchPad's "Name your account" step and teammate invites. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = ddl(dialectOf(db));
  // Set when an admin saves the name, so the default from the environment does not count.
  await sql`ALTER TABLE account ADD COLUMN named_at TEXT`.execute(db);
  await sql`
    CREATE TABLE invites (
      id TEXT PRIMARY KEY,
      email ${t.nocaseText} NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'write', 'read')),
      space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
      token_hash TEXT NOT NULL UNIQUE,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      accepted_at TEXT
    )`.execute(db);
  await sql`CREATE INDEX invites_accepted ON invites (accepted_at)`.execute(db);
}
