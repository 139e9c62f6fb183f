import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let agent: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.loginAgent();
});
afterAll(() => t.close());

const PASSWORD = 'a long enough password';
const invite = (email: string, role = 'write') =>
  agent.post('/api/invites').send({ email, role, spaceId: 'root' });
const tokenOf = (link: string) => link.replace('/invite#', '');
const preview = (token: string) => request(t.app).post('/api/invites/preview').send({ token });

describe('inviting a teammate', () => {
  it('goes from link to a logged-in user with the invited role', async () => {
    const created = await invite('Bob@Example.com').expect(201);
    expect(created.body.invite).toMatchObject({
      email: 'bob@example.com',
      role: 'write',
      spaceId: 'root',
      acceptedAt: null,
    });
    expect(created.body.link).toMatch(/^\/invite#[\w-]{43}$/);
    const token = tokenOf(created.body.link as string);
    expect(await t.databaseText()).not.toContain(token);

    const shown = await preview(token).expect(200);
    expect(shown.body).toMatchObject({
      email: 'bob@example.com',
      role: 'write',
      spaceName: 'root',
      accountName: 'demo',
    });

    const bob = request.agent(t.app);
    const accepted = await bob
      .post('/api/invites/accept')
      .send({ token, password: PASSWORD })
      .expect(200);
    expect(accepted.body.user).toMatchObject({ email: 'bob@example.com', role: 'write' });
    expect(accepted.headers['set-cookie']?.[0]).toMatch(/^rb_session=.*HttpOnly/);
    await bob.get('/api/session').expect(200);
    await request(t.app)
      .post('/api/session')
      .send({ email: 'bob@example.com', password: PASSWORD })
      .expect(200);

    // The link works once.
    await preview(token).expect(404);
    await request(t.app)
      .post('/api/invites/accept')
      .send({ token, password: PASSWORD })
      .expect(404);

    const users = await agent.get('/api/users').expect(200);
    expect(users.body.items).toContainEqual(
      expect.objectContaining({
        email: 'bob@example.com',
        memberships: [{ spaceId: 'root', role: 'write' }],
      }),
    );
    await bob.get('/api/users').expect(403);
    const actions = await t.db.selectFrom('audit_events').select('action').execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['invite.create', 'invite.accept']),
    );
  });

  it('refuses an email that already has a user', async () => {
    const res = await invite('admin@example.com').expect(409);
    expect(res.body).toMatchObject({ code: 'user_exists', errors: [{ path: 'email' }] });
  });

  it('answers 410 for an expired invite, and 409 when the person registered meanwhile', async () => {
    const old = await invite('late@example.com').expect(201);
    await t.db
      .updateTable('invites')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', old.body.invite.id)
      .execute();
    const token = tokenOf(old.body.link as string);
    await preview(token).expect(404);
    const gone = await request(t.app)
      .post('/api/invites/accept')
      .send({ token, password: PASSWORD })
      .expect(410);
    expect(gone.body.code).toBe('invite_expired');

    const first = await invite('twice@example.com').expect(201);
    const second = await invite('twice@example.com').expect(201);
    await request(t.app)
      .post('/api/invites/accept')
      .send({ token: tokenOf(first.body.link as string), password: PASSWORD })
      .expect(200);
    const dup = await request(t.app)
      .post('/api/invites/accept')
      .send({ token: tokenOf(second.body.link as string), password: PASSWORD })
      .expect(409);
    expect(dup.body.code).toBe('user_exists');
  });

  it('lists and revokes pending invites', async () => {
    const { body } = await invite('maybe@example.com', 'read').expect(201);
    const list = await agent.get('/api/invites').expect(200);
    expect(list.body.items.map((i: { email: string }) => i.email)).toContain('maybe@example.com');
    await agent.delete(`/api/invites/${body.invite.id}`).expect(204);
    await preview(tokenOf(body.link as string)).expect(404);
    await agent.delete(`/api/invites/${body.invite.id}`).expect(404);
  });

  it('validates input and needs a login to invite', async () => {
    const res = await agent
      .post('/api/invites')
      .send({ email: 'x', role: 'owner', spaceId: 'root' })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['email', 'role']);
    await request(t.app).post('/api/invites').send({}).expect(401);
    await request(t.app)
      .post('/api/invites/accept')
      .send({ token: 'x'.repeat(43), password: 'short' })
      .expect(400);
  });

  it('keeps invite tokens out of URLs the server sees and out of its logs', async () => {
    const { body } = await invite('logs@example.com', 'admin').expect(201);
    const token = tokenOf(body.link as string);
    expect(body.link).toBe(`/invite#${token}`);
    await preview(token).expect(200);
    // An old-style link still arrives as a path: it is logged redacted.
    await request(t.app).get(`/invite/${token}`);
    const logs = t.logLines.join('');
    expect(logs).toContain('/invite/[redacted]');
    expect(logs).not.toContain(token);
  });

  it('rate-limits guessing tokens', async () => {
    const guess = () => preview('g'.repeat(43));
    let status = 404;
    for (let i = 0; i < 25 && status === 404; i++) status = (await guess()).status;
    expect(status).toBe(429);
  });
});
