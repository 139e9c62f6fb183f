import { execFile } from 'node:child_process';
import { GetRoleCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
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

/**
 * A snippet pasted into a fresh shell: nothing in the environment but PATH (where `aws` is
 * Debian's AWS CLI v2) and an empty home, so only the keys the snippet exports sign it.
 */
function paste(snippet: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      '/bin/bash',
      ['-e', '-c', snippet],
      { env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' }, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

let n = 0;
async function create(roleArn: string) {
  const res = await agent
    .post('/api/integrations/aws')
    .send({ name: `snippets-${++n}`, spaceId: 'root', roleArn })
    .expect(201);
  return res.body as { integration: { id: string }; verification: Verification };
}
const verify = async (id: string, body: object = {}) =>
  (await agent.post(`/api/integrations/aws/${id}/verify`).send(body).expect(200))
    .body as Verification;
const hint = (v: Verification, id: string): Hint | undefined =>
  v.results.flatMap((r) => r.hints).find((h) => h.id === id);

describe('every command the console shows runs verbatim against the sandbox', () => {
  it('step 1: the generated create-role command names its keys, endpoint and region', async () => {
    const res = await agent
      .post('/api/trust-policy/generate')
      .send({ variant: 'any-stack', roleName: `snippet-created-${process.pid}` })
      .expect(200);
    const snippet = res.body.awsCli as string;
    expect(snippet).toMatch(/^export AWS_ACCESS_KEY_ID=AKIA\w+ AWS_SECRET_ACCESS_KEY=\S+\n/);
    expect(snippet).toContain(
      `aws --endpoint-url ${t.sandbox.url} --region us-east-1 iam create-role`,
    );
    const out = await paste(snippet);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const role = await t.iam.send(
      new GetRoleCommand({ RoleName: `snippet-created-${process.pid}` }),
    );
    expect(role.Role?.Arn).toBe(`arn:aws:iam::222222222222:role/snippet-created-${process.pid}`);
  });

  it('a copied fix (the update-assume-role-policy command) applied verbatim makes Verify again pass', async () => {
    const { roleArn } = await createRole(t.iam, trustPolicy('demo@*@stack-a@*'));
    const { integration, verification } = await create(roleArn);
    expect(verification.ok).toBe(false);
    const denies = hint(verification, 'trust-policy-denies');
    expect(denies?.fixes?.map((f) => f.kind)).toEqual(['statement', 'policy', 'command']);
    const policy = denies?.fixes?.find((f) => f.kind === 'policy')?.value ?? '';
    // The whole document keeps the role's current statement and adds the missing one.
    expect((JSON.parse(policy) as { Statement: unknown[] }).Statement).toHaveLength(2);
    const command = denies?.fixes?.find((f) => f.kind === 'command')?.value ?? '';
    expect(command).toContain('iam update-assume-role-policy');
    const out = await paste(command);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect((await verify(integration.id)).ok).toBe(true);
  });

  it('the "passed before" hint shows the role\'s current trust policy with get-role', async () => {
    const { roleName, roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const { integration, verification } = await create(roleArn);
    expect(verification.ok).toBe(true);
    await t.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: roleName,
        PolicyDocument: trustPolicy('someone-else@*'),
      }),
    );
    const failed = await verify(integration.id, { roleChangedRecently: false });
    const before = hint(failed, 'passed-before');
    expect(before?.title).toMatch(
      /^It passed at \d\d:\d\d — was the role deleted or its trust policy changed\?$/,
    );
    const out = await paste(before?.fix ?? '');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('someone-else@*');
  });

  it('the duration fix raises the role maximum with update-role', async () => {
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    t.sandbox.faults.setRole(roleArn, { maxSessionDuration: 900 });
    const { verification } = await create(roleArn);
    const fix = hint(verification, 'duration-over-max')?.fix ?? '';
    expect(fix).toContain('iam update-role');
    const out = await paste(fix);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    t.sandbox.faults.reset();
  });

  it('a deleted role is named as such, with a list-roles command that runs', async () => {
    const { verification } = await create('arn:aws:iam::222222222222:role/never-created');
    const missing = hint(verification, 'role-not-found');
    expect(missing?.title).toBe('No role named never-created in account 222222222222');
    const out = await paste(missing?.fix ?? '');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(expect.any(Array));
  });
});
