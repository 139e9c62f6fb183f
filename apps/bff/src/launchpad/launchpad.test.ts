import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let agent: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.loginAgent();
});
afterAll(() => t.close());

const steps = async () => {
  const res = await agent.get('/api/launchpad').expect(200);
  return res.body as {
    steps: { id: string; title: string; complete: boolean }[];
    completed: number;
    total: number;
  };
};
const done = async () => (await steps()).steps.filter((s) => s.complete).map((s) => s.id);

describe('the LaunchPad checklist', () => {
  it('starts with nothing done, in the documented order', async () => {
    expect(await steps()).toEqual({
      steps: [
        { id: 'name-account', title: 'Name your account', complete: false },
        { id: 'integrate-cloud', title: 'Integrate your cloud account', complete: false },
        { id: 'create-stack', title: 'Create first stack', complete: false },
        { id: 'invite-teammates', title: 'Invite teammates', complete: false },
      ],
      completed: 0,
      total: 4,
    });
  });

  it('ticks each step as the admin does it', async () => {
    await agent.patch('/api/account').send({ name: 'demo' }).expect(200);
    expect(await done()).toEqual(['name-account']);

    // A failing verification does not count; a passing one does.
    await agent
      .post('/api/integrations/aws')
      .send({ name: 'broken', spaceId: 'root', roleArn: 'arn:aws:iam::222222222222:role/missing' })
      .expect(201);
    expect(await done()).toEqual(['name-account']);
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    await agent
      .post('/api/integrations/aws')
      .send({ name: 'working', spaceId: 'root', roleArn })
      .expect(201);
    expect(await done()).toEqual(['name-account', 'integrate-cloud']);

    const invite = await agent
      .post('/api/invites')
      .send({ email: 'carol@example.com', role: 'read', spaceId: 'root' })
      .expect(201);
    expect(await done()).toEqual(['name-account', 'integrate-cloud']);
    await request(t.app)
      .post('/api/invites/accept')
      .send({
        token: (invite.body.link as string).split('#')[1],
        password: 'carol password 1',
      })
      .expect(200);
    const after = await steps();
    expect(after.steps.filter((s) => s.complete).map((s) => s.id)).toEqual([
      'name-account',
      'integrate-cloud',
      'invite-teammates',
    ]);
    expect(after.completed).toBe(3);
  });
});

describe('an account named by the operator at first start', () => {
  it('has "Name your account" complete, and the console carries that name', async () => {
    const named = await createTestApp({ accountName: 'acme-infra' });
    try {
      const admin = await named.loginAgent();
      const res = await admin.get('/api/launchpad').expect(200);
      const step = (res.body as { steps: { id: string; complete: boolean }[] }).steps[0];
      expect(step).toEqual(expect.objectContaining({ id: 'name-account', complete: true }));
      expect((await admin.get('/api/account').expect(200)).body.name).toBe('acme-infra');
    } finally {
      await named.close();
    }
  });
});
