import { ulid } from 'ulid';
import type { ApiToken, CreateTokenRequest, TokenRole } from '@rolebridge/contracts';
import type { AuditLog } from '../audit/repository.js';
import { constantTimeEqual, randomSecret, sha256 } from '../auth/crypto.js';
import { actorOf, type Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { InputError, NotAllowed, NotFound } from '../http/errors.js';
import type { SpacesService } from '../spaces/service.js';
import type { TokensRepository } from './repository.js';

const PREFIX = 'rb_';

const expiresAtError = (message: string) =>
  new InputError(`expiresAt: ${message}`, [{ path: 'expiresAt', message }]);

/**
 * Tokens read `rb_<id>.<secret>`: the id finds the row, the secret is only kept hashed.
 * A token minted by a token belongs to its line: it can hold no more than its parent (a role
 * no higher, a space at or below, an expiry no later) and dies with it.
 */
export function createTokensService(deps: {
  repo: TokensRepository;
  spaces: SpacesService;
  audit: AuditLog;
  clock: Clock;
}) {
  const { repo, spaces, audit, clock } = deps;
  let lastTouch = new Map<string, number>();

  /** The expiry a new token gets: as asked, capped by a minting token's own. */
  function expiryFor(principal: Principal, asked: string | undefined): string | null {
    const now = clock.now().getTime();
    if (asked !== undefined && Date.parse(asked) <= now)
      throw expiresAtError('Pick a time in the future');
    const ceiling = principal.kind === 'token' ? principal.expiresAt : null;
    if (ceiling === null) return asked ?? null;
    if (asked === undefined) return ceiling;
    if (Date.parse(asked) > Date.parse(ceiling))
      throw expiresAtError(`A token cannot outlive the token that creates it (${ceiling})`);
    return asked;
  }

  /** Only the admins of a token's space (or above) see or revoke it; others learn nothing. */
  async function administered(principal: Principal, id: string) {
    const row = await repo.find(id);
    const scope = row && (await spaces.adminSpaces(principal));
    if (!row || !(scope === 'all' || scope?.includes(row.space_id)))
      throw new NotFound('token_not_found', `No API token ${id}`);
    return row;
  }

  return {
    async create(principal: Principal, input: CreateTokenRequest) {
      // Admin in the target space: that space is the caller's or below it, and every token
      // role (worker included) is at most admin, so a token never mints above itself.
      await spaces.requireRole(principal, input.spaceId, 'admin');
      const expiresAt = expiryFor(principal, input.expiresAt);
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
        expiresAt,
        parentId: principal.kind === 'token' ? principal.id : null,
      });
      await audit.record({
        actor: actorOf(principal),
        action: 'token.create',
        targetType: 'token',
        targetId: id,
        detail: { name: input.name, role: input.role, spaceId: input.spaceId, expiresAt },
      });
      return { id, token: `${PREFIX}${id}.${secret}` };
    },

    /** The tokens of every space the caller administers; 403 for who administers none. */
    async list(principal: Principal): Promise<ApiToken[]> {
      const scope = await spaces.adminSpaces(principal);
      if (scope !== 'all' && scope.length === 0)
        throw new NotAllowed('forbidden', 'Only space admins can see API tokens');
      const rows = await repo.list(scope);
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
      await administered(principal, id);
      const ended = await repo.delete(id);
      await audit.record({
        actor: actorOf(principal),
        action: 'token.revoke',
        targetType: 'token',
        targetId: id,
        detail: { alsoRevoked: ended.filter((t) => t !== id) },
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
      return {
        kind: 'token',
        id: row.id,
        name: row.name,
        role: row.role as TokenRole,
        spaceId: row.space_id,
        expiresAt: row.expires_at,
      };
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
