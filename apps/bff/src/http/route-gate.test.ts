import express, { Router, type RequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { gateByRoutes, routePrefixes } from './route-gate.js';

function stacksRouter() {
  const router = Router();
  router.get('/api/stacks', (_req, res) => void res.json(['list']));
  router.get('/api/stacks/:slug/runs', (req, res) => void res.json([req.params.slug]));
  router.get('/api/integrations/aws/:id/checks', (req, res) => void res.json([req.params.id]));
  return router;
}

describe('routePrefixes', () => {
  it("is the literal start of each route, in lower case, those inside another's left out", () => {
    const router = stacksRouter();
    router.post('/API/Trust-Policy/generate', (_req, res) => void res.end());
    expect(routePrefixes(router)).toEqual([
      '/api/stacks',
      '/api/integrations/aws/',
      '/api/trust-policy/generate',
    ]);
  });

  it('is null for a router with middleware of its own or a RegExp route', () => {
    const used = stacksRouter();
    used.use((_req, _res, next) => next());
    expect(routePrefixes(used)).toBeNull();
    const pattern = Router();
    pattern.get(/^\/api\/x/, (_req, res) => void res.end());
    expect(routePrefixes(pattern)).toBeNull();
  });
});

describe('gateByRoutes', () => {
  const appWith = (router: Router) => {
    const app = express();
    app.use(gateByRoutes(router));
    app.use((_req, res) => void res.status(404).json('after'));
    return app;
  };

  it('enters the router only for paths under its routes, and they answer as before', async () => {
    const router = stacksRouter();
    const entered = vi.fn<RequestHandler>((req, res, next) => router(req, res, next));
    const app = appWith(Object.assign(entered, { stack: router.stack }) as unknown as Router);
    await request(app).get('/api/stacks').expect(200, ['list']);
    await request(app).get('/api/stacks/prod/runs').expect(200, ['prod']);
    await request(app).get('/api/integrations/aws/01J/checks').expect(200, ['01J']);
    expect(entered).toHaveBeenCalledTimes(3);
    for (const path of ['/api/spaces', '/api/integrations', '/healthz', '/api/integrations/gcp/1'])
      await request(app).get(path).expect(404, '"after"');
    expect(entered).toHaveBeenCalledTimes(3);
    // Under a prefix but no route of its own: the router passes it on.
    await request(app).get('/api/stacks/prod/other').expect(404, '"after"');
    expect(entered).toHaveBeenCalledTimes(4);
  });

  it("shows the router's routes to whatever walks the app's stack", () => {
    const router = stacksRouter();
    expect((gateByRoutes(router) as unknown as Router).stack).toBe(router.stack);
  });

  it('matches paths without regard to case, as Express does', async () => {
    await request(appWith(stacksRouter())).get('/API/Stacks/prod/RUNS').expect(200, ['prod']);
  });
});
