import { sql } from 'kysely';

/**
 * An integration's verification status from its stored verification, as SQL. Verifications
 * are stored as JSON.stringify output with `ok` first, so the first characters tell the
 * verdict without JSON functions. Migration 040 indexes this exact expression (a test checks
 * the index is used): changing it needs a new migration, or the status filter walks every row.
 */
export const statusOf = sql<string>`(CASE WHEN last_verification IS NULL THEN 'not-checked' WHEN substr(last_verification, 1, 10) = '{"ok":true' THEN 'verified' ELSE 'failing' END)`;
