import { Router } from 'express';
import { createTokenRequest } from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import type { TokensService } from './service.js';

export function tokensRouter(tokens: TokensService) {
  const router = Router();
  router.post('/api/tokens', async (req, res) => {
    const input = parse(createTokenRequest, req.body);
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json(await tokens.create(principalOf(res), input));
  });
  router.get('/api/tokens', async (_req, res) => {
    res.json({ items: await tokens.list(principalOf(res)) });
  });
  router.delete('/api/tokens/:id', async (req, res) => {
    await tokens.revoke(principalOf(res), req.params.id);
    res.status(204).end();
  });
  return router;
}
