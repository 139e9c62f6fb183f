import { createHmac } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent.js';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookPayload, type WebhookDelivery } from '@rolebridge/contracts';
import { ANY_STACK_POLICY, createRole } from '../test/roles.js';
import { createSpace, teammate } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { eventually, startReceiver } from '../test/webhook-receiver.js';
import type { IntegrationStateChange } from '../integration-health/events.js';
import { createStateChangeOutbox } from '../integration-health/outbox.js';

let t: TestApp;
let root: TestAgent;

beforeAll(async () => {
  t = await createTestApp({ webhookDelivery: { timeoutMs: 500 } });
  root = await t.loginAgent();
});
afterAll(() => t.close());

/** A state change as a check records it: in the outbox, then a nudge to the dispatcher. */
async function record(change: IntegrationStateChange) {
  await createStateChangeOutbox(t.db).add(t.db, ulid(), change, change.at);
  t.services.webhookDispatcher.kick();
}

const hmac = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function deliveriesOf(id: string): Promise<WebhookDelivery[]> {
  const res = await root.get('/api/webhooks').expect(200);
  const items = res.body.items as { id: string; recentDeliveries: WebhookDelivery[] }[];
  return items.find((w) => w.id === id)?.recentDeliveries ?? [];
}

describe('webhooks', () => {
  it('are created by a root admin, with a generated secret shown once and never stored in clear', async () => {
    const receiver = await startReceiver();
    const created = await root
      .post('/api/webhooks')
      .send({ url: receiver.url, events: ['integration.failing'] })
      .expect(201);
    const secret = created.body.secret as string;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const list = await root.get('/api/webhooks').expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ url: receiver.url, events: ['integration.failing'] }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    // Send test: one signed POST of the exact body, recorded as delivered.
    const test = await root.post(`/api/webhooks/${created.body.webhook.id}/test`).expect(200);
    expect(test.body.delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseStatus: 204,
    });
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got?.headers['x-rolebridge-signature']).toBe(hmac(secret, got?.body ?? ''));
    expect(got?.headers['x-rolebridge-event']).toBe('webhook.test');
    expect(webhookPayload.parse(JSON.parse(got?.body ?? '')).type).toBe('webhook.test');

    expect(await t.databaseText()).not.toContain(secret);
    expect(t.logLines.join('')).not.toContain(secret);
    await root.delete(`/api/webhooks/${created.body.webhook.id}`).expect(204);
    await root.delete(`/api/webhooks/${created.body.webhook.id}`).expect(404);
    await receiver.close();
  });

  it('answer Send test with the attempt it made, while replicas poll for due deliveries every millisecond', async () => {
    const busy = await createTestApp({ webhookDelivery: { pollMs: 1 } });
    const other = busy.replica();
    const receiver = await startReceiver();
    try {
      const admin = await busy.loginAgent();
      const created = await admin
        .post('/api/webhooks')
        .send({ url: receiver.url, events: ['integration.failing'] })
        .expect(201);
      for (let i = 0; i < 20; i++) {
        const test = await admin.post(`/api/webhooks/${created.body.webhook.id}/test`).expect(200);
        expect(test.body.delivery).toMatchObject({ status: 'delivered', attempts: 1 });
      }
      expect(receiver.received).toHaveLength(20);
    } finally {
      await receiver.close();
      await other.close();
      await busy.close();
    }
  });

  it('refuse URLs that are not http(s), empty event lists and unknown fields, naming the field', async () => {
    const bad = [
      [{ url: 'ftp://example.com/x', events: ['integration.failing'] }, 'url'],
      [{ url: 'file:///etc/passwd', events: ['integration.failing'] }, 'url'],
      [{ url: 'javascript:alert(1)', events: ['integration.failing'] }, 'url'],
      [{ url: 'https://user:pw@example.com/', events: ['integration.failing'] }, 'url'],
      [{ url: 'https://example.com/', events: [] }, 'events'],
      [{ url: 'https://example.com/', events: ['integration.deleted'] }, 'events.0'],
      [{ url: 'https://example.com/', events: ['integration.failing'], secret: 'short' }, 'secret'],
    ] as const;
    for (const [body, path] of bad) {
      const res = await root.post('/api/webhooks').send(body).expect(400);
      expect(res.body.errors[0].path, JSON.stringify(body)).toBe(path);
    }
    await root.post('/api/webhooks/not-an-id/test').expect(404);
  });

  it('are for root admins only: a space admin gets 403', async () => {
    const team = await createSpace(root, 'hooks-team');
    const admin = await teammate(t, root, 'admin', team);
    await admin
      .post('/api/webhooks')
      .send({ url: 'https://example.com/', events: ['integration.failing'] })
      .expect(403);
    await admin.get('/api/webhooks').expect(403);
  });

  it('never follow a redirect: a 3xx is a failed attempt and the other host gets nothing', async () => {
    const elsewhere = await startReceiver();
    const receiver = await startReceiver((_n, res) =>
      res.writeHead(307, { location: elsewhere.url }).end(),
    );
    const secret = 'a-receiver-secret-of-enough-length';
    const created = await root
      .post('/api/webhooks')
      .send({ url: receiver.url, events: ['integration.recovered'], secret })
      .expect(201);
    expect(created.body.secret).toBeUndefined();
    const test = await root.post(`/api/webhooks/${created.body.webhook.id}/test`).expect(200);
    expect(test.body.delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      responseStatus: 307,
    });
    expect(test.body.delivery.lastError).toMatch(/Redirect to 127\.0\.0\.1:\d+ not followed/);
    expect(elsewhere.received).toHaveLength(0);
    await root.delete(`/api/webhooks/${created.body.webhook.id}`).expect(204);
    await Promise.all([receiver.close(), elsewhere.close()]);
  });

  it('retry with backoff until the receiver takes it, and say when it gives up', async () => {
    // Fails twice, then accepts: three attempts, one delivery.
    const flaky = await startReceiver((n, res) => res.writeHead(n < 3 ? 503 : 200).end());
    const down = await startReceiver((_n, res) => res.writeHead(500).end());
    const hooks = [];
    for (const url of [flaky.url, down.url]) {
      const res = await root
        .post('/api/webhooks')
        .send({ url, events: ['integration.failing'] })
        .expect(201);
      hooks.push(res.body.webhook.id as string);
    }
    const [flakyId = '', downId = ''] = hooks;
    const role = await createRole(t.iam, ANY_STACK_POLICY);
    const integration = await root
      .post('/api/integrations/aws')
      .send({ name: 'hooked', spaceId: 'root', roleArn: role.roleArn })
      .expect(201);
    await root
      .post('/api/stacks')
      .send({ slug: 'hooked-app', name: 'Hooked app', spaceId: 'root' });
    await root
      .post('/api/stacks/hooked-app/aws-integrations')
      .send({ integrationId: integration.body.integration.id, read: true, write: true })
      .expect(201);
    const change: IntegrationStateChange = {
      type: 'integration.failing',
      integrationId: integration.body.integration.id,
      at: new Date().toISOString(),
      trigger: 'scheduled',
      failingSince: new Date().toISOString(),
      failures: [{ stackSlug: 'hooked-app', phase: 'apply', code: 'AccessDenied' }],
      firstHint: 'The trust policy does not let Rolebridge assume this role',
    };
    await record(change);

    expect(
      await eventually(async () => (await deliveriesOf(flakyId))[0]?.status === 'delivered'),
    ).toBe(true);
    expect((await deliveriesOf(flakyId))[0]).toMatchObject({ attempts: 3, responseStatus: 200 });
    expect(flaky.received).toHaveLength(3);
    const body = webhookPayload.parse(JSON.parse(flaky.received[2]?.body ?? ''));
    expect(body).toMatchObject({
      type: 'integration.failing',
      integration: { name: 'hooked', roleArn: role.roleArn },
      stacks: [{ slug: 'hooked-app', name: 'Hooked app' }],
      failures: change.failures,
      firstHint: change.firstHint,
    });
    // Every attempt sends the same bytes, so one signature check de-duplicates them.
    expect(new Set(flaky.received.map((r) => r.body)).size).toBe(1);

    // 1 + 3 backoff steps, then it stops and says why.
    expect(await eventually(async () => (await deliveriesOf(downId))[0]?.status === 'failed')).toBe(
      true,
    );
    expect((await deliveriesOf(downId))[0]).toMatchObject({
      attempts: 4,
      lastError: 'The receiver answered HTTP 500',
      nextAttemptAt: null,
    });
    expect(down.received).toHaveLength(4);
    for (const id of hooks) await root.delete(`/api/webhooks/${id}`).expect(204);
    await Promise.all([flaky.close(), down.close()]);
  });

  it('give up on a receiver that does not answer in time', async () => {
    const silent = await startReceiver(() => undefined);
    const created = await root
      .post('/api/webhooks')
      .send({ url: silent.url, events: ['integration.failing'] })
      .expect(201);
    const test = await root.post(`/api/webhooks/${created.body.webhook.id}/test`).expect(200);
    expect(test.body.delivery).toMatchObject({ attempts: 1, responseStatus: null });
    expect(test.body.delivery.lastError).toBe('No answer within 0.5 s');
    await root.delete(`/api/webhooks/${created.body.webhook.id}`).expect(204);
    await silent.close();
  });

  it('survive a restart and are sent once by one of two replicas', async () => {
    const receiver = await startReceiver();
    const created = await root
      .post('/api/webhooks')
      .send({ url: receiver.url, events: ['integration.recovered'] })
      .expect(201);
    // Queued while this replica is down: the next one to come up sends them.
    await t.services.webhookDispatcher.stop();
    const changes = Array.from({ length: 10 }, (_, i) => ({
      type: 'integration.recovered' as const,
      integrationId: `gone-${i}`,
      at: new Date().toISOString(),
      trigger: 'scheduled' as const,
      failingSince: null,
      failures: [],
      firstHint: null,
    }));
    for (const change of changes) await record(change);
    expect(receiver.received).toHaveLength(0);

    const [a, b] = [t.replica(), t.replica()];
    const ids = new Set<string>();
    expect(
      await eventually(async () => {
        const rows = await t.db
          .selectFrom('webhook_deliveries')
          .select('status')
          .where('webhook_id', '=', created.body.webhook.id)
          .execute();
        return rows.length === 10 && rows.every((r) => r.status === 'delivered');
      }),
    ).toBe(true);
    for (const r of receiver.received) ids.add(String(r.headers['x-rolebridge-delivery']));
    expect(receiver.received).toHaveLength(10);
    expect(ids.size).toBe(10);
    await Promise.all([a.close(), b.close()]);
    t.services.webhookDispatcher.start();
    await root.delete(`/api/webhooks/${created.body.webhook.id}`).expect(204);
    await receiver.close();
  });
});
