import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

export type RunRow = Database['runs'];

export function createRunsRepository(db: Db) {
  return {
    async insert(row: RunRow) {
      await db.insertInto('runs').values(row).execute();
    },

    find(stackSlug: string, id: string) {
      return db
        .selectFrom('runs')
        .selectAll()
        .where('id', '=', id)
        .where('stack_slug', '=', stackSlug)
        .executeTakeFirst();
    },

    /** Newest first (ULIDs sort by time). */
    list(stackSlug: string, limit: number) {
      return db
        .selectFrom('runs')
        .selectAll()
        .where('stack_slug', '=', stackSlug)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },
  };
}

export type RunsRepository = ReturnType<typeof createRunsRepository>;
