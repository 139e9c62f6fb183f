import { ulid } from 'ulid';
import type { LoginRequest } from '@rolebridge/contracts';
import type { Clock } from '../clock.js';
import { GenerationCache, type Generation } from '../db/generation.js';
import type { AuditLog } from '../audit/repository.js';
import { NotAuthenticated } from '../http/errors.js';
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  randomSecret,
  sha256,
  verifyPassword,
} from './crypto.js';
import type { Principal } from './principal.js';
import type { RateLimit, RateLimiter } from './rate-limit.js';
import type { AuthRepository } from './repository.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const LOGIN_PER_ACCOUNT: RateLimit = { limit: 5, windowMs: 5 * 60 * 1000 };
const LOGIN_PER_ADDRESS: RateLimit = { limit: 50, windowMs: 5 * 60 * 1000 };

export function createAuthService(deps: {
  repo: AuthRepository;
  audit: AuditLog;
  clock: Clock;
  generation: Generation | null;
  limiter: RateLimiter;
}) {
  const { repo, audit, clock } = deps;
  // Every API call resolves its session; the answer changes only with a write to users,
  // memberships or sessions (`authGenerationOf`). A session found is kept from its first
  // miss (entries are small); an unknown cookie only from its second, so a client sending
  // made-up ones does not fill the cache and push the real sessions out.
  const sessions = new GenerationCache<{ principal: Principal; expiresAt: string } | null>(
    deps.generation,
    10_000,
    (found) => found !== null,
  );
  const service = {
    /** Checks a password and opens a session; returns the raw session id for the cookie. */
    async login(input: LoginRequest, ip: string) {
      const accountKey = `login:${ip}|${input.email}`;
      const release = await deps.limiter.reserve(
        [
          { key: accountKey, rule: LOGIN_PER_ACCOUNT },
          { key: `login:${ip}`, rule: LOGIN_PER_ADDRESS },
        ],
        'Too many failed logins',
      );
      const user = await repo.findUserByEmail(input.email);
      const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (!user || !ok) {
        await audit.record({
          actor: `anonymous:${ip}`,
          action: 'session.login_failed',
          targetType: 'user',
          targetId: input.email,
        });
        throw new NotAuthenticated('invalid_credentials', 'Invalid email or password');
      }
      await release();
      await deps.limiter.reset(accountKey);
      return service.startSession(user);
    },
    /** Opens a session for a user who has just proven who they are; returns the raw id for the cookie. */
    async startSession(user: { id: string; email: string }) {
      const sessionId = randomSecret();
      const now = clock.now();
      await repo.insertSession({
        idHash: sha256(sessionId),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      });
      await audit.record({
        actor: `user:${user.email}`,
        action: 'session.login',
        targetType: 'user',
        targetId: user.id,
      });
      return { sessionId, user: { id: user.id, email: user.email } };
    },

    async logout(sessionId: string, principal: Principal) {
      await repo.deleteSession(sha256(sessionId));
      if (principal.kind === 'user') {
        await audit.record({
          actor: `user:${principal.email}`,
          action: 'session.logout',
          targetType: 'user',
          targetId: principal.id,
        });
      }
    },

    async principalForSession(sessionId: string): Promise<Principal | null> {
      const idHash = sha256(sessionId);
      const found = await sessions.get(idHash, async () => {
        const row = await repo.findSession(idHash);
        if (!row) return null;
        const principal: Principal = {
          kind: 'user',
          id: row.user_id,
          email: row.email,
          memberships: row.memberships,
        };
        return { principal, expiresAt: row.expires_at };
      });
      if (!found || found.expiresAt <= clock.now().toISOString()) return null;
      return found.principal;
    },

    /** First start: the admin comes from the environment, or gets a random password printed once. */
    async bootstrapAdmin(email: string, password: string | undefined) {
      if ((await repo.countUsers()) > 0) return null;
      const chosen = password ?? randomSecret(12);
      await repo.insertUser(
        {
          id: ulid(),
          email,
          passwordHash: await hashPassword(chosen),
          createdAt: clock.now().toISOString(),
        },
        { spaceId: 'root', role: 'admin' },
      );
      return { email, generatedPassword: password ? null : chosen };
    },
  };
  return service;
}

export type AuthService = ReturnType<typeof createAuthService>;
