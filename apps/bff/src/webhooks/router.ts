import { Router } from 'express';
import { createWebhookRequest, ulid } from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { NotFound } from '../http/errors.js';
import { parse } from '../http/validate.js';
import type { WebhooksService } from './service.js';

/** Ids are ULIDs; anything else names no webhook (and never reaches a query). */
function webhookId(raw: string): string {
  if (!ulid.safeParse(raw).success) throw new NotFound('webhook_not_found', `No webhook ${raw}`);
  return raw;
}

export function webhooksRouter(webhooks: WebhooksService) {
  const router = Router();
  router.post('/api/webhooks', async (req, res) => {
    const input = parse(createWebhookRequest, req.body);
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json(await webhooks.create(principalOf(res), input));
  });
  router.get('/api/webhooks', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ items: await webhooks.list(principalOf(res)) });
  });
  router.delete('/api/webhooks/:id', async (req, res) => {
    await webhooks.remove(principalOf(res), webhookId(req.params.id));
    res.status(204).end();
  });
  router.post('/api/webhooks/:id/test', async (req, res) => {
    const delivery = await webhooks.sendTest(principalOf(res), webhookId(req.params.id));
    res.json({ delivery });
  });
  return router;
}
