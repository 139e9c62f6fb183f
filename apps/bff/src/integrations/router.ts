import { Router } from 'express';
import {
  createAwsIntegrationRequest,
  listAwsIntegrationsQuery,
  updateAwsIntegrationRequest,
  verifyRequest,
} from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { parse, queryParser } from '../http/validate.js';
import type { VerificationService } from '../verification/service.js';
import type { IntegrationsService } from './service.js';

export function integrationsRouter(
  integrations: IntegrationsService,
  verification: VerificationService,
) {
  const router = Router();
  const base = '/api/integrations/aws';
  const listQuery = queryParser(listAwsIntegrationsQuery);

  router.get(base, async (req, res) => {
    const query = listQuery(req);
    res.type('json').send(await integrations.listBody(principalOf(res), query));
  });

  router.post(base, async (req, res) => {
    // verifyTarget only steers the first check; it is never stored.
    const { verifyTarget, ...fields } = parse(createAwsIntegrationRequest, req.body);
    const principal = principalOf(res);
    const { integration } = await integrations.create(principal, fields);
    const verified = await verification.afterCreate(principal, integration, verifyTarget);
    // Read again: the check stored its verdict and may have moved the health state.
    const created = await integrations.get(principal, integration.id);
    res
      .status(201)
      .location(`${base}/${integration.id}`)
      .set('ETag', created.etag)
      .json({ integration: created.integration, verification: verified });
  });

  router.post(`${base}/:id/verify`, async (req, res) => {
    const input = parse(verifyRequest, req.body ?? {});
    res.json(await verification.verify(principalOf(res), req.params.id, input));
  });

  router.get(`${base}/:id`, async (req, res) => {
    const { integration, etag } = await integrations.get(principalOf(res), req.params.id);
    // Express answers 304 when If-None-Match names this tag, which covers the whole body.
    res.set('ETag', etag).json(integration);
  });

  router.patch(`${base}/:id`, async (req, res) => {
    const patch = parse(updateAwsIntegrationRequest, req.body);
    const principal = principalOf(res);
    const updated = await integrations.update(principal, req.params.id, patch, req.get('If-Match'));
    if (updated.reverify && (await verification.afterEdit(principal, updated.integration))) {
      // The check stored a new verdict: answer with the integration as it now reads.
      const { integration, etag } = await integrations.get(principal, req.params.id);
      res.set('ETag', etag).json(integration);
      return;
    }
    res.set('ETag', updated.etag).json(updated.integration);
  });

  router.delete(`${base}/:id`, async (req, res) => {
    await integrations.remove(principalOf(res), req.params.id);
    res.status(204).end();
  });
  return router;
}
