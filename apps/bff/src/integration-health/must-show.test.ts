import { createHmac } from 'node:crypto';
import type { AwsIntegration } from '@rolebridge/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, trustPolicy } from '../test/roles.js';
import { awsCli } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { eventually, startReceiver } from '../test/webhook-receiver.js';

/**
 * Issue 13's "Must show", end to end over HTTP: a role changed with the real AWS CLI to
 * refuse is found failing by the scheduler alone (list and details), a webhook receiver on
 * loopback gets exactly one signed POST for it, and fixing the role brings exactly one more.
 */
const INTERVAL_MS = 1_000;
const SECRET = 'must-show-webhook-secret-0123456789';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ health: { intervalMs: INTERVAL_MS, concurrency: 2 } });
});
afterAll(() => t.close());

it('finds a broken role with no one asking, and tells a webhook once per state change', async () => {
  const agent = await t.loginAgent();
  const receiver = await startReceiver();
  try {
    await agent
      .post('/api/webhooks')
      .send({
        url: receiver.url,
        events: ['integration.failing', 'integration.recovered'],
        secret: SECRET,
      })
      .expect(201);
    const { roleName, roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const created = await agent
      .post('/api/integrations/aws')
      .send({ name: 'must-show', spaceId: 'root', roleArn })
      .expect(201);
    const id = (created.body as { integration: AwsIntegration }).integration.id;
    await t.services.healthScheduler.start();

    const cli = (policy: string) =>
      awsCli(
        t,
        {
          AWS_ACCESS_KEY_ID: t.sandbox.keys.adminKeyId,
          AWS_SECRET_ACCESS_KEY: t.sandbox.keys.adminSecret,
          AWS_REGION: 'us-east-1',
        },
        ['iam', 'update-assume-role-policy', '--role-name', roleName, '--policy-document', policy],
      );
    expect((await cli(trustPolicy('someone-else@*'))).code).toBe(0);

    const listed = async (status: string) =>
      (
        (await agent.get(`/api/integrations/aws?status=${status}`)).body as {
          items: AwsIntegration[];
        }
      ).items.some((i) => i.id === id);
    expect(await eventually(() => listed('failing'), 10_000)).toBe(true);
    const details = (await agent.get(`/api/integrations/aws/${id}`).expect(200))
      .body as AwsIntegration;
    expect(details.health.state).toBe('failing');
    expect(await eventually(() => receiver.received.length >= 1, 10_000)).toBe(true);
    // More scheduled checks fail the same way: still one message.
    await eventually(() => false, 2 * INTERVAL_MS + 200);
    expect(receiver.received).toHaveLength(1);

    expect((await cli(ANY_STACK_POLICY)).code).toBe(0);
    expect(await eventually(() => listed('verified'), 10_000)).toBe(true);
    expect(await eventually(() => receiver.received.length >= 2, 10_000)).toBe(true);
    await eventually(() => false, 2 * INTERVAL_MS + 200);
    expect(receiver.received).toHaveLength(2);

    const bodies = receiver.received.map((r) => {
      const expected = `sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`;
      expect(r.headers['x-rolebridge-signature']).toBe(expected);
      return JSON.parse(r.body) as {
        type: string;
        trigger: string;
        integration: { id: string };
        failures: { code: string }[];
      };
    });
    expect(bodies.map((b) => [b.type, b.trigger, b.integration.id])).toEqual([
      ['integration.failing', 'scheduled', id],
      ['integration.recovered', 'scheduled', id],
    ]);
    expect(bodies[0]?.failures.map((f) => f.code)).toContain('AccessDenied');
  } finally {
    await receiver.close();
  }
});
