import { Router } from 'express';
import { principalOf } from '../auth/middleware.js';
import type { IntegrationHealth } from './service.js';

export function integrationHealthRouter(health: IntegrationHealth) {
  const router = Router();
  router.get('/api/integrations/aws/:id/checks', async (req, res) => {
    res.json(await health.checks(principalOf(res), req.params.id));
  });
  return router;
}
