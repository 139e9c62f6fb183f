import { Router } from 'express';
import { attachRequest, updateAttachmentRequest } from '@rolebridge/contracts';
import { z } from 'zod';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import type { AttachmentsService } from './service.js';
import type { AttachmentViews } from './views.js';

const usedByQuery = z.strictObject({ q: z.string().max(100).optional() });

export function attachmentsRouter(attachments: AttachmentsService, views: AttachmentViews) {
  const router = Router();
  const base = '/api/stacks/:slug/aws-integrations';

  router.get(base, async (req, res) => {
    res.json(await views.forStack(principalOf(res), req.params.slug));
  });

  router.get(`${base}/available`, async (req, res) => {
    res.json(await views.attachable(principalOf(res), req.params.slug));
  });

  router.post(base, async (req, res) => {
    const input = parse(attachRequest, req.body);
    const result = await attachments.attach(principalOf(res), req.params.slug, input);
    res.status(201).json(result);
  });

  router.patch(`${base}/:integrationId`, async (req, res) => {
    const patch = parse(updateAttachmentRequest, req.body);
    const { slug, integrationId } = req.params;
    res.json(await attachments.update(principalOf(res), slug, integrationId, patch));
  });

  router.delete(`${base}/:integrationId`, async (req, res) => {
    await attachments.detach(principalOf(res), req.params.slug, req.params.integrationId);
    res.status(204).end();
  });

  router.get('/api/integrations/aws/:id/attachments', async (req, res) => {
    const { q } = parse(usedByQuery, req.query, 'query');
    res.json(await views.forIntegration(principalOf(res), req.params.id, q));
  });
  return router;
}
