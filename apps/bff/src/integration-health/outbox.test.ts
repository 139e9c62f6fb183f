import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import type { AwsIntegration } from '@rolebridge/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, trustPolicy } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { eventually, startReceiver } from '../test/webhook-receiver.js';

/**
 * A state change is written with the check that made it (migration 110's outbox), so a
 * replica that stops between committing the check and queueing the webhook delivery loses
 * nothing: the next replica to run a delivery pass queues and sends it, once.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const outboxSize = async () =>
  (await t.db.selectFrom('integration_state_changes').select('id').execute()).length;
const deliveries = async () =>
  (await t.db.selectFrom('webhook_deliveries').select('id').execute()).length;

it('delivers a state change whose replica stopped before queueing it, exactly once', async () => {
  const agent = await t.loginAgent();
  const receiver = await startReceiver();
  try {
    await agent
      .post('/api/webhooks')
      .send({ url: receiver.url, events: ['integration.failing'] })
      .expect(201);
    const { roleName, roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const created = await agent
      .post('/api/integrations/aws')
      .send({ name: 'outboxed', spaceId: 'root', roleArn })
      .expect(201);
    const id = (created.body as { integration: AwsIntegration }).integration.id;

    // This replica's delivery side is gone; its checks still commit.
    await t.services.webhookDispatcher.stop();
    await t.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: roleName,
        PolicyDocument: trustPolicy('someone-else@*'),
      }),
    );
    const checked = await agent.post(`/api/integrations/aws/${id}/verify`).send({}).expect(200);
    expect((checked.body as { ok: boolean }).ok).toBe(false);
    expect(await outboxSize()).toBe(1);
    expect(await deliveries()).toBe(0);

    // Two replicas come up: one of them queues it, and it is sent once.
    const [a, b] = [t.replica(), t.replica()];
    try {
      expect(await eventually(() => receiver.received.length === 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.received).toHaveLength(1);
      expect(JSON.parse(receiver.received[0]?.body ?? '{}')).toMatchObject({
        type: 'integration.failing',
        integration: { id, name: 'outboxed' },
      });
      expect(await outboxSize()).toBe(0);
      expect(await deliveries()).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  } finally {
    t.services.webhookDispatcher.start();
    await receiver.close();
  }
});
