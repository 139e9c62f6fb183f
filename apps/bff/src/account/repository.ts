import type { Db } from '../db/database.js';

export function createAccountRepository(db: Db) {
  return {
    get() {
      return db.selectFrom('account').selectAll().where('id', '=', 1).executeTakeFirst();
    },
    async ensure(name: string, at: string) {
      await db
        .insertInto('account')
        .values({ id: 1, name, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    rename(name: string, at: string) {
      return db
        .updateTable('account')
        .set({ name, updated_at: at, named_at: at })
        .where('id', '=', 1)
        .execute();
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
