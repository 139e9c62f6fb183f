import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import type { AwsIntegration, IntegrationCheck, Verification } from '@rolebridge/contracts';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, trustPolicy } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import type { IntegrationStateChange } from './events.js';

/** The interval is short so a scheduled check comes within a second; the scheduler starts late. */
let t: TestApp;
let agent: TestAgent;
const changes: IntegrationStateChange[] = [];
beforeAll(async () => {
  t = await createTestApp({ health: { intervalMs: 1_000, concurrency: 2 } });
  agent = await t.loginAgent();
  t.services.integrationHealth.onStateChange((change) => {
    changes.push(change);
    return Promise.resolve();
  });
});
afterAll(() => t.close());
beforeEach(() => {
  changes.length = 0;
});

const REFUSING_POLICY = trustPolicy('someone-else@*');
let n = 0;
async function create(roleArn: string) {
  const res = await agent
    .post('/api/integrations/aws')
    .send({ name: `health-${++n}`, spaceId: 'root', roleArn })
    .expect(201);
  return res.body as { integration: AwsIntegration; verification: Verification };
}
const read = async (id: string) =>
  (await agent.get(`/api/integrations/aws/${id}`).expect(200)).body as AwsIntegration;
const checks = async (id: string) =>
  (
    (await agent.get(`/api/integrations/aws/${id}/checks`).expect(200)).body as {
      items: IntegrationCheck[];
    }
  ).items;
const setPolicy = (roleName: string, policy: string) =>
  t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: policy }));
const ofIntegration = (id: string) => changes.filter((c) => c.integrationId === id);

async function until<T>(what: () => Promise<T>, done: (v: T) => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('integration health', () => {
  it('records every check with its trigger and moves the state only when it changes', async () => {
    const { roleName, roleArn } = await createRole(t.iam, REFUSING_POLICY);
    const { integration, verification } = await create(roleArn);
    expect(verification.ok).toBe(false);
    // The create answer already carries the state its own check set.
    expect(integration.health).toEqual({
      state: 'failing',
      failingSince: verification.checkedAt,
      recoveredAt: null,
    });
    expect(ofIntegration(integration.id)).toEqual([
      {
        type: 'integration.failing',
        integrationId: integration.id,
        at: verification.checkedAt,
        trigger: 'create',
        failingSince: verification.checkedAt,
        failures: [
          { stackSlug: 'rolebridge-verify', phase: 'plan', code: 'AccessDenied' },
          { stackSlug: 'rolebridge-verify', phase: 'apply', code: 'AccessDenied' },
        ],
        firstHint: expect.any(String),
      },
    ]);

    // Still failing: no second event, and "failing since" stays the first failure.
    await agent.post(`/api/integrations/aws/${integration.id}/verify`).send({}).expect(200);
    expect(ofIntegration(integration.id)).toHaveLength(1);
    expect((await read(integration.id)).health.failingSince).toBe(verification.checkedAt);
    const failing = await agent.get('/api/integrations/aws?status=failing').expect(200);
    expect(failing.body.items.map((i: AwsIntegration) => i.id)).toContain(integration.id);

    await setPolicy(roleName, ANY_STACK_POLICY);
    const fixed = (
      await agent.post(`/api/integrations/aws/${integration.id}/verify`).send({}).expect(200)
    ).body as Verification;
    expect(fixed.ok).toBe(true);
    expect((await read(integration.id)).health).toEqual({
      state: 'healthy',
      failingSince: null,
      recoveredAt: fixed.checkedAt,
    });
    expect(ofIntegration(integration.id).map((c) => [c.type, c.trigger, c.failures])).toEqual([
      ['integration.failing', 'create', expect.any(Array)],
      ['integration.recovered', 'manual', []],
    ]);
    const verified = await agent.get('/api/integrations/aws?status=verified').expect(200);
    expect(verified.body.items.map((i: AwsIntegration) => i.id)).toContain(integration.id);

    // Attaching a stack checks it for that stack; editing the role checks the new one.
    await agent.post('/api/stacks').send({ slug: `hs-${n}`, name: 'Health', spaceId: 'root' });
    await agent
      .post(`/api/stacks/hs-${n}/aws-integrations`)
      .send({ integrationId: integration.id, read: true, write: true })
      .expect(201);
    const current = await agent.get(`/api/integrations/aws/${integration.id}`).expect(200);
    await agent
      .patch(`/api/integrations/aws/${integration.id}`)
      .set('If-Match', current.headers.etag!)
      .send({ durationSeconds: 1800 })
      .expect(200);

    const history = await checks(integration.id);
    expect(history.map((c) => [c.trigger, c.ok])).toEqual([
      ['edit', true],
      ['attach', true],
      ['manual', true],
      ['manual', false],
      ['create', false],
    ]);
    expect(history.at(-1)?.failures).toEqual([
      { stackSlug: 'rolebridge-verify', phase: 'read', code: 'AccessDenied' },
      { stackSlug: 'rolebridge-verify', phase: 'write', code: 'AccessDenied' },
    ]);
    // A newly healthy integration (unknown → healthy) is no news.
    const healthy = await create((await createRole(t.iam, ANY_STACK_POLICY)).roleArn);
    expect(healthy.integration.health.state).toBe('healthy');
    expect(ofIntegration(healthy.integration.id)).toEqual([]);
  });

  it('leaves the state alone when AWS only throttled the check', async () => {
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const { integration } = await create(roleArn);
    t.sandbox.faults.setRole(roleArn, { throttle: true });
    try {
      await agent.post(`/api/integrations/aws/${integration.id}/verify`).send({}).expect(200);
    } finally {
      t.sandbox.faults.reset();
    }
    expect((await read(integration.id)).health.state).toBe('healthy');
    expect((await checks(integration.id))[0]?.failures[0]?.code).toBe('Throttling');
    expect(ofIntegration(integration.id)).toEqual([]);
  });

  it('answers 404 for the checks of an integration that does not exist', async () => {
    const res = await agent.get('/api/integrations/aws/01NOPE/checks').expect(404);
    expect(res.body.code).toBe('integration_not_found');
  });

  it('finds a role that stopped trusting Rolebridge with no one asking, once, as the system', async () => {
    const { roleName, roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const { integration } = await create(roleArn);
    await t.services.healthScheduler.start();

    await setPolicy(roleName, REFUSING_POLICY);
    const failing = await until(
      () => read(integration.id),
      (i) => i.health.state === 'failing',
    );
    expect(failing.lastVerification?.ok).toBe(false);
    expect(ofIntegration(integration.id).map((c) => [c.type, c.trigger])).toEqual([
      ['integration.failing', 'scheduled'],
    ]);
    const audit = await agent
      .get('/api/audit?action=integration.verify&actor=system&limit=100')
      .expect(200);
    expect(
      audit.body.items.some(
        (e: { targetId: string; detail: { trigger?: string; ok?: boolean } }) =>
          e.targetId === integration.id && e.detail.trigger === 'scheduled' && !e.detail.ok,
      ),
    ).toBe(true);

    await setPolicy(roleName, ANY_STACK_POLICY);
    await until(
      () => read(integration.id),
      (i) => i.health.state === 'healthy',
    );
    // More scheduled checks pass, and none of them is news.
    await until(
      () => checks(integration.id),
      (items) => items.filter((c) => c.trigger === 'scheduled' && c.ok).length >= 2,
    );
    expect(ofIntegration(integration.id).map((c) => [c.type, c.trigger])).toEqual([
      ['integration.failing', 'scheduled'],
      ['integration.recovered', 'scheduled'],
    ]);
  });
});
