import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole } from '../test/roles.js';
import { createSpace } from '../test/stacks.js';
import { createNamesRepository } from './repository.js';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAgent();
});
afterAll(() => t.close());

interface Ref {
  type?: string;
  kind?: string;
  id: string;
  name: string | null;
}

/** Everything a person reads about runs and audit events is a name; ids stay for links. */
describe('names in runs and the audit log', () => {
  it('runs name their stack, integration and starter; deleted ones keep their id', async () => {
    const spaceId = await createSpace(admin, 'Payments team');
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const created = await admin
      .post('/api/integrations/aws')
      .send({ name: 'payments-prod', spaceId, roleArn })
      .expect(201);
    const integrationId = created.body.integration.id as string;
    await admin
      .post('/api/stacks')
      .send({ slug: 'billing', name: 'Billing service', spaceId })
      .expect(201);
    await admin
      .post('/api/stacks/billing/aws-integrations')
      .send({ integrationId, read: true, write: true })
      .expect(201);
    const minted = await admin
      .post('/api/tokens')
      .send({ name: 'nightly deployer', role: 'write', spaceId })
      .expect(201);
    const started = await request(t.app)
      .post('/api/stacks/billing/runs')
      .set('Authorization', `Bearer ${minted.body.token}`)
      .send({ phase: 'apply' })
      .expect(201);
    expect(started.body).toMatchObject({
      stackName: 'Billing service',
      integration: { id: integrationId, name: 'payments-prod' },
      startedBy: { kind: 'token', id: minted.body.id, name: 'nightly deployer' },
    });
    await admin.post('/api/stacks/billing/runs').send({ phase: 'plan' }).expect(201);

    await admin.patch('/api/stacks/billing').send({ name: 'Billing' }).expect(200);
    const listed = await admin.get('/api/stacks/billing/runs').expect(200);
    expect(listed.body.items).toMatchObject([
      {
        stackName: 'Billing',
        integration: { id: integrationId, name: 'payments-prod' },
        startedBy: { kind: 'user', id: ADMIN.email, name: ADMIN.email },
      },
      { startedBy: { kind: 'token', name: 'nightly deployer' } },
    ]);

    await admin.delete(`/api/stacks/billing/aws-integrations/${integrationId}`).expect(204);
    await admin.delete(`/api/integrations/aws/${integrationId}`).expect(204);
    await admin.delete(`/api/tokens/${minted.body.id}`).expect(204);
    const after = await admin.get(`/api/stacks/billing/runs/${started.body.id}`).expect(200);
    expect(after.body).toMatchObject({
      integrationId,
      integration: { id: integrationId, name: null },
      startedBy: { kind: 'token', id: minted.body.id, name: null },
    });
  });

  it('audit events name who did it, what it was done to and the ids in their detail', async () => {
    await request(t.app)
      .post('/api/session')
      .send({ email: 'nobody@example.com', password: 'not the password' })
      .expect(401);
    const audit = async (action: string) =>
      (await admin.get(`/api/audit?action=${action}`).expect(200)).body.items as {
        by: Ref;
        target: Ref;
        refs: Record<string, Ref>;
        targetId: string;
      }[];

    const [stackCreated] = await audit('stack.create');
    expect(stackCreated).toMatchObject({
      by: { kind: 'user', name: ADMIN.email },
      // Today's name: the stack was renamed after the event.
      target: { type: 'stack', id: 'billing', name: 'Billing' },
      refs: { spaceId: { type: 'space', name: 'Payments team' } },
    });
    const [run] = await audit('run.start');
    expect(run?.refs.integrationId).toMatchObject({ type: 'aws_integration', name: null });
    const [deleted] = await audit('integration.delete');
    expect(deleted?.target).toMatchObject({ type: 'aws_integration', name: null });
    const [failed] = await audit('session.login_failed');
    expect(failed).toMatchObject({
      by: { kind: 'anonymous', name: expect.stringMatching(/^anonymous \(/) },
      target: { type: 'user', name: 'nobody@example.com' },
    });
    const [minted] = await audit('token.create');
    expect(minted?.target).toMatchObject({ type: 'token', name: null });
  });

  it('reads the console itself as "system", and a kind it cannot look up as stored', async () => {
    const names = await createNamesRepository(t.db).resolve(
      [{ type: 'something_new', id: 'thing-1' }],
      ['system', 'system:retry'],
    );
    expect(names.ref('something_new', 'thing-1')).toEqual({
      type: 'something_new',
      id: 'thing-1',
      name: 'thing-1',
    });
    expect(names.actor('system:retry')).toEqual({
      kind: 'system',
      id: 'system:retry',
      name: 'system',
    });
  });
});
