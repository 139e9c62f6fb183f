import type { Hint, Verification } from '@rolebridge/contracts';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, trustPolicy } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let agent: TestAgent;
beforeAll(async () => {
  // Short retry timing: the sandbox's propagation delays below are 1.5 s, not IAM's minute.
  // "At once" is under 1.2 s: waiting would take the 3 s window, and a busy CI machine
  // needs room that a tighter bound (it was 500 ms) did not leave.
  t = await createTestApp({
    retry: { windowMs: 3_000, firstDelayMs: 50, maxDelayMs: 200 },
    requestTimeoutMs: 300,
  });
  agent = await t.loginAgent();
});
afterAll(() => t.close());
beforeEach(() => t.sandbox.faults.reset());

let n = 0;
async function create(roleArn: string, extra: object = {}, as = agent) {
  const res = await as
    .post('/api/integrations/aws')
    .send({ name: `faults-${++n}`, spaceId: 'root', roleArn, ...extra })
    .expect(201);
  return res.body as { integration: { id: string }; verification: Verification };
}
const ids = (hints: Hint[]) => hints.map((h) => h.id);

describe('when AWS is not the problem, the hints say so', () => {
  it('names a disabled STS region and how to activate it', async () => {
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    t.sandbox.faults.setRegion('eu-west-1', { disabled: true });
    const { verification } = await create(roleArn, { region: 'eu-west-1' });
    const [read] = verification.results;
    expect(read?.error?.code).toBe('RegionDisabledException');
    expect(ids(read?.hints ?? [])).toEqual(['sts-region-disabled']);
    expect(read?.hints[0]?.title).toContain('eu-west-1');
    expect(verification.confusedDeputy.checked).toBe(false);
    // The same role works from a region where STS is on.
    expect((await create(roleArn, { region: 'eu-central-1' })).verification.ok).toBe(true);
  });

  it('explains throttling as temporary', async () => {
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    t.sandbox.faults.setRole(roleArn, { throttle: true });
    const { verification } = await create(roleArn);
    expect(verification.results[0]?.error?.code).toBe('Throttling');
    expect(ids(verification.results[0]?.hints ?? [])).toEqual(['sts-throttled']);
  });

  it('reports a timeout as STS not answering', async () => {
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    t.sandbox.faults.setRole(roleArn, { latencyMs: 1_000 });
    const { verification } = await create(roleArn);
    expect(verification.results[0]?.error?.code).toBe('TimeoutError');
    expect(ids(verification.results[0]?.hints ?? [])).toEqual(['sts-unreachable']);
  });

  it("blames the operator for Rolebridge's own wrong keys", async () => {
    const broken = await createTestApp({
      sandbox: t.sandbox,
      platformCredentials: { accessKeyId: 'AKIAWRONGWRONGWRONG1', secretAccessKey: 'x'.repeat(40) },
    });
    try {
      const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
      const { verification } = await create(roleArn, {}, await broken.loginAgent());
      const [read] = verification.results;
      expect(read?.error?.code).toBe('InvalidClientTokenId');
      expect(ids(read?.hints ?? [])).toEqual(['platform-credentials']);
      expect(read?.hints[0]?.title).toMatch(/operator/);
    } finally {
      await broken.close();
    }
  });
});

describe('IAM propagation', () => {
  /** Reads the integration until `done` says so; returns every stored verification seen. */
  async function watch(id: string, done: (v: Verification) => boolean) {
    const seen: Verification[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await agent.get(`/api/integrations/aws/${id}`).expect(200);
      const v = res.body.lastVerification as Verification;
      seen.push(v);
      if (done(v)) return seen;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the background retry never finished');
  }

  it('answers a just-created role at once and turns green in the background when STS sees it', async () => {
    t.sandbox.faults.setPropagationDelay(1_500);
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const started = Date.now();
    const { integration, verification } = await create(roleArn);
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(verification.ok).toBe(false);
    expect(verification.retrying).toMatchObject({ attempt: 1, elapsedMs: 0 });
    expect(ids(verification.results[0]?.hints ?? [])[0]).toBe('iam-propagating');
    expect(verification.results[0]?.hints[0]?.title).toMatch(/can take up to a minute/);

    const seen = await watch(integration.id, (v) => v.ok);
    const final = seen.at(-1)!;
    expect(final.retrying).toBeUndefined();
    expect(final.results.every((r) => r.ok && (r.attempts ?? 1) > 1)).toBe(true);
    // The probe ran again after propagation, so "not open" is a real answer.
    expect(final.confusedDeputy).toEqual({ checked: true, open: false });
    const progress = seen.filter((v) => v.retrying).map((v) => v.retrying!.attempt);
    expect(Math.max(...progress)).toBeGreaterThan(1);
  });

  it('says a refusal that outlasts the retry window may still be propagation, not that the policy denies', async () => {
    t.sandbox.faults.setPropagationDelay(30_000);
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const { integration } = await create(roleArn);
    const final = (await watch(integration.id, (v) => !v.retrying)).at(-1)!;
    expect(final.ok).toBe(false);
    const hints = final.results[0]?.hints ?? [];
    expect(ids(hints)[0]).toBe('still-denied-after-retries');
    expect(hints.map((h) => h.title)).not.toContain(
      "The role's trust policy does not let Rolebridge assume it",
    );
  });

  it('answers a denied verification in under 5 s even when STS hangs', async () => {
    // The real timeouts, not this file's shortened ones.
    const slow = await createTestApp({ sandbox: t.sandbox, retry: { windowMs: 60_000 } });
    try {
      const admin = await slow.loginAgent();
      const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
      t.sandbox.faults.setRole(roleArn, { latencyMs: 20_000 });
      const started = Date.now();
      const { verification } = await create(roleArn, {}, admin);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(verification.results[0]?.error?.code).toBe('TimeoutError');
    } finally {
      t.sandbox.faults.reset();
      await slow.close();
    }
  }, 15_000);

  it('does not wait on AccessDenied when nothing changed recently', async () => {
    const { integration } = await create('arn:aws:iam::222222222222:role/missing');
    const started = Date.now();
    const res = await agent
      .post(`/api/integrations/aws/${integration.id}/verify`)
      .send({ roleChangedRecently: false })
      .expect(200);
    expect(res.body.results[0]).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    expect(res.body.results[0].attempts).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_200);
  });

  it('does not wait when the pasted policy itself refuses the external ID', async () => {
    const policy = trustPolicy('demo@*@stack-a@*').replace('111111111111', '999999999999');
    const { roleArn } = await createRole(t.iam, policy);
    const started = Date.now();
    const { verification } = await create(roleArn, { verifyTarget: { trustPolicy: policy } });
    expect(verification.results[0]?.error?.code).toBe('AccessDenied');
    expect(ids(verification.results[0]?.hints ?? [])[0]).toBe('trust-policy-analysis');
    expect(Date.now() - started).toBeLessThan(1_200);
  });
});
