import { Router } from 'express';
import { createSpaceRequest, updateSpaceRequest } from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import type { SpacesService } from './service.js';

export function spacesRouter(spaces: SpacesService) {
  const router = Router();
  router.get('/api/spaces', async (_req, res) => {
    res.json({ items: await spaces.list(principalOf(res)) });
  });
  router.post('/api/spaces', async (req, res) => {
    const input = parse(createSpaceRequest, req.body);
    res.status(201).json(await spaces.create(principalOf(res), input));
  });
  router.patch('/api/spaces/:id', async (req, res) => {
    const patch = parse(updateSpaceRequest, req.body);
    res.json(await spaces.update(principalOf(res), req.params.id, patch));
  });
  router.delete('/api/spaces/:id', async (req, res) => {
    await spaces.remove(principalOf(res), req.params.id);
    res.status(204).end();
  });
  return router;
}
