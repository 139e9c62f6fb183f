import type { Kysely } from 'kysely';

/**
 * Which token minted a token (null when a person did). Deleting a token deletes what it
 * minted, and theirs in turn, so revoking a token ends its whole line.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('parent_id', 'text', (c) => c.references('api_tokens.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('api_tokens_parent').on('api_tokens').column('parent_id').execute();
}
