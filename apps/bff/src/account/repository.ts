import type { Db } from '../db/database.js';

export function createAccountRepository(db: Db) {
  return {
    get() {
      return db.selectFrom('account').selectAll().where('id', '=', 1).executeTakeFirst();
    },
    /** `named`: the operator chose the name (ROLEBRIDGE_ACCOUNT_NAME), so it counts as set. */
    async ensure(name: string, at: string, named: boolean) {
      await db
        .insertInto('account')
        .values({ id: 1, name, created_at: at, updated_at: at, named_at: named ? at : null })
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
