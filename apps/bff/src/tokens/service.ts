import { ulid } from 'ulid';
import type { ApiToken, CreateTokenRequest, TokenRole } from '@rolebridge/contracts';
import type { AuditLog } from '../audit/repository.js';
import { constantTimeEqual, randomSecret, sha256 } from '../auth/crypto.js';
import { actorOf, type Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { NotFound } from '../http/errors.js';
import type { SpacesService } from '../spaces/service.js';
import type { TokensRepository } from './repository.js';

const PREFIX = 'rb_';

/** Tokens read `rb_<id>.<secret>`: the id finds the row, the secret is only kept hashed. */
export function createTokensService(deps: {
  repo: TokensRepository;
  spaces: SpacesService;
  audit: AuditLog;
  clock: Clock;
}) {
  const { repo, spaces, audit, clock } = deps;
  let lastTouch = new Map<string, number>();

  return {
    async create(principal: Principal, input: CreateTokenRequest) {
      await spaces.requireRole(principal, input.spaceId, 'admin');
      const id = ulid();
      const secret = randomSecret();
      await repo.insert({
        id,
        name: input.name,
        secretHash: sha256(secret),
        role: input.role,
        spaceId: input.spaceId,
        createdBy: actorOf(principal),
        createdAt: clock.now().toISOString(),
        expiresAt: input.expiresAt ?? null,
      });
      await audit.record({
        actor: actorOf(principal),
        action: 'token.create',
        targetType: 'token',
        targetId: id,
        detail: {
          name: input.name,
          role: input.role,
          spaceId: input.spaceId,
          expiresAt: input.expiresAt ?? null,
        },
      });
      return { id, token: `${PREFIX}${id}.${secret}` };
    },

    async list(principal: Principal): Promise<ApiToken[]> {
      await spaces.requireRole(principal, 'root', 'admin');
      const rows = await repo.list();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role as TokenRole,
        spaceId: r.space_id,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        expiresAt: r.expires_at,
      }));
    },

    async revoke(principal: Principal, id: string) {
      await spaces.requireRole(principal, 'root', 'admin');
      const result = await repo.delete(id);
      if (result.numDeletedRows === 0n) throw new NotFound('token_not_found', `No API token ${id}`);
      await audit.record({
        actor: actorOf(principal),
        action: 'token.revoke',
        targetType: 'token',
        targetId: id,
      });
    },

    async principalForBearer(raw: string): Promise<Principal | null> {
      if (!raw.startsWith(PREFIX)) return null;
      const [id, secret] = raw.slice(PREFIX.length).split('.');
      if (!id || !secret) return null;
      const row = await repo.find(id);
      if (!row || !constantTimeEqual(row.secret_hash, sha256(secret))) return null;
      const now = clock.now().getTime();
      if (row.expires_at !== null && Date.parse(row.expires_at) <= now) return null;
      // Writing last_used_at on every call would serialise all API traffic on one row.
      if ((lastTouch.get(id) ?? 0) < now - 60_000) {
        if (lastTouch.size > 10_000) lastTouch = new Map();
        lastTouch.set(id, now);
        await repo.touch(id, new Date(now).toISOString());
      }
      return { kind: 'token', id: row.id, role: row.role as TokenRole, spaceId: row.space_id };
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
