import { Router, type Request } from 'express';
import { acceptInviteRequest, invitePreviewRequest } from '@rolebridge/contracts';
import { SESSION_COOKIE } from '../auth/middleware.js';
import type { RateLimit, RateLimiter } from '../auth/rate-limit.js';
import { sessionCookie, userOf } from '../auth/router.js';
import type { AuthService } from '../auth/service.js';
import { parse } from '../http/validate.js';
import type { InvitesService } from './service.js';

/**
 * The invitee has no session yet, so these two routes sit before the auth middleware.
 * Tokens are 256-bit, but failed lookups are still limited per address to keep guessing
 * and scrypt work bounded.
 */
const INVITE_ATTEMPTS: RateLimit = { limit: 20, windowMs: 15 * 60 * 1000 };

export function invitePublicRouter(
  invites: InvitesService,
  auth: AuthService,
  limiter: RateLimiter,
  secureCookies: boolean,
) {
  const router = Router();
  async function limited<T>(req: Request, work: () => Promise<T>): Promise<T> {
    const release = await limiter.reserve(
      [{ key: `invite:${req.ip ?? 'unknown'}`, rule: INVITE_ATTEMPTS }],
      'Too many attempts',
    );
    const result = await work();
    await release();
    return result;
  }

  router.post('/api/invites/preview', async (req, res) => {
    const { token } = parse(invitePreviewRequest, req.body);
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
