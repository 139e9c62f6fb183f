import type { RequestHandler, Response } from 'express';
import { NotAllowed, NotAuthenticated } from '../http/errors.js';
import type { TokensService } from '../tokens/service.js';
import type { Principal } from './principal.js';
import type { AuthService } from './service.js';

export const SESSION_COOKIE = 'rb_session';

/**
 * The only routes a worker token may call: starting a run of a stack in its space (the CLI
 * does that with the same token) and fetching that run's environment.
 */
const WORKER_ROUTES: { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/api\/stacks\/[a-z0-9-]+\/runs(\?|$)/ },
  { method: 'GET', path: /^\/api\/stacks\/[a-z0-9-]+\/runs\/[0-9A-Z]{26}\/environment(\?|$)/ },
];
const workerMayCall = (method: string, url: string) =>
  WORKER_ROUTES.some((r) => r.method === method && r.path.test(url));

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Resolves the caller from a bearer token or the session cookie; 401 when neither is valid. */
export function requireAuth(auth: AuthService, tokens: TokensService): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    let principal: Principal | null;
    if (header !== undefined) {
      const match = /^Bearer (.+)$/.exec(header);
      principal = match?.[1] ? await tokens.principalForBearer(match[1]) : null;
      if (!principal)
        throw new NotAuthenticated('invalid_token', 'The API token is invalid or revoked');
    } else {
      const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
      principal = sessionId ? await auth.principalForSession(sessionId) : null;
      if (!principal) throw new NotAuthenticated('not_authenticated', 'Log in to continue');
    }
    if (
      principal.kind === 'token' &&
      principal.role === 'worker' &&
      !workerMayCall(req.method, req.originalUrl)
    ) {
      throw new NotAllowed(
        'worker_token',
        'Worker tokens may only start runs and fetch their environments',
      );
    }
    res.locals.principal = principal;
    next();
  };
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new NotAuthenticated('not_authenticated', 'Log in to continue');
  return principal;
}
