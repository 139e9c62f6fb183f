import { Router } from 'express';
import type { LaunchpadService } from './service.js';

export function launchpadRouter(launchpad: LaunchpadService) {
  const router = Router();
  router.get('/api/launchpad', async (_req, res) => {
    res.json(await launchpad.get());
  });
  return router;
}
