import type { Db } from '../db/database.js';

export function createUsersRepository(db: Db) {
  return {
    async listWithMemberships() {
      const users = await db
        .selectFrom('users')
        .select(['id', 'email', 'created_at'])
        .orderBy('email')
        .execute();
      const memberships = await db
        .selectFrom('memberships')
        .select(['user_id', 'space_id', 'role'])
        .orderBy('space_id')
        .execute();
      return { users, memberships };
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
