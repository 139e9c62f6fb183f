import { sql, type Kysely } from 'kysely';

/**
 * The STS session name a run's credentials were issued under. With the role ARN, external
 * ID and expiry already recorded, it is all another replica needs to issue the run's
 * credentials again (decision 010); it never changes when the account is renamed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE runs ADD COLUMN session_name TEXT`.execute(db);
}
