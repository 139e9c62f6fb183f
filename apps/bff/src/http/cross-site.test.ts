import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { token } from '../test/stacks.js';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAgent();
});
afterAll(() => t.close());

const expectRefused = (res: request.Response) => {
  expect(res.status).toBe(403);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('cross_site_request');
};

describe('cookie-authenticated writes refuse other sites', () => {
  it('refuses a JSON POST with the session cookie from another origin', async () => {
    const res = await admin
      .post('/api/spaces')
      .set('Origin', 'http://evil.example')
      .send({ name: 'from-evil', parentId: 'root' });
    expectRefused(res);
    const spaces = await admin.get('/api/spaces').expect(200);
    expect(JSON.stringify(spaces.body)).not.toContain('from-evil');
  });

  it('refuses cross-site and same-site fetch metadata, body or not', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expectRefused(
        await admin
          .post('/api/integrations/aws/01ARZ3NDEKTSV4RRFFQ69G5FAV/verify')
          .set('Sec-Fetch-Site', site),
      );
      expectRefused(await admin.delete('/api/session').set('Sec-Fetch-Site', site));
      expectRefused(
        await admin.patch('/api/account').set('Sec-Fetch-Site', site).send({ name: 'evil' }),
      );
    }
    expectRefused(await admin.post('/api/stacks/x/runs').set('Origin', 'null'));
    const account = await admin.get('/api/account').expect(200);
    expect(account.body.name).toBe('demo');
  });

  it('refuses a cross-site login, so no one is logged in as someone else', async () => {
    expectRefused(
      await request(t.app).post('/api/session').set('Sec-Fetch-Site', 'cross-site').send(ADMIN),
    );
  });

  it('lets the console’s own pages and tokens through', async () => {
    await admin
      .post('/api/spaces')
      .set('Sec-Fetch-Site', 'same-origin')
      .set('Origin', 'http://console.example:8080')
      .send({ name: 'same-origin', parentId: 'root' })
      .expect(201);
    await admin
      .post('/api/spaces')
      .set('Host', 'console.example:8080')
      .set('Origin', 'http://console.example:8080')
      .send({ name: 'origin-only', parentId: 'root' })
      .expect(201);
    const bearer = await token(admin, 'admin');
    await request(t.app)
      .post('/api/spaces')
      .set('Authorization', `Bearer ${bearer}`)
      .set('Origin', 'http://evil.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ name: 'by-token', parentId: 'root' })
      .expect(201);
    // Reads stay open: a cross-site GET cannot read the answer, and links must work.
    await admin.get('/api/spaces').set('Sec-Fetch-Site', 'cross-site').expect(200);
  });
});
