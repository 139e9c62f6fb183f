import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function createToken(role: string, spaceId = 'root') {
  const agent = await t.loginAgent();
  const res = await agent
    .post('/api/tokens')
    .send({ name: `${role} token`, role, spaceId })
    .expect(201);
  return res.body as { id: string; token: string };
}

describe('API tokens', () => {
  it('authenticates with a bearer token that is shown once and stored hashed', async () => {
    const { id, token } = await createToken('admin');
    await request(t.app)
      .get('/api/integrations/aws')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const agent = await t.loginAgent();
    const list = await agent.get('/api/tokens').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(token.split('.')[1]);
    expect(list.body.items).toContainEqual(expect.objectContaining({ id, role: 'admin' }));
    // The row may still live only in the -wal file: read both, and show the row is there.
    const stored = await t.databaseText();
    expect(stored).toContain(id);
    expect(stored).not.toContain(token.split('.')[1]);
    expect(t.logLines.join('')).not.toContain(token);
  });

  it('refuses a revoked or forged token', async () => {
    const { id, token } = await createToken('read');
    const agent = await t.loginAgent();
    await agent.delete(`/api/tokens/${id}`).expect(204);
    await request(t.app).get('/api/spaces').set('Authorization', `Bearer ${token}`).expect(401);
    await request(t.app)
      .get('/api/spaces')
      .set('Authorization', `Bearer rb_${id}.forged`)
      .expect(401);
    await request(t.app).get('/api/spaces').set('Authorization', 'Basic abc').expect(401);
  });

  it('lets a read token list but not create integrations', async () => {
    const { token } = await createToken('read');
    await request(t.app)
      .get('/api/integrations/aws')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const res = await request(t.app)
      .post('/api/integrations/aws')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'x', spaceId: 'root', roleArn: 'arn:aws:iam::222222222222:role/x' })
      .expect(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('gives a worker token nothing but run environments', async () => {
    const { token } = await createToken('worker');
    const res = await request(t.app)
      .get('/api/integrations/aws')
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
    expect(res.body.code).toBe('worker_token');
    await request(t.app).get('/api/tokens').set('Authorization', `Bearer ${token}`).expect(403);
    await request(t.app)
      .post('/api/spaces')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'x', parentId: 'root' })
      .expect(403);
  });
});
