import { Router } from 'express';
import { listAuditQuery } from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import type { AuditService } from './service.js';

export function auditRouter(audit: AuditService) {
  const router = Router();
  router.get('/api/audit', async (req, res) => {
    const query = parse(listAuditQuery, req.query, 'query');
    res.json(await audit.list(principalOf(res), query));
  });
  return router;
}
