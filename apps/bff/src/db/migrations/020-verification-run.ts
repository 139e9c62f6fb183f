import { sql, type Kysely } from 'kysely';

/**
 * Which verification run wrote an integration's last verification. A background retry
 * writes its progress only while its run is still the latest (a new check or an edit of the
 * role replaces it), and any replica reads the progress from the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE aws_integrations ADD COLUMN verification_run TEXT`.execute(db);
}
