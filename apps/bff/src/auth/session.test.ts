import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sessions', () => {
  it('logs in with a session cookie that scripts and other sites cannot use', async () => {
    const res = await request(t.app).post('/api/session').send(ADMIN).expect(200);
    expect(res.body).toEqual({
      user: {
        id: expect.any(String),
        email: ADMIN.email,
        role: 'admin',
        memberships: [{ spaceId: 'root', role: 'admin' }],
      },
    });
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^rb_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('answers who am I and logs out', async () => {
    const agent = await t.loginAgent();
    const me = await agent.get('/api/session').expect(200);
    expect(me.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    await agent.delete('/api/session').expect(204);
    const after = await agent.get('/api/session').expect(401);
    expect(after.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses a wrong password with a message and no cookie', async () => {
    const res = await request(t.app)
      .post('/api/session')
      .send({ email: ADMIN.email, password: 'nope-nope-nope' })
      .expect(401);
    expect(res.body).toMatchObject({
      status: 401,
      code: 'invalid_credentials',
      detail: 'Invalid email or password',
    });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('rate-limits repeated failures for one email', async () => {
    const bad = { email: 'victim@example.com', password: 'guess-guess-guess' };
    for (let i = 0; i < 5; i++) await request(t.app).post('/api/session').send(bad).expect(401);
    const res = await request(t.app).post('/api/session').send(bad).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.code).toBe('rate_limited');
  });

  it('answers every API route with 401 problem+json when not logged in', async () => {
    for (const path of [
      '/api/session',
      '/api/account',
      '/api/spaces',
      '/api/integrations/aws',
      '/api/tokens',
      '/api/nope',
    ]) {
      const res = await request(t.app).get(path).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 401,
        title: 'Not authenticated',
        code: 'not_authenticated',
      });
    }
  });

  it('keeps passwords and session ids out of logs and out of the database in clear', async () => {
    const res = await request(t.app).post('/api/session').send(ADMIN).expect(200);
    const sessionId = /rb_session=([^;]+)/.exec(res.headers['set-cookie']?.[0] ?? '')?.[1] ?? '';
    expect(sessionId).not.toBe('');
    await request(t.app).get('/api/session').set('Cookie', `rb_session=${sessionId}`).expect(200);
    const logs = t.logLines.join('');
    const database = await t.databaseText();
    for (const secret of [ADMIN.password, sessionId]) {
      expect(logs).not.toContain(secret);
      expect(database).not.toContain(secret);
    }
  });
});
