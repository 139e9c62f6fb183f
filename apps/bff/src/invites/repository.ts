import type { Role } from '@rolebridge/contracts';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { AuditEntry, AuditLog } from '../audit/repository.js';

export type InviteRow = Database['invites'];

export function createInvitesRepository(db: Db) {
  return {
    insert(row: InviteRow) {
      return db.insertInto('invites').values(row).execute();
    },
    list() {
      return db.selectFrom('invites').selectAll().orderBy('created_at', 'desc').execute();
    },
    find(id: string) {
      return db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByTokenHash(tokenHash: string) {
      return db
        .selectFrom('invites')
        .innerJoin('spaces', 'spaces.id', 'invites.space_id')
        .selectAll('invites')
        .select('spaces.name as space_name')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },
    delete(id: string) {
      return db.deleteFrom('invites').where('id', '=', id).execute();
    },
    /**
     * User, membership and the invite's use in one transaction: a half-accepted invite
     * would leave a user without access, or a link that works twice.
     */
    async accept(
      invite: InviteRow,
      user: { id: string; passwordHash: string; createdAt: string },
      audit: AuditLog,
      entry: AuditEntry,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const used = await trx
          .updateTable('invites')
          .set({ accepted_at: user.createdAt })
          .where('id', '=', invite.id)
          .where('accepted_at', 'is', null)
          .executeTakeFirst();
        if (used.numUpdatedRows === 0n) return false;
        await trx
          .insertInto('users')
          .values({
            id: user.id,
            email: invite.email,
            password_hash: user.passwordHash,
            created_at: user.createdAt,
          })
          .execute();
        await trx
          .insertInto('memberships')
          .values({ user_id: user.id, space_id: invite.space_id, role: invite.role as Role })
          .execute();
        await audit.record(entry, trx);
        return true;
      });
    },
  };
}

export type InvitesRepository = ReturnType<typeof createInvitesRepository>;
