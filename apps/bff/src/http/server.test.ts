import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app.js';
import { createHttpServer } from './server.js';

let t: TestApp;
let server: Server;
const prototypes: [object | null, object | null][] = [];
beforeAll(async () => {
  t = await createTestApp();
  server = createHttpServer(t.app);
  // Runs before Express's handler, on the objects as Node made them.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    prototypes.push([Object.getPrototypeOf(req), Object.getPrototypeOf(res)]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('the HTTP server', () => {
  it("makes every request and response with the app's prototypes, so Express changes none", async () => {
    prototypes.length = 0;
    const agent = request.agent(server);
    await agent.get('/healthz').expect(200);
    await agent.get('/api/account').expect(401);
    expect(prototypes).toHaveLength(2);
    for (const [req, res] of prototypes) {
      expect(req).toBe(t.app.request);
      expect(res).toBe(t.app.response);
    }
  });

  it('serves the console as Express would: login, a JSON write, a list, problem+json', async () => {
    const agent = request.agent(server);
    await agent.post('/api/session').send(ADMIN).expect(200);
    const space = await agent
      .post('/api/spaces')
      .send({ name: 'served', parentId: 'root' })
      .expect(201);
    expect(space.body.name).toBe('served');
    const list = await agent.get('/api/integrations/aws?limit=5').expect(200);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(list.body.items).toEqual([]);
    const bad = await agent.get('/api/integrations/aws?limit=0').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Helmet's headers, set through the response's Express methods.
    expect(bad.headers['x-content-type-options']).toBe('nosniff');
  });
});
