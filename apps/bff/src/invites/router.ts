import { Router } from 'express';
import { createInviteRequest } from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import type { InvitesService } from './service.js';

export function invitesRouter(invites: InvitesService) {
  const router = Router();
  router.post('/api/invites', async (req, res) => {
    const input = parse(createInviteRequest, req.body);
    // The link holds the only copy of the token: keep it out of caches.
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json(await invites.create(principalOf(res), input));
  });
  router.get('/api/invites', async (_req, res) => {
    res.json(await invites.list(principalOf(res)));
  });
  router.delete('/api/invites/:id', async (req, res) => {
    await invites.remove(principalOf(res), req.params.id);
    res.status(204).end();
  });
  return router;
}
