import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAgent();
});
afterAll(() => t.close());

const expectProblem = (res: request.Response, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code });
};

describe('malformed input is the caller’s 4xx, never a 500', () => {
  it('answers a body that claims a compression it does not have with 400', async () => {
    for (const encoding of ['gzip', 'br', 'deflate']) {
      for (const path of ['/api/session', '/api/spaces', '/api/nope']) {
        const res = await request(t.app)
          .post(path)
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', encoding)
          .send('{"email":"a@example.com","password":"x"}');
        expectProblem(res, 400, 'malformed_body');
      }
    }
    const unknown = await request(t.app)
      .post('/api/session')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'x-nonsense')
      .send('{}');
    expectProblem(unknown, 400, 'unsupported_encoding');
  });

  it('answers a broken percent-escape in a path parameter with 400', async () => {
    for (const path of [
      '/api/stacks/%FF',
      '/api/stacks/%E0%A4%A/runs',
      '/api/integrations/aws/%C3%28',
      '/api/spaces/%',
      '/api/tokens/%ZZ',
    ]) {
      const res = await admin.get(path).set('Accept', 'application/json');
      expect(res.status).toBeLessThan(500);
      if (path !== '/api/spaces/%' && path !== '/api/tokens/%ZZ')
        expectProblem(res, 400, 'malformed_path');
    }
    expectProblem(await admin.delete('/api/tokens/%FF'), 400, 'malformed_path');
    expectProblem(await request(t.app).get('/api/stacks/%FF'), 401, 'not_authenticated');
  });

  it('treats an empty space update as a no-op that answers the space', async () => {
    const res = await admin.patch('/api/spaces/root').send({}).expect(200);
    expect(res.body).toMatchObject({ id: 'root', name: 'root' });
  });

  it('answers a trust policy IAM refuses with 400 and IAM’s message on the field', async () => {
    const res = await admin
      .post('/api/sandbox/roles')
      .send({ roleName: 'bad-chars', trustPolicy: 'é\u0001{}' })
      .expect(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'trustPolicy' });
    expect(res.body.detail).toMatch(/assumeRolePolicyDocument/);
  });

  it('answers a NUL character in a path, query or body with 400 on SQLite and PostgreSQL alike', async () => {
    // Found by the fuzzer: PostgreSQL refuses U+0000 in text and the query failed with a 500.
    expectProblem(
      await admin.post('/api/integrations/aws/%00/verify').send({}),
      400,
      'malformed_path',
    );
    expectProblem(
      await admin.delete('/api/stacks/a%00b/aws-integrations/x'),
      400,
      'malformed_path',
    );
    expectProblem(await admin.get('/api/integrations/aws?q=%00'), 400, 'malformed_path');
    const body = await admin
      .post('/api/stacks')
      .send({ slug: 'nul', name: 'a\u0000b', spaceId: 'root' });
    expectProblem(body, 400, 'invalid_input');
    expect(body.body.errors).toEqual([
      { path: 'name', message: 'Text may not contain NUL characters' },
    ]);
    await admin.get('/api/stacks/nul').expect(404);
  });
});
