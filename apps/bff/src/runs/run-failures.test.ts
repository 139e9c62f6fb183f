import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole } from '../test/roles.js';
import { token } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

// Time moves only when a test says so: credentials expire by this clock, not the wall's.
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

let t: TestApp;
let admin: TestAgent;
beforeAll(async () => {
  // A timeout with room to spare on a busy machine; the slow-STS case waits longer than it.
  t = await createTestApp({ clock, requestTimeoutMs: 2_000 });
  admin = await t.loginAgent();
});
afterAll(() => t.close());
beforeEach(() => {
  offsetMs = 0;
  t.sandbox.faults.reset();
});

let n = 0;
/** A stack with a working role attached for both phases, as an admin sets it up. */
async function stackWithRole(extra: object = {}) {
  const slug = `fail-${++n}`;
  const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
  const created = await admin
    .post('/api/integrations/aws')
    .send({ name: slug, spaceId: 'root', roleArn, ...extra })
    .expect(201);
  const id = created.body.integration.id as string;
  await admin.post('/api/stacks').send({ slug, name: slug, spaceId: 'root' }).expect(201);
  await admin
    .post(`/api/stacks/${slug}/aws-integrations`)
    .send({ integrationId: id, read: true, write: true })
    .expect(201);
  return { slug, roleArn, integrationId: id };
}
const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
const runsOf = async (slug: string) =>
  ((await admin.get(`/api/stacks/${slug}/runs`).expect(200)).body as { items: unknown[] }).items;

describe('reading runs', () => {
  it('shows one run by ID and answers run_not_found for an unknown one', async () => {
    const { slug } = await stackWithRole();
    const started = await admin.post(`/api/stacks/${slug}/runs`).send({ phase: 'plan' });
    expect(started.status).toBe(201);
    const run = await admin.get(`/api/stacks/${slug}/runs/${started.body.id}`).expect(200);
    expect(run.body).toEqual(started.body);

    const unknown = '01J00000000000000000000000';
    const missing = await admin.get(`/api/stacks/${slug}/runs/${unknown}`).expect(404);
    expect(missing.body).toMatchObject({ code: 'run_not_found', status: 404 });
    const worker = await token(admin, 'worker');
    const env = await request(t.app)
      .get(`/api/stacks/${slug}/runs/${unknown}/environment`)
      .set(bearer(worker))
      .expect(404);
    expect(env.body.code).toBe('run_not_found');
    // A run of another stack is not found through this one.
    const other = await stackWithRole();
    await admin.get(`/api/stacks/${other.slug}/runs/${started.body.id}`).expect(404);
  });

  it('answers 410 run_expired once the credentials expire, and 200 just before', async () => {
    const { slug } = await stackWithRole({ durationSeconds: 900 });
    const started = await admin.post(`/api/stacks/${slug}/runs`).send({ phase: 'plan' });
    expect(started.status).toBe(201);
    const worker = await token(admin, 'worker');
    const env = () =>
      request(t.app)
        .get(`/api/stacks/${slug}/runs/${started.body.id}/environment`)
        .set(bearer(worker));
    const live = await env().expect(200);
    const expiresAt = Date.parse(live.body.expiresAt as string);
    expect(expiresAt - Date.now()).toBeGreaterThan(800_000);

    offsetMs = expiresAt - Date.now() - 5_000;
    await env().expect(200);
    offsetMs = expiresAt - Date.now() + 1_000;
    const gone = await env().expect(410);
    expect(gone.body).toMatchObject({ code: 'run_expired', status: 410 });
    expect(gone.body.detail).toMatch(/start a new run/);
  });
});

describe('starting a run when STS fails', () => {
  it.each([
    ['STS throttles', 'Throttling', 502, 'sts_unavailable', 'sts-throttled'],
    ['STS does not answer in time', 'TimeoutError', 502, 'sts_unavailable', 'sts-unreachable'],
  ] as const)(
    '%s: 502 %s with the hint, and no run recorded',
    async (_, code, status, errorCode, hint) => {
      const { slug, roleArn } = await stackWithRole();
      if (code === 'Throttling') t.sandbox.faults.setRole(roleArn, { throttle: true });
      else t.sandbox.faults.setRole(roleArn, { latencyMs: 5_000 });
      const res = await admin.post(`/api/stacks/${slug}/runs`).send({ phase: 'apply' });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ code: errorCode, error: { code } });
      expect(res.body.hints.map((h: { id: string }) => h.id)).toContain(hint);
      expect(await runsOf(slug)).toEqual([]);
    },
  );

  it('a disabled STS region: 422 with the region hint', async () => {
    const { slug } = await stackWithRole({ region: 'eu-west-1' });
    t.sandbox.faults.setRegion('eu-west-1', { disabled: true });
    const res = await admin.post(`/api/stacks/${slug}/runs`).send({ phase: 'plan' }).expect(422);
    expect(res.body).toMatchObject({
      code: 'assume_role_failed',
      error: { code: 'RegionDisabledException' },
    });
    expect(res.body.hints.map((h: { id: string }) => h.id)).toContain('sts-region-disabled');
    expect(await runsOf(slug)).toEqual([]);
  });

  it("a role whose MaxSessionDuration fell below the integration's duration: 422", async () => {
    const { slug, roleArn } = await stackWithRole();
    t.sandbox.faults.setRole(roleArn, { maxSessionDuration: 900 });
    const res = await admin.post(`/api/stacks/${slug}/runs`).send({ phase: 'plan' }).expect(422);
    expect(res.body).toMatchObject({
      code: 'assume_role_failed',
      error: { code: 'ValidationError' },
    });
    expect(res.body.error.message).toMatch(/MaxSessionDuration/);
    expect(await runsOf(slug)).toEqual([]);
  });

  it("Rolebridge's own keys rejected: 502 sts_unavailable naming the operator", async () => {
    const broken = await createTestApp({
      sandbox: t.sandbox,
      platformCredentials: { accessKeyId: 'AKIAWRONGWRONGWRONG1', secretAccessKey: 'x'.repeat(40) },
    });
    try {
      const { slug } = await stackWithRole();
      // The broken app has its own database: set the same stack up there through its API.
      const brokenAdmin = await broken.loginAgent();
      await brokenAdmin.post('/api/stacks').send({ slug, name: slug, spaceId: 'root' }).expect(201);
      const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
      const created = await brokenAdmin
        .post('/api/integrations/aws')
        .send({
          name: slug,
          spaceId: 'root',
          roleArn,
          labels: [`autoattach:${slug}`],
          autoattachEnabled: true,
        })
        .expect(201);
      expect(created.body.verification.ok).toBe(false);
      await brokenAdmin
        .patch(`/api/stacks/${slug}`)
        .send({ labels: [slug] })
        .expect(200);
      const res = await brokenAdmin.post(`/api/stacks/${slug}/runs`).send({ phase: 'plan' });
      expect(res.status).toBe(502);
      expect(res.body).toMatchObject({
        code: 'sts_unavailable',
        error: { code: 'InvalidClientTokenId' },
      });
      expect(res.body.hints.map((h: { id: string }) => h.id)).toContain('platform-credentials');
    } finally {
      await broken.close();
    }
  });
});
