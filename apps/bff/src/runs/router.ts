import { Router } from 'express';
import { startRunRequest } from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import type { RunEnvironmentService } from './environment.js';
import type { RunsService } from './service.js';

export function runsRouter(runs: RunsService, environment: RunEnvironmentService) {
  const router = Router();
  const base = '/api/stacks/:slug/runs';

  router.post(base, async (req, res) => {
    const { phase } = parse(startRunRequest, req.body);
    const run = await runs.start(principalOf(res), req.params.slug, phase);
    res.status(201).location(`/api/stacks/${run.stackSlug}/runs/${run.id}`).json(run);
  });

  router.get(base, async (req, res) => {
    res.json(await runs.list(principalOf(res), req.params.slug));
  });

  router.get(`${base}/:id`, async (req, res) => {
    res.json(await runs.get(principalOf(res), req.params.slug, req.params.id));
  });

  router.get(`${base}/:id/environment`, async (req, res) => {
    const { slug, id } = req.params;
    const body = await environment.get(principalOf(res), slug, id);
    // Clear credentials: no cache, proxy or browser may keep a copy.
    res.set('Cache-Control', 'no-store').set('Pragma', 'no-cache').json(body);
  });
  return router;
}
