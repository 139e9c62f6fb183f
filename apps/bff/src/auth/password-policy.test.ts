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

async function inviteToken(email: string) {
  const res = await admin.post('/api/invites').send({ email, role: 'read', spaceId: 'root' });
  const link = (res.body as { link: string }).link;
  return link.slice(link.indexOf('#') + 1);
}

describe('guessable choices are refused with a message on the field', () => {
  it('refuses an invitee’s password that is one repeated character, common, or their email', async () => {
    const email = 'carol@example.com';
    const token = await inviteToken(email);
    for (const [password, message] of [
      ['aaaaaaaaaaaa', 'Use more than one repeated character'],
      ['password1234', 'This password is too common; choose another'],
      [email, 'Do not use your email address as the password'],
    ]) {
      const res = await request(t.app)
        .post('/api/invites/accept')
        .send({ token, password })
        .expect(400);
      expect(res.body.errors).toEqual([{ path: 'password', message }]);
    }
    await request(t.app)
      .post('/api/invites/accept')
      .send({ token, password: 'a long enough password' })
      .expect(200);
  });

  it('refuses an account name that starts or ends with a hyphen', async () => {
    for (const name of ['-demo', 'demo-']) {
      const res = await admin.patch('/api/account').send({ name }).expect(400);
      expect(res.body.errors[0]).toMatchObject({
        path: 'name',
        message: expect.stringContaining('hyphen'),
      });
    }
    expect((await admin.get('/api/account')).body.name).toBe('demo');
  });
});
