import { Router, type Request } from 'express';
import { acceptInviteRequest, invitePreviewQuery } from '@rolebridge/contracts';
import { SESSION_COOKIE } from '../auth/middleware.js';
import { LoginRateLimiter } from '../auth/rate-limit.js';
import { sessionCookie, userOf } from '../auth/router.js';
import type { AuthService } from '../auth/service.js';
import { AppError, TooManyRequests } from '../http/errors.js';
import { parse } from '../http/validate.js';
import type { InvitesService } from './service.js';

/**
 * The invitee has no session yet, so these two routes sit before the auth middleware.
 * Tokens are 256-bit, but failed lookups are still limited per address to keep guessing
 * and scrypt work bounded.
 */
export function invitePublicRouter(
  invites: InvitesService,
  auth: AuthService,
  secureCookies: boolean,
) {
  const router = Router();
  const limiter = new LoginRateLimiter(20, 15 * 60 * 1000);

  async function limited<T>(req: Request, work: () => Promise<T>): Promise<T> {
    const ip = req.ip ?? 'unknown';
    const wait = limiter.retryAfter(ip);
    if (wait > 0)
      throw new TooManyRequests(`Too many attempts. Try again in ${wait} seconds.`, wait);
    try {
      return await work();
    } catch (err) {
      if (err instanceof AppError && err.status < 500) limiter.fail(ip);
      throw err;
    }
  }

  router.get('/api/invites/preview', async (req, res) => {
    const { token } = parse(invitePreviewQuery, req.query, 'query');
    res.set('Cache-Control', 'no-store').json(await limited(req, () => invites.preview(token)));
  });

  router.post('/api/invites/accept', async (req, res) => {
    const input = parse(acceptInviteRequest, req.body);
    const { sessionId } = await limited(req, () => invites.accept(input.token, input.password));
    res.cookie(SESSION_COOKIE, sessionId, sessionCookie(secureCookies));
    const principal = await auth.principalForSession(sessionId);
    if (!principal) throw new Error('A session just opened was not found');
    res.json({ user: userOf(principal) });
  });
  return router;
}
