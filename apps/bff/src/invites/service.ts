import { passwordProblem, type Invite, type Role } from '@rolebridge/contracts';
import type { createInviteRequest } from '@rolebridge/contracts';
import { ulid } from 'ulid';
import type { z } from 'zod';
import type { AccountService } from '../account/service.js';
import type { AuditLog } from '../audit/repository.js';
import { hashPassword, randomSecret, sha256 } from '../auth/crypto.js';
import { actorOf, atLeast, type Principal } from '../auth/principal.js';
import type { AuthRepository } from '../auth/repository.js';
import type { AuthService } from '../auth/service.js';
import type { Clock } from '../clock.js';
import { Conflict, Gone, InputError, NotFound } from '../http/errors.js';
import type { SpacesService } from '../spaces/service.js';
import type { InviteRow, InvitesRepository } from './repository.js';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const toInvite = (row: InviteRow): Invite => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  spaceId: row.space_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
});

// One answer for unknown, used and (on preview) expired links, so a link reveals nothing.
const notFound = () =>
  new NotFound('invite_not_found', 'This invite link is not valid or was already used');
const userExists = (email: string) =>
  new Conflict('user_exists', `${email} already has a Rolebridge user; they can log in`, [
    { path: 'email', message: 'This person already has a user' },
  ]);

export function createInvitesService(deps: {
  repo: InvitesRepository;
  users: AuthRepository;
  auth: AuthService;
  spaces: SpacesService;
  account: AccountService;
  audit: AuditLog;
  clock: Clock;
}) {
  const { repo, users, spaces, audit, clock } = deps;
  const now = () => clock.now().toISOString();

  async function usable(token: string) {
    const row = await repo.findByTokenHash(sha256(token));
    if (!row || row.accepted_at !== null) throw notFound();
    return { row, expired: row.expires_at <= now() };
  }

  return {
    async create(principal: Principal, input: z.output<typeof createInviteRequest>) {
      await spaces.requireRole(principal, input.spaceId, 'admin');
      if (await users.findUserByEmail(input.email)) throw userExists(input.email);
      const token = randomSecret(32);
      const at = clock.now();
      const row: InviteRow = {
        id: ulid(),
        email: input.email,
        role: input.role,
        space_id: input.spaceId,
        token_hash: sha256(token),
        created_by: actorOf(principal),
        created_at: at.toISOString(),
        expires_at: new Date(at.getTime() + INVITE_TTL_MS).toISOString(),
        accepted_at: null,
      };
      await repo.insert(row);
      await audit.record({
        actor: actorOf(principal),
        action: 'invite.create',
        targetType: 'invite',
        targetId: row.id,
        detail: { email: row.email, role: row.role, spaceId: row.space_id },
      });
      // A #fragment never leaves the browser: no request line, log or Referer carries it.
      return { invite: toInvite(row), link: `/invite#${token}` };
    },

    /** The invites of every space the caller administers. */
    async list(principal: Principal) {
      const rows = await repo.list();
      const admin = new Map<string, boolean>();
      for (const id of new Set(rows.map((r) => r.space_id)))
        admin.set(id, atLeast(await spaces.roleIn(principal, id).catch(() => null), 'admin'));
      return { items: rows.filter((r) => admin.get(r.space_id)).map(toInvite) };
    },

    async remove(principal: Principal, id: string) {
      const row = await repo.find(id);
      if (!row) throw new NotFound('invite_not_found', `No invite with ID ${id}`);
      await spaces.requireRole(principal, row.space_id, 'admin');
      if (row.accepted_at)
        throw new Conflict('invite_accepted', 'This invite was accepted; manage the user instead');
      await repo.delete(id);
      await audit.record({
        actor: actorOf(principal),
        action: 'invite.delete',
        targetType: 'invite',
        targetId: id,
        detail: { email: row.email },
      });
    },

    async preview(token: string) {
      const { row, expired } = await usable(token);
      if (expired) throw notFound();
      const { name } = await deps.account.current();
      return {
        email: row.email,
        role: row.role as Role,
        spaceName: row.space_name,
        accountName: name,
        expiresAt: row.expires_at,
      };
    },

    /** Creates the user and opens a session; returns the raw session id for the cookie. */
    async accept(token: string, password: string) {
      const { row, expired } = await usable(token);
      if (expired)
        throw new Gone('invite_expired', 'This invite has expired; ask an admin for a new one');
      if (await users.findUserByEmail(row.email)) throw userExists(row.email);
      const weak = passwordProblem(password, row.email);
      if (weak) throw new InputError(`password: ${weak}`, [{ path: 'password', message: weak }]);
      const user = { id: ulid(), passwordHash: await hashPassword(password), createdAt: now() };
      const accepted = await repo
        .accept(row, user, audit, {
          actor: `user:${row.email}`,
          action: 'invite.accept',
          targetType: 'invite',
          targetId: row.id,
          detail: { userId: user.id, role: row.role, spaceId: row.space_id },
        })
        .catch((err: unknown) => {
          // Another invite for the same email won the race to create the user.
          if (err instanceof Error && /UNIQUE/.test(err.message)) throw userExists(row.email);
          throw err;
        });
      if (!accepted) throw notFound();
      return deps.auth.startSession({ id: user.id, email: row.email });
    },
  };
}

export type InvitesService = ReturnType<typeof createInvitesService>;
