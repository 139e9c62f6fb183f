import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('lists who did what, newest first, filtered and paged, without secrets', async () => {
    const agent = await t.loginAgent();
    await request(t.app)
      .post('/api/session')
      .send({ email: ADMIN.email, password: 'wrong-password-1' })
      .expect(401);
    const token = await agent
      .post('/api/tokens')
      .send({ name: 'ci', role: 'read', spaceId: 'root' })
      .expect(201);

    const all = await agent.get('/api/audit?limit=2').expect(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items[0].id).toBeGreaterThan(all.body.items[1].id);
    expect(all.body.nextCursor).toEqual(String(all.body.items[1].id));
    const next = await agent.get(`/api/audit?limit=2&cursor=${all.body.nextCursor}`).expect(200);
    expect(next.body.items[0].id).toBeLessThan(all.body.items[1].id);

    const created = await agent.get('/api/audit?action=token.create').expect(200);
    expect(created.body.items[0]).toMatchObject({
      actor: `user:${ADMIN.email}`,
      targetId: token.body.id,
      detail: { name: 'ci', role: 'read' },
    });
    const failed = await agent.get('/api/audit?action=session.login_failed').expect(200);
    expect(failed.body.items).toHaveLength(1);

    const everything = JSON.stringify((await agent.get('/api/audit?limit=100').expect(200)).body);
    expect(everything).not.toContain(ADMIN.password);
    expect(everything).not.toContain('wrong-password-1');
    expect(everything).not.toContain(token.body.token.split('.')[1]);
  });

  it('is for root admins only and rejects bad filters by name', async () => {
    const agent = await t.loginAgent();
    const { body } = await agent
      .post('/api/tokens')
      .send({ name: 'reader', role: 'read', spaceId: 'root' })
      .expect(201);
    await request(t.app).get('/api/audit').set('Authorization', `Bearer ${body.token}`).expect(403);
    await request(t.app).get('/api/audit').expect(401);
    const bad = await agent.get('/api/audit?action=DROP%20TABLE').expect(400);
    expect(bad.body.errors[0].path).toBe('action');
  });
});
