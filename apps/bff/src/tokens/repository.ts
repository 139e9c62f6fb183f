import { sql } from 'kysely';
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
      parentId: string | null;
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
          parent_id: row.parentId,
        })
        .execute();
    },

    find(id: string) {
      return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Tokens of these spaces, or of every space. */
    list(spaceIds: 'all' | string[]) {
      let query = db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc');
      if (spaceIds !== 'all')
        query = query.where('space_id', 'in', spaceIds.length > 0 ? spaceIds : ['']);
      return query.execute();
    },

    touch(id: string, at: string) {
      return db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },

    /** Deletes the token and, through the parent_id cascade, every token it minted. */
    async delete(id: string): Promise<string[]> {
      return db.transaction().execute(async (trx) => {
        const line = await sql<{ id: string }>`
          WITH RECURSIVE line(id) AS (
            SELECT id FROM api_tokens WHERE id = ${id}
            UNION
            SELECT t.id FROM api_tokens t JOIN line ON t.parent_id = line.id
          )
          SELECT id FROM line`.execute(trx);
        await trx.deleteFrom('api_tokens').where('id', '=', id).execute();
        return line.rows.map((r) => r.id);
      });
    },
  };
}

export type TokensRepository = ReturnType<typeof createTokensRepository>;
