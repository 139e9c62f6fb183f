import { Router } from 'express';
import {
  analyzeTrustPolicyRequest,
  externalIdQuery,
  generateTrustPolicyRequest,
} from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import type { TrustPolicyService } from './service.js';

export function trustPolicyRouter(trustPolicy: TrustPolicyService) {
  const router = Router();

  // A policy that is broken JSON, too long or wrong is still a 200: the findings are the answer.
  // Only a body the schema refuses (e.g. a policy over 100 KB) is a 400.
  router.post('/api/trust-policy/analyze', async (req, res) => {
    const input = parse(analyzeTrustPolicyRequest, req.body);
    res.json(await trustPolicy.analyze(principalOf(res), input));
  });

  router.post('/api/trust-policy/generate', async (req, res) => {
    const input = parse(generateTrustPolicyRequest, req.body);
    res.json(await trustPolicy.generate(input));
  });

  router.get('/api/integrations/aws/:id/external-id', async (req, res) => {
    const query = parse(externalIdQuery, req.query, 'query');
    res.json(await trustPolicy.externalIds(principalOf(res), req.params.id, query));
  });
  return router;
}
