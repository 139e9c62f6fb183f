import type { Role } from '@rolebridge/contracts';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { dialectOf, jsonObjectOf } from '../db/dialect.js';

export function createAuthRepository(db: Db) {
  const dialect = dialectOf(db);
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

    /** The session's user and their memberships, in one round trip: every request asks. */
    async findSession(idHash: string) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.expires_at', 'users.id as user_id', 'users.email'])
        .select((eb) =>
          eb
            .selectFrom('memberships')
            .select(jsonObjectOf(dialect, sql.ref('space_id'), sql.ref('role')).as('m'))
            .whereRef('memberships.user_id', '=', 'users.id')
            .as('memberships_json'),
        )
        .where('sessions.id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const { memberships_json, ...session } = row;
      const memberships = JSON.parse(memberships_json ?? '{}') as Record<string, Role>;
      return { ...session, memberships: new Map(Object.entries(memberships)) };
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
