import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import type { Hint } from '@rolebridge/contracts';
import { describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, expectNoLeak, trustPolicy } from '../test/roles.js';
import { verificationSuite } from '../test/verification-suite.js';

const suite = verificationSuite();
const { createIntegration, verify } = suite;
const hintIds = (hints: Hint[] | undefined) => (hints ?? []).map((h) => h.id);
const hint = (hints: Hint[] | undefined, id: string) => hints?.find((h) => h.id === id);

describe('verifying on create', () => {
  it('assumes an any-stack role for read and write and says which stack it used', async () => {
    const { roleName, roleArn } = await createRole(suite.t.iam, ANY_STACK_POLICY);
    const { integration, verification } = await createIntegration(roleArn);
    expect(verification).toMatchObject({
      ok: true,
      confusedDeputy: { checked: true, open: false },
    });
    expect(verification?.results.map((r) => [r.phase, r.stackSlug, r.ok])).toEqual([
      ['read', 'rolebridge-verify', true],
      ['write', 'rolebridge-verify', true],
    ]);
    for (const r of verification?.results ?? []) {
      expect(r.assumedRoleArn).toBe(
        `arn:aws:sts::222222222222:assumed-role/${roleName}/rolebridge-verify.admin@example.com`,
      );
      expect(r.externalId).toBe(`demo@${integration.id}@rolebridge-verify@${r.phase}`);
    }
    expect(hintIds(verification?.hints)).toEqual(['verified-with-probe-stack']);

    const read = await suite.agent.get(`/api/integrations/aws/${integration.id}`).expect(200);
    expect(read.body.lastVerification).toEqual(verification);
    const audit = await suite.t.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'sts.assume_role')
      .where('target_id', '=', integration.id)
      .execute();
    const details = audit.map((a) => JSON.parse(a.detail) as Record<string, unknown>);
    expect(details).toHaveLength(3); // read, write and the probe
    expect(details).toContainEqual(
      expect.objectContaining({
        purpose: 'verify',
        roleArn,
        externalId: `demo@${integration.id}@rolebridge-verify@read`,
        outcome: 'allowed',
        assumedRoleArn: expect.stringContaining('assumed-role') as unknown,
      }),
    );
    expect(details).toContainEqual(
      expect.objectContaining({
        purpose: 'confused-deputy-probe',
        externalId: null,
        outcome: 'failed',
        errorCode: 'AccessDenied',
      }),
    );
  });

  it('does not verify a role the worker assumes, and says why when asked', async () => {
    const { integration, verification } = await createIntegration(
      'arn:aws:iam::222222222222:role/on-worker',
      { assumeRoleOnWorker: true, externalId: 'custom-id' },
    );
    expect(verification).toBeNull();
    const res = await suite.agent.post(`/api/integrations/aws/${integration.id}/verify`).send({});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'verified_on_worker' });
    expect(res.body.detail).toMatch(/worker/);
  });
});

describe('a trust policy for another stack', () => {
  it('explains the denial with the statement to add, then passes once it is added', async () => {
    const { roleName, roleArn } = await createRole(suite.t.iam, trustPolicy('demo@*@stack-a@*'));
    const { integration } = await createIntegration(roleArn);
    const denied = await verify(integration.id, { stack: 'stack-b' });
    expect(denied.ok).toBe(false);
    const [read] = denied.results;
    expect(read?.error?.code).toBe('AccessDenied');
    // The sandbox lets Rolebridge read the role's policy, so it says why it refuses.
    expect(hintIds(read?.hints)).toEqual([
      'role-trust-policy-analysis',
      'trust-policy-denies',
      'external-id',
    ]);
    const externalId = `demo@${integration.id}@stack-b@read`;
    expect(hint(read?.hints, 'external-id')?.fix).toBe(externalId);
    const statement = JSON.parse(hint(read?.hints, 'trust-policy-denies')?.fix ?? '{}') as object;
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Principal: { AWS: '111111111111' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': externalId } },
    });

    // The admin pastes the suggested statements for both phases into the role.
    const write = denied.results[1];
    const added = [read, write].map(
      (r) => JSON.parse(hint(r?.hints, 'trust-policy-denies')?.fix ?? '{}') as object,
    );
    const current = JSON.parse(trustPolicy('demo@*@stack-a@*')) as { Statement: object[] };
    await suite.t.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: roleName,
        PolicyDocument: JSON.stringify({ ...current, Statement: [...current.Statement, ...added] }),
      }),
    );
    const passed = await verify(integration.id, { stack: 'stack-b', roleChangedRecently: true });
    expect(passed.results.map((r) => [r.phase, r.ok])).toEqual([
      ['read', true],
      ['write', true],
    ]);
  });

  it('checks a stack the wizard says the policy allows, or defers to attach time', async () => {
    const { roleArn } = await createRole(suite.t.iam, trustPolicy('demo@*@stack-a@*'));
    const named = await createIntegration(roleArn, {
      verifyTarget: { variant: 'specific-stacks', stackSlugs: ['stack-a'] },
    });
    expect(named.verification).toMatchObject({ ok: true });
    expect(named.verification?.results.map((r) => r.stackSlug)).toEqual(['stack-a', 'stack-a']);
    expect(hintIds(named.verification?.hints)).toEqual(['verified-with-allowed-stack']);
    // Re-verifying without a target keeps to the stack that was checked before.
    expect((await verify(named.integration.id)).results[0]?.stackSlug).toBe('stack-a');

    const deferred = await createIntegration(roleArn, {
      verifyTarget: { variant: 'specific-stacks' },
    });
    expect(deferred.verification).toMatchObject({ ok: false, deferred: true, results: [] });
    expect(hintIds(deferred.verification?.hints)).toEqual(['verification-deferred']);

    const pasted = await createIntegration(roleArn, {
      verifyTarget: { trustPolicy: trustPolicy('demo@*@stack-a@*') },
    });
    expect(pasted.verification?.ok).toBe(true);
    expect(pasted.verification?.results[0]?.stackSlug).toBe('stack-a');
  });

  it("adds the analyzer's verdict when the admin pasted the policy", async () => {
    const { roleArn } = await createRole(suite.t.iam, trustPolicy('demo@*@stack-a@*'));
    const { integration } = await createIntegration(roleArn);
    const res = await verify(integration.id, {
      stack: 'stack-b',
      phases: ['read'],
      target: { trustPolicy: trustPolicy('demo@*@stack-a@*') },
    });
    const analysis = hint(res.results[0]?.hints, 'trust-policy-analysis');
    expect(analysis?.title).toContain(`demo@${integration.id}@stack-b@read`);
    expect(analysis?.detail).toMatch(/StringLike sts:ExternalId .*stack-a/);

    // A pasted policy that would allow it means the role in AWS carries another one.
    const other = await verify(integration.id, {
      stack: 'stack-c',
      phases: ['read'],
      target: { trustPolicy: trustPolicy('demo@*@stack-c@*') },
    });
    expect(hintIds(other.results[0]?.hints)).toContain('trust-policy-pasted-allows');
  });
});

describe('temporary credentials', () => {
  it('never reach a response, a log line or the database', async () => {
    await expectNoLeak(suite.t, suite.issuedSecrets, suite.responses);
  });
});
