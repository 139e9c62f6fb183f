import { Router, type CookieOptions } from 'express';
import { loginRequest } from '@rolebridge/contracts';
import { parse } from '../http/validate.js';
import { principalOf, readCookie, SESSION_COOKIE } from './middleware.js';
import { headlineRole, type Principal } from './principal.js';
import { SESSION_TTL_MS, type AuthService } from './service.js';

export function userOf(principal: Principal) {
  if (principal.kind === 'user') {
    const memberships = [...principal.memberships].map(([spaceId, role]) => ({ spaceId, role }));
    return { id: principal.id, email: principal.email, role: headlineRole(principal), memberships };
  }
  const memberships =
    principal.role === 'worker' ? [] : [{ spaceId: principal.spaceId, role: principal.role }];
  return {
    id: principal.id,
    email: `token:${principal.id}`,
    role: headlineRole(principal),
    memberships,
  };
}

/** POST is public (it is the login); GET and DELETE go through the auth middleware. */
export const sessionCookie = (secureCookies: boolean): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: secureCookies,
  path: '/',
  maxAge: SESSION_TTL_MS,
});

export function sessionLoginRouter(auth: AuthService, secureCookies: boolean) {
  const router = Router();
  const cookie = sessionCookie(secureCookies);

  router.post('/api/session', async (req, res) => {
    const input = parse(loginRequest, req.body);
    const { sessionId, user } = await auth.login(input, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, sessionId, cookie);
    const principal = await auth.principalForSession(sessionId);
    res.json({
      user: principal ? userOf(principal) : { ...user, role: 'read', memberships: [] },
    });
  });
  return router;
}

export function sessionRouter(auth: AuthService, secureCookies: boolean) {
  const router = Router();
  router.get('/api/session', (_req, res) => {
    res.json({ user: userOf(principalOf(res)) });
  });
  router.delete('/api/session', async (req, res) => {
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (sessionId) await auth.logout(sessionId, principalOf(res));
    res.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      path: '/',
    });
    res.status(204).end();
  });
  return router;
}
