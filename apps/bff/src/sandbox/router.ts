import { Router } from 'express';
import { createSandboxRoleRequest } from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import type { SandboxService } from './service.js';

export function sandboxRouter(sandbox: SandboxService) {
  const router = Router();
  router.post('/api/sandbox/roles', async (req, res) => {
    const input = parse(createSandboxRoleRequest, req.body);
    res.status(201).json(await sandbox.createRole(principalOf(res), input));
  });
  return router;
}
