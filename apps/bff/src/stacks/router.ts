import { Router } from 'express';
import { createStackRequest, listStacksQuery, updateStackRequest } from '@rolebridge/contracts';
import type { AttachmentViews } from '../attachments/views.js';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import { etagOf } from '../integrations/mapping.js';
import { toStack } from './mapping.js';
import type { StacksService } from './service.js';

export function stacksRouter(stacks: StacksService, views: AttachmentViews) {
  const router = Router();
  const base = '/api/stacks';

  router.get(base, async (req, res) => {
    const query = parse(listStacksQuery, req.query, 'query');
    res.json(await stacks.list(principalOf(res), query));
  });

  router.post(base, async (req, res) => {
    const input = parse(createStackRequest, req.body);
    const { stack, version } = await stacks.create(principalOf(res), input);
    res.status(201).location(`${base}/${stack.slug}`).set('ETag', etagOf({ version })).json(stack);
  });

  router.get(`${base}/:slug`, async (req, res) => {
    const row = await stacks.readable(principalOf(res), req.params.slug);
    res.set('ETag', etagOf(row)).json(toStack(row));
  });

  // If-Match is honoured when sent; a stack has few fields and the console sends it.
  router.patch(`${base}/:slug`, async (req, res) => {
    const patch = parse(updateStackRequest, req.body);
    const { stack, version } = await stacks.update(
      principalOf(res),
      req.params.slug,
      patch,
      req.get('If-Match'),
    );
    res.set('ETag', etagOf({ version })).json(stack);
  });

  router.delete(`${base}/:slug`, async (req, res) => {
    await stacks.remove(principalOf(res), req.params.slug);
    res.status(204).end();
  });

  router.get(`${base}/:slug/environment`, async (req, res) => {
    res.json(await views.environment(principalOf(res), req.params.slug));
  });
  return router;
}
