import type { Db } from '../db/database.js';

export function createTokensRepository(db: Db) {
  return {
    insert(row: {
      id: string;
      name: string;
      secretHash: string;
      role: string;
      spaceId: string;
      createdBy: string;
      createdAt: string;
      expiresAt: string | null;
    }) {
      return db
        .insertInto('api_tokens')
        .values({
          id: row.id,
          name: row.name,
          secret_hash: row.secretHash,
          role: row.role,
          space_id: row.spaceId,
          created_by: row.createdBy,
          created_at: row.createdAt,
          last_used_at: null,
          expires_at: row.expiresAt,
        })
        .execute();
    },

    find(id: string) {
      return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    },

    list() {
      return db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
    },

    touch(id: string, at: string) {
      return db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },

    delete(id: string) {
      return db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
    },
  };
}

export type TokensRepository = ReturnType<typeof createTokensRepository>;
