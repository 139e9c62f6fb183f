import { DeleteRoleCommand } from '@aws-sdk/client-iam';
import type { Hint, Verification } from '@rolebridge/contracts';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, trustPolicy } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let agent: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.loginAgent();
});
afterAll(() => t.close());

let n = 0;
async function create(roleArn: string) {
  const res = await agent
    .post('/api/integrations/aws')
    .send({ name: `causes-${++n}`, spaceId: 'root', roleArn })
    .expect(201);
  return res.body as { integration: { id: string }; verification: Verification };
}
const hintsOf = (v: Verification): Hint[] => v.results[0]?.hints ?? [];
const ids = (v: Verification) => hintsOf(v).map((h) => h.id);

describe('each cause of AccessDenied gets its own advice', () => {
  it('calls account digits that match no known account a typo, and offers no misleading get-role', async () => {
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const typo = roleArn.replace('222222222222', '222222222232');
    const { verification } = await create(typo);
    expect(verification.results[0]?.error?.code).toBe('AccessDenied');
    expect(ids(verification)).toEqual(['arn-account-unknown']);
    const [account] = hintsOf(verification);
    expect(account?.title).toBe(
      'Account 222222222232 in the ARN looks like a typo of 222222222222',
    );
    expect(account?.fix).toBe(roleArn);
    expect(JSON.stringify(verification)).not.toContain('get-role');
    // A typo cannot be fixed by waiting for IAM: nothing is retried.
    expect(verification.retrying).toBeUndefined();
  });

  it('tells a wrong external ID from a wrong principal', async () => {
    const { roleArn: wrongId } = await createRole(t.iam, trustPolicy('demo@*@other-stack@*'));
    const idCase = (await create(wrongId)).verification;
    expect(ids(idCase)[0]).toBe('role-trust-policy-analysis');
    expect(hintsOf(idCase)[0]?.title).toMatch(/sts:ExternalId condition does not match demo@/);

    const { roleArn: wrongPrincipal } = await createRole(
      t.iam,
      trustPolicy('demo@*').replace('111111111111', '333333333333'),
    );
    const principalCase = (await create(wrongPrincipal)).verification;
    expect(ids(principalCase)[0]).toBe('role-trust-policy-analysis');
    expect(hintsOf(principalCase)[0]?.title).toBe(
      "Your trust policy names another principal, not Rolebridge's account",
    );
  });

  it('says a role that passed before and is gone now was deleted', async () => {
    const { roleName, roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const { integration, verification } = await create(roleArn);
    expect(verification.ok).toBe(true);
    await t.iam.send(new DeleteRoleCommand({ RoleName: roleName }));
    const res = await agent
      .post(`/api/integrations/aws/${integration.id}/verify`)
      .send({ roleChangedRecently: false })
      .expect(200);
    const failed = res.body as Verification;
    expect(ids(failed)[0]).toBe('role-deleted');
    expect(hintsOf(failed)[0]?.title).toMatch(
      /^It passed at \d\d:\d\d, but the role no longer exists$/,
    );
    expect(failed.lastOkAt).toBe(verification.checkedAt);
  });

  it('refuses a role in another partition before calling AWS, with the partition named', async () => {
    const { verification } = await create('arn:aws-cn:iam::222222222222:role/rolebridge');
    expect(verification.results[0]?.error?.code).toBe('InvalidRoleArn');
    expect(ids(verification)).toEqual(['arn-wrong-partition']);
    expect(hintsOf(verification)[0]?.title).toBe(
      'The role is in partition aws-cn; Rolebridge runs in aws',
    );
    expect(hintsOf(verification)[0]?.fix).toBe('arn:aws:iam::222222222222:role/rolebridge');
  });
});

describe('STS that cannot be reached', () => {
  it('says the connection was refused, not that STS did not answer in time', async () => {
    const closed = await createTestApp({ sandbox: t.sandbox, stsEndpoint: 'http://127.0.0.1:9' });
    try {
      const admin = await closed.loginAgent();
      const res = await admin
        .post('/api/integrations/aws')
        .send({ name: 'refused', spaceId: 'root', roleArn: 'arn:aws:iam::222222222222:role/x' })
        .expect(201);
      const verification = res.body.verification as Verification;
      expect(verification.results[0]?.error?.code).toBe('ECONNREFUSED');
      const [first] = hintsOf(verification);
      expect(first?.id).toBe('sts-unreachable');
      expect(first?.title).toBe('Rolebridge could not connect to STS (connection refused)');
    } finally {
      await closed.close();
    }
  });
});
