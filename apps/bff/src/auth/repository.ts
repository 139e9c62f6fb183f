import type { Role } from '@rolebridge/contracts';
import type { Db } from '../db/database.js';

export function createAuthRepository(db: Db) {
  return {
    findUserByEmail(email: string) {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },

    countUsers() {
      return db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    async insertUser(
      user: { id: string; email: string; passwordHash: string; createdAt: string },
      membership: { spaceId: string; role: Role },
    ) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('users')
          .values({
            id: user.id,
            email: user.email,
            password_hash: user.passwordHash,
            created_at: user.createdAt,
          })
          .execute();
        await trx
          .insertInto('memberships')
          .values({ user_id: user.id, space_id: membership.spaceId, role: membership.role })
          .execute();
      });
    },

    async memberships(userId: string): Promise<Map<string, Role>> {
      const rows = await db
        .selectFrom('memberships')
        .select(['space_id', 'role'])
        .where('user_id', '=', userId)
        .execute();
      return new Map(rows.map((r) => [r.space_id, r.role as Role]));
    },

    insertSession(session: {
      idHash: string;
      userId: string;
      createdAt: string;
      expiresAt: string;
    }) {
      return db
        .insertInto('sessions')
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    findSession(idHash: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.expires_at', 'users.id as user_id', 'users.email'])
        .where('sessions.id_hash', '=', idHash)
        .executeTakeFirst();
    },

    deleteSession(idHash: string) {
      return db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },

    deleteExpiredSessions(nowIso: string) {
      return db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
